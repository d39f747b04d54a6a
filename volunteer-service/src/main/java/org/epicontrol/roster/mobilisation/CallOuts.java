package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.coverage.Coverage;
import org.epicontrol.roster.coverage.CoverageGap;
import org.epicontrol.roster.people.VolunteerKind;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Call-outs (SQL): created with their pool invited in one transaction, closed, read with their figures. The pool:
 * the community's active volunteers having any of the kinds, all of the skills, in the team (each criterion
 * optional), at most {@code mobilisation.max-pool}. The call's shifts: those of its post, or of its response's
 * posts, or of every post of the community, overlapping [from, to); its gap hours are the coverage gaps of those
 * posts in the window when it goes out ({@link Coverage}).
 */
@ApplicationScoped
public class CallOuts {

    private static final String SELECT = """
            select k.id, lower(k.during) as f, upper(k.during) as t, k.kinds, k.skills, k.message, k.status,
                   k.created_at, k.gap_hours::float8 as gap_hours, k.community_id, k.post_id, k.response_id, k.team_id,
                   n.invited, n.answered, n.accepted,
                   (select coalesce(sum(extract(epoch from upper(x.during) - lower(x.during))), 0)::float8 / 3600
                    from call_out_sign_up u join assignment x on x.id = u.assignment_id and x.status = 'ACTIVE'
                    where u.call_out_id = k.id) as filled_hours
            from call_out k cross join lateral (
              select count(*) as invited, count(a.accepted) as answered, count(*) filter (where a.accepted) as accepted
              from call_out_answer a where a.call_out_id = k.id) n
            """;

    private final Pool pool;
    private final AuditTrail audit;
    private final Coverage coverage;
    private final DutyPosts posts;
    private final MobilisationConfig config;

    public CallOuts(Pool pool, AuditTrail audit, Coverage coverage, DutyPosts posts, MobilisationConfig config) {
        this.pool = pool;
        this.audit = audit;
        this.coverage = coverage;
        this.posts = posts;
        this.config = config;
    }

    private static CallOut map(Row row) {
        return new CallOut(String.valueOf(row.getLong("id")), row.getOffsetDateTime("f"), row.getOffsetDateTime("t"),
                Arrays.stream(row.getArrayOfStrings("kinds")).map(VolunteerKind::valueOf).toList(),
                Arrays.asList(row.getArrayOfStrings("skills")), row.getString("message"),
                CallOutStatus.valueOf(row.getString("status")), row.getOffsetDateTime("created_at"),
                row.getLong("invited").intValue(), row.getLong("answered").intValue(), row.getLong("accepted").intValue(),
                row.getDouble("gap_hours"), row.getDouble("filled_hours"), row.getLong("community_id"),
                row.getLong("post_id"), row.getLong("response_id"), row.getLong("team_id"));
    }

    /** What a new call-out names, parsed. */
    public record Call(long communityId, Long postId, Long responseId, OffsetDateTime from, OffsetDateTime to,
                       List<VolunteerKind> kinds, List<String> skills, Long teamId, String message) {
    }

    public Uni<CallOut> create(Call call, Permit permit) {
        if (call.postId() != null && call.responseId() != null) {
            throw DomainException.invalid("a call-out is for a post or for a response, not both");
        }
        String message = call.message() == null || call.message().isBlank() ? null : call.message().strip();
        if (message != null && message.length() > 500) {
            throw DomainException.invalid("a message has at most 500 characters");
        }
        String[] kinds = call.kinds() == null ? new String[0]
                : call.kinds().stream().distinct().map(Enum::name).toArray(String[]::new);
        String[] skills = call.skills() == null ? new String[0]
                : call.skills().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
        String insert = """
                insert into call_out (community_id, post_id, response_id, during, kinds, skills, team_id, message,
                                      gap_hours, created_by)
                values ($1, $2, $3, tstzrange($4, $5), $6, $7, $8, $9, $10, $11) returning id""";
        String invite = """
                insert into call_out_answer (call_out_id, volunteer_id)
                select $1, v.id from volunteer v
                where v.community_id = $2 and v.active and (cardinality($3::text[]) = 0 or v.kinds && $3)
                  and v.skills @> $4
                  and ($5::bigint is null or exists (select 1 from team_member m where m.team_id = $5 and m.volunteer_id = v.id))
                order by v.id limit $6""";
        return gapHours(call).chain(gap -> permit.transaction(pool, (tx, actor) -> checkPlace(tx, call)
                        .chain(() -> tx.preparedQuery(insert).execute(Tuple.from(Arrays.asList(call.communityId(),
                                call.postId(), call.responseId(), call.from(), call.to(), kinds, skills, call.teamId(),
                                message, gap, actor.username()))))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .chain(id -> tx.preparedQuery(invite).execute(Tuple.from(Arrays.asList(id, call.communityId(),
                                        kinds, skills, call.teamId(), config.maxPool())))
                                .call(invited -> {
                                    Map<String, Object> details = new HashMap<>();
                                    details.put("postId", call.postId());
                                    details.put("responseId", call.responseId());
                                    details.put("teamId", call.teamId());
                                    details.put("invited", invited.rowCount());
                                    details.put("gapHours", gap);
                                    return audit.record(tx, actor, "CALL_OUT", "CallOut", id, details);
                                })
                                .replaceWith(id))))
                .chain(this::byId);
    }

