package org.epicontrol.roster.org;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.ScopeResolver;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Who answers for a grid or a building ("五包一": grid worker, cadres, volunteer, village doctor). */
@ApplicationScoped
public class Responsibilities {

    public static final String GRID_WORKER = "GRID_WORKER";
    /** 楼长: looks after a building's households (testing rounds, their residents' contacts). */
    public static final String BUILDING_CAPTAIN = "BUILDING_CAPTAIN";

    private final Pool pool;
    private final OrgUnits units;
    private final Volunteers volunteers;
    private final AuditTrail audit;
    private final ScopeResolver scopes;

    public Responsibilities(Pool pool, OrgUnits units, Volunteers volunteers, AuditTrail audit, ScopeResolver scopes) {
        this.pool = pool;
        this.units = units;
        this.volunteers = volunteers;
        this.audit = audit;
        this.scopes = scopes;
    }

    /** Idempotent: holding a role twice is holding it once. */
    public Uni<OrgUnit> assign(long unitId, long volunteerId, String role, Permit permit) {
        String normalised = role(role == null ? GRID_WORKER : role);
        return units.byId(unitId, null).chain(unit -> {
            if (unit.kind() != OrgKind.GRID && unit.kind() != OrgKind.BUILDING) {
                throw DomainException.invalid("responsibilities are held for a grid or a building; unit " + unitId
                        + " is a " + unit.kind().name().toLowerCase(Locale.ROOT));
            }
            return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("""
                                    with v as (select id from volunteer where id = $2),
                                    added as (insert into responsibility (org_unit_id, volunteer_id, role)
                                              select $1, v.id, $3 from v on conflict do nothing returning 1)
                                    select count(*) as volunteers, (select count(*) from added) as added from v""")
                            .execute(Tuple.of(unitId, volunteerId, normalised))
                            .chain(rows -> {
                                Row row = rows.iterator().next();
                                if (row.getLong("volunteers") == 0) {
                                    throw DomainException.notFound("volunteer", volunteerId);
                                }
                                return row.getLong("added") == 0 ? Uni.createFrom().voidItem()
                                        : audit.record(tx, actor, "ASSIGN_RESPONSIBILITY", "OrgUnit", unitId,
                                                Map.of("volunteerId", volunteerId, "role", normalised));
                            }))
                    // a responsibility widens what its holder may read (Scope.duties): kept scopes are stale
                    .call(scopes::forgetAll)
                    .replaceWith(unit);
        });
    }

    /** One list per unit id, by person then role. */
    public Uni<List<List<Responsibility>>> of(List<Long> unitIds) {
        return pool.preparedQuery("""
                        select org_unit_id, volunteer_id, role from responsibility
                        where org_unit_id = any($1) order by volunteer_id, role""")
                .execute(Tuple.of(unitIds.toArray(Long[]::new)))
                .chain(rows -> {
                    List<Row> held = new ArrayList<>();
                    Set<Long> people = new LinkedHashSet<>();
                    for (Row row : rows) {
                        held.add(row);
                        people.add(row.getLong("volunteer_id"));
                    }
                    if (people.isEmpty()) {
                        return Uni.createFrom().item(unitIds.stream().map(id -> List.<Responsibility>of()).toList());
                    }
                    List<Long> ids = List.copyOf(people);
                    return volunteers.byIds(ids).map(found -> {
                        Map<Long, Volunteer> byId = new HashMap<>();
                        for (int i = 0; i < ids.size(); i++) {
                            byId.put(ids.get(i), found.get(i));
                        }
                        Map<Long, List<Responsibility>> byUnit = new HashMap<>();
                        for (Row row : held) {
                            byUnit.computeIfAbsent(row.getLong("org_unit_id"), k -> new ArrayList<>())
                                    .add(new Responsibility(row.getString("role"), byId.get(row.getLong("volunteer_id"))));
                        }
                        return unitIds.stream().map(id -> byUnit.getOrDefault(id, List.of())).toList();
                    });
                });
    }

    /** One list per unit id: the people answering for it in any role, each once. */
    public Uni<List<List<Volunteer>>> holdersOf(List<Long> unitIds) {
        return of(unitIds).map(lists -> lists.stream()
                .map(list -> list.stream().map(Responsibility::volunteer).distinct().toList())
                .toList());
    }

    private static String role(String role) {
        String normalised = role.strip().toUpperCase(Locale.ROOT);
        if (!normalised.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw DomainException.invalid("role '" + role + "' must be a code such as GRID_WORKER, COMMUNITY_CADRE,"
                    + " TOWNSHIP_CADRE, VOLUNTEER or VILLAGE_DOCTOR");
        }
        return normalised;
    }
}
