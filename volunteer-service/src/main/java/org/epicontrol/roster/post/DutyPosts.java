package org.epicontrol.roster.post;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.people.VolunteerKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

@ApplicationScoped
public class DutyPosts {

    public static final String COLUMNS = "p.id as p_id, p.name as p_name, p.kind as p_kind,"
            + " p.required_headcount as p_required, p.allowed_kinds as p_allowed, p.required_skill as p_skill,"
            + " p.around_the_clock as p_clock, p.area_id as p_area, p.address as p_address, p.community_id as p_community";

    private final Pool pool;
    private final AuditTrail audit;

    public DutyPosts(Pool pool, AuditTrail audit) {
        this.pool = pool;
        this.audit = audit;
    }

    public static DutyPost map(Row row) {
        return new DutyPost(String.valueOf(row.getLong("p_id")), row.getString("p_name"),
                PostKind.valueOf(row.getString("p_kind")), row.getInteger("p_required"),
                Arrays.stream(row.getArrayOfStrings("p_allowed")).map(VolunteerKind::valueOf).toList(),
                row.getString("p_skill"), row.getBoolean("p_clock"), row.getString("p_area"),
                row.getString("p_address"), row.getLong("p_community"));
    }

    public Uni<DutyPost> create(DutyPostInput input, Permit permit) {
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalid("name must have 1 to 200 characters");
        }
        if (input.requiredHeadcount() < 1 || input.requiredHeadcount() > 100) {
            throw DomainException.invalid("requiredHeadcount must be between 1 and 100, was " + input.requiredHeadcount());
        }
        long community = Ids.parse(input.communityId());
        String[] allowed = input.allowedKinds() == null ? new String[0]
                : input.allowedKinds().stream().distinct().map(Enum::name).toArray(String[]::new);
        String sql = """
                insert into duty_post (community_id, name, kind, required_headcount, allowed_kinds, required_skill,
                                       around_the_clock, area_id, address)
                select o.id, $2, $3, $4, $5, $6, $7, $8, $9 from org_unit o where o.id = $1 and o.kind = 'COMMUNITY'
                returning id""";
        Map<String, Object> details = Map.of("communityId", community, "name", name, "kind", input.kind().name(),
                "requiredHeadcount", input.requiredHeadcount());
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                        .execute(Tuple.from(Arrays.asList(community, name, input.kind().name(), input.requiredHeadcount(),
                                allowed, blankToNull(input.requiredSkill()), Boolean.TRUE.equals(input.aroundTheClock()),
                                input.areaId(), blankToNull(input.address()))))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "CREATE_POST", "DutyPost", rows.iterator().next().getLong("id"),
                                        details)))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new DomainException("DUPLICATE_NAME", "the community already has a post named " + name))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainException.notFound("community", community);
                    }
                    return byId(rows.iterator().next().getLong("id"));
                });
    }

    public Uni<DutyPost> byId(long id) {
        return byIds(List.of(id)).map(list -> {
            if (list.get(0) == null) {
                throw DomainException.notFound("duty post", id);
            }
            return list.get(0);
        });
    }

    public Uni<List<DutyPost>> byIds(List<Long> ids) {
        return pool.preparedQuery("select " + COLUMNS + " from duty_post p where p.id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, DutyPost> found = new HashMap<>();
                    for (Row row : rows) {
                        DutyPost p = map(row);
                        found.put(p.numericId(), p);
                    }
                    return ids.stream().map(found::get).toList();
                });
    }

    public Uni<List<List<DutyPost>>> ofCommunities(List<Long> communityIds) {
        return grouped("p.community_id = any($1)", Tuple.of(communityIds.toArray(Long[]::new)), communityIds,
                DutyPost::communityId);
    }

    public Uni<List<List<DutyPost>>> ofAreas(List<String> areaIds) {
        String[] ids = areaIds.toArray(String[]::new);
        return pool.preparedQuery("select " + COLUMNS + " from duty_post p where p.area_id = any($1) order by p.id")
                .execute(Tuple.of((Object) ids))
                .map(rows -> {
                    Map<String, List<DutyPost>> byArea = new HashMap<>();
                    for (Row row : rows) {
                        DutyPost p = map(row);
                        byArea.computeIfAbsent(p.areaId(), k -> new ArrayList<>()).add(p);
                    }
                    return areaIds.stream().map(id -> byArea.getOrDefault(id, List.of())).toList();
                });
    }

    private Uni<List<List<DutyPost>>> grouped(String where, Tuple args, List<Long> keys,
                                               ToLongFunction<DutyPost> key) {
        return pool.preparedQuery("select " + COLUMNS + " from duty_post p where " + where + " order by p.id")
                .execute(args)
                .map(rows -> {
                    Map<Long, List<DutyPost>> groups = new HashMap<>();
                    for (Row row : rows) {
                        DutyPost p = map(row);
                        groups.computeIfAbsent(key.applyAsLong(p), k -> new ArrayList<>()).add(p);
                    }
                    return keys.stream().map(k -> groups.getOrDefault(k, List.of())).toList();
                });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
