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
            + " p.around_the_clock as p_clock, p.area_id as p_area, p.address as p_address, p.community_id as p_community,"
            + " p.active_from as p_from, p.active_until as p_until, p.closed_reason as p_closed, p.response_id as p_response";

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
                row.getString("p_address"), row.getOffsetDateTime("p_from"), row.getOffsetDateTime("p_until"),
                row.getString("p_closed"), row.getLong("p_community"), row.getLong("p_response"));
    }

    public Uni<DutyPost> create(DutyPostInput input, Permit permit) {
        String name = checkedName(input.name());
        checkHeadcount(input.requiredHeadcount());
        long community = Ids.parse(input.communityId());
        String sql = """
                insert into duty_post (community_id, name, kind, required_headcount, allowed_kinds, required_skill,
                                       around_the_clock, area_id, address, active_from)
                select o.id, $2, $3, $4, $5, $6, $7, $8, $9, $10 from org_unit o where o.id = $1 and o.kind = 'COMMUNITY'
                returning id""";
        Map<String, Object> details = Map.of("communityId", community, "name", name, "kind", input.kind().name(),
                "requiredHeadcount", input.requiredHeadcount());
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql).execute(columns(community, name, input))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "CREATE_POST", "DutyPost", rows.iterator().next().getLong("id"),
                                        details)))
                .onFailure(DutyPosts::isDuplicate)
                .transform(e -> new DomainException("DUPLICATE_NAME", "the community already has a post named " + name))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw DomainException.notFound("community", community);
                    }
                    return byId(rows.iterator().next().getLong("id"));
                });
    }

    /**
     * The post a response opens for one item of its plan: created once per (response, item), so that handling the
     * same area event again finds it instead of adding another. Answers the post's id.
     */
    public Uni<Long> openForResponse(DutyPostInput input, long responseId, String item, Permit permit) {
        String name = checkedName(input.name());
        checkHeadcount(input.requiredHeadcount());
        long community = Ids.parse(input.communityId());
        String sql = """
                insert into duty_post (community_id, name, kind, required_headcount, allowed_kinds, required_skill,
                                       around_the_clock, area_id, address, active_from, response_id, response_item)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                on conflict (response_id, response_item) where response_id is not null do nothing
                returning id""";
        Tuple args = columns(community, name, input).addLong(responseId).addString(item);
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql).execute(args).chain(rows -> {
            if (rows.rowCount() == 0) {
                return tx.preparedQuery("select id from duty_post where response_id = $1 and response_item = $2")
                        .execute(Tuple.of(responseId, item)).map(found -> found.iterator().next().getLong("id"));
            }
            long id = rows.iterator().next().getLong("id");
            return audit.record(tx, actor, "OPEN_POST", "DutyPost", id,
                    Map.of("responseId", responseId, "item", item, "name", name)).replaceWith(id);
        }));
    }

    /** Changes what the update names; the rest stays. */
    public Uni<DutyPost> update(long postId, DutyPostUpdate change, Permit permit) {
        String name = change.name() == null ? null : checkedName(change.name());
        if (change.requiredHeadcount() != null) {
            checkHeadcount(change.requiredHeadcount());
        }
        String[] allowed = change.allowedKinds() == null ? null
                : change.allowedKinds().stream().distinct().map(Enum::name).toArray(String[]::new);
        String sql = """
                update duty_post set name = coalesce($2, name), required_headcount = coalesce($3, required_headcount),
                  allowed_kinds = coalesce($4, allowed_kinds), required_skill = coalesce($5, required_skill),
                  around_the_clock = coalesce($6, around_the_clock), address = coalesce($7, address),
                  active_from = coalesce($8, active_from)
                where id = $1 and (active_until is null or coalesce($8, active_from) is null
                                   or active_until >= coalesce($8, active_from))
                returning id""";
        Map<String, Object> details = new HashMap<>();
        details.put("name", name);
        details.put("requiredHeadcount", change.requiredHeadcount());
        details.put("activeFrom", change.activeFrom() == null ? null : change.activeFrom().toString());
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                        .execute(Tuple.from(Arrays.asList(postId, name, change.requiredHeadcount(), allowed,
                                blankToNull(change.requiredSkill()), change.aroundTheClock(),
                                blankToNull(change.address()), change.activeFrom())))
                        .call(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                                : audit.record(tx, actor, "UPDATE_POST", "DutyPost", postId, details)))
                .onFailure(DutyPosts::isDuplicate)
                .transform(e -> new DomainException("DUPLICATE_NAME", "the community already has a post named " + name))
                .chain(rows -> rows.rowCount() == 1 ? byId(postId) : byId(postId).map(post -> {
                    throw DomainException.invalid("activeFrom must not be after the post's end (" + post.activeUntil() + ")");
                }));
    }

    private static Tuple columns(long community, String name, DutyPostInput input) {
        String[] allowed = input.allowedKinds() == null ? new String[0]
                : input.allowedKinds().stream().distinct().map(Enum::name).toArray(String[]::new);
        return Tuple.from(Arrays.asList(community, name, input.kind().name(), input.requiredHeadcount(),
                allowed, blankToNull(input.requiredSkill()), Boolean.TRUE.equals(input.aroundTheClock()),
                input.areaId(), blankToNull(input.address()), input.activeFrom()));
    }

    private static String checkedName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalid("name must have 1 to 200 characters");
        }
        return name;
    }

    private static void checkHeadcount(int headcount) {
        if (headcount < 1 || headcount > 100) {
            throw DomainException.invalid("requiredHeadcount must be between 1 and 100, was " + headcount);
        }
    }

    private static boolean isDuplicate(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** Posts a response opened, in creation order. */
    public Uni<List<List<DutyPost>>> ofResponses(List<Long> responseIds) {
        return grouped("p.response_id = any($1)", Tuple.of(responseIds.toArray(Long[]::new)), responseIds,
                p -> p.responseId() == null ? 0 : p.responseId());
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
