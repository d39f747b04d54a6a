package org.epicontrol.roster.org;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.ScopeResolver;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.audit.AuditTrail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes of the organisation tree. */
@ApplicationScoped
public class OrgUnits {

    private final Pool pool;
    private final AuditTrail audit;
    private final ScopeResolver scopes;

    public OrgUnits(Pool pool, AuditTrail audit, ScopeResolver scopes) {
        this.pool = pool;
        this.audit = audit;
        this.scopes = scopes;
    }

    public Uni<OrgUnit> create(OrgKind kind, String name, Long parentId, String areaId, Actor actor) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw DomainException.invalid("name must have 1 to 200 characters");
        }
        Map<String, Object> details = new HashMap<>();
        details.put("kind", kind.name());
        details.put("name", trimmed);
        details.put("parentId", parentId);
        details.put("areaId", areaId);
        return pool.withTransaction(tx -> create(tx, kind, trimmed, parentId, areaId)
                .call(unit -> audit.record(tx, actor.at(unit.pathIds()), "CREATE_ORG_UNIT", "OrgUnit", unit.id(), details)))
                .call(scopes::forgetAll);
    }

    /** Creates a unit under its parent, checking that the parent is of the level above. */
    public Uni<OrgUnit> create(SqlClient tx, OrgKind kind, String name, Long parentId, String areaId) {
        Uni<List<Long>> parentPath;
        if (kind.parentKind() == null) {
            if (parentId != null) {
                throw DomainException.invalid("a district has no parent");
            }
            parentPath = Uni.createFrom().item(List.of());
        } else {
            if (parentId == null) {
                throw DomainException.invalid("a " + kind.name().toLowerCase() + " needs its " + kind.parentKind().name().toLowerCase());
            }
            parentPath = tx.preparedQuery("select kind, path_ids from org_unit where id = $1").execute(Tuple.of(parentId))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            throw DomainException.notFound(kind.parentKind().name().toLowerCase(), parentId);
                        }
                        Row row = rows.iterator().next();
                        if (!row.getString("kind").equals(kind.parentKind().name())) {
                            throw DomainException.invalid("the parent of a " + kind.name().toLowerCase() + " must be a "
                                    + kind.parentKind().name().toLowerCase() + ", " + parentId + " is a "
                                    + row.getString("kind").toLowerCase());
                        }
                        return Arrays.asList(row.getArrayOfLongs("path_ids"));
                    });
        }
        return parentPath.chain(path -> tx.preparedQuery("""
                        insert into org_unit (kind, name, parent_id, area_id) values ($1, $2, $3, $4)
                        returning id""")
                .execute(Tuple.of(kind.name(), name, parentId, areaId))
                .chain(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    List<Long> full = new ArrayList<>(path);
                    full.add(id);
                    return tx.preparedQuery("update org_unit set path_ids = $2 where id = $1")
                            .execute(Tuple.of(id, full.toArray(Long[]::new)))
                            .replaceWith(new OrgUnit(String.valueOf(id), kind, name, areaId, parentId, full));
                }))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new DomainException("DUPLICATE_NAME",
                        "a " + kind.name().toLowerCase() + " named " + name + " already exists there"));
    }

    /** One position per id, null where there is no unit of that kind. */
    public Uni<List<OrgUnit>> byIds(List<Long> ids, OrgKind kind) {
        return pool.preparedQuery("select " + OrgRows.COLUMNS + " from org_unit o where o.id = any($1)"
                        + " and ($2::text is null or o.kind = $2)")
                .execute(Tuple.of(ids.toArray(Long[]::new), kind == null ? null : kind.name()))
                .map(rows -> {
                    Map<Long, OrgUnit> found = new HashMap<>();
                    for (Row row : rows) {
                        OrgUnit unit = OrgRows.map(row);
                        found.put(unit.numericId(), unit);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    public Uni<OrgUnit> byId(long id, OrgKind kind) {
        return byIds(List.of(id), kind).map(list -> {
            if (list.get(0) == null) {
                throw DomainException.notFound(kind == null ? "unit" : kind.name().toLowerCase(), id);
            }
            return list.get(0);
        });
    }

    public Uni<List<List<OrgUnit>>> childrenOf(List<Long> ids) {
        return pool.preparedQuery("select " + OrgRows.COLUMNS + " from org_unit o where o.parent_id = any($1) order by o.name")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, List<OrgUnit>> byParent = new HashMap<>();
                    for (Row row : rows) {
                        OrgUnit unit = OrgRows.map(row);
                        byParent.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
                    }
                    return ids.stream().map(id -> byParent.getOrDefault(id, List.of())).toList();
                });
    }
}