    /** Person-hours under-staffed in the window, in the posts the call is for. */
    private Uni<Double> gapHours(Call call) {
        Uni<List<CoverageGap>> gaps;
        if (call.postId() != null) {
            gaps = coverage.gapsOfPosts(List.of(call.postId()), call.from(), call.to());
        } else if (call.responseId() != null) {
            gaps = posts.ofResponses(List.of(call.responseId())).chain(found -> coverage.gapsOfPosts(
                    found.get(0).stream().map(DutyPost::numericId).toList(), call.from(), call.to()));
        } else {
            gaps = coverage.gaps(call.communityId(), call.from(), call.to());
        }
        return gaps.map(list -> list.stream().mapToDouble(g -> (double) (g.required() - g.staffed()) * g.hours().size()).sum());
    }

    /** The post or response named must be the community's own. */
    private static Uni<Void> checkPlace(SqlClient tx, Call call) {
        if (call.postId() == null && call.responseId() == null) {
            return Uni.createFrom().voidItem();
        }
        String sql = call.postId() != null ? "select community_id from duty_post where id = $1"
                : "select community_id from response where id = $1";
        long id = call.postId() != null ? call.postId() : call.responseId();
        String what = call.postId() != null ? "duty post" : "response";
        return tx.preparedQuery(sql).execute(Tuple.of(id)).invoke(rows -> {
            if (rows.size() == 0) {
                throw DomainException.notFound(what, id);
            }
            if (rows.iterator().next().getLong("community_id") != call.communityId()) {
                throw DomainException.invalid(what + " " + id + " is not of community " + call.communityId());
            }
        }).replaceWithVoid();
    }

    public Uni<CallOut> close(long id, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("update call_out set status = 'CLOSED',"
                                + " closed_at = now() where id = $1 and status = 'OPEN'")
                        .execute(Tuple.of(id))
                        .call(rows -> {
                            if (rows.rowCount() == 0) {
                                return tx.preparedQuery("select 1 from call_out where id = $1").execute(Tuple.of(id))
                                        .invoke(found -> {
                                            throw found.size() == 0 ? DomainException.notFound("call-out", id)
                                                    : new DomainException("CALL_OUT_CLOSED", "call-out " + id + " is closed");
                                        });
                            }
                            return audit.record(tx, actor, "CLOSE_CALL_OUT", "CallOut", id, Map.of());
                        }))
                .chain(() -> byId(id));
    }

    public Uni<CallOut> byId(long id) {
        return byIds(List.of(id)).map(list -> {
            if (list.get(0) == null) {
                throw DomainException.notFound("call-out", id);
            }
            return list.get(0);
        });
    }

    /** One position per id, null where none has that id. */
    public Uni<List<CallOut>> byIds(List<Long> ids) {
        return pool.preparedQuery(SELECT + " where k.id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, CallOut> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getLong("id"), map(row)));
                    return ids.stream().map(found::get).toList();
                });
    }

    /** A community's call-outs, newest first. */
    public Uni<List<CallOut>> ofCommunity(long communityId, boolean openOnly, int first) {
        return pool.preparedQuery(SELECT + " where k.community_id = $1 and (not $2 or k.status = 'OPEN')"
                        + " order by k.id desc limit $3")
                .execute(Tuple.of(communityId, openOnly, first))
                .map(CallOuts::list);
    }

    /** The call-outs a volunteer is invited to, open ones first, newest first. */
    public Uni<List<CallOut>> ofVolunteer(long volunteerId, int first) {
        return pool.preparedQuery(SELECT + " where k.id in (select call_out_id from call_out_answer where volunteer_id = $1)"
                        + " order by k.status = 'OPEN' desc, k.id desc limit $2")
                .execute(Tuple.of(volunteerId, first))
                .map(CallOuts::list);
    }

    private static List<CallOut> list(RowSet<Row> rows) {
        List<CallOut> list = new ArrayList<>();
        rows.forEach(row -> list.add(map(row)));
        return list;
    }
}
