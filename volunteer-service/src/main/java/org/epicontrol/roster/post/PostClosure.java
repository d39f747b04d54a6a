package org.epicontrol.roster.post;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.shift.Shifts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Closes posts: the active period ends, the reason is kept, and every shift starting from then on is cancelled with
 * that reason (assignments too); shifts before stay as they were.
 */
@ApplicationScoped
public class PostClosure {

    private final Pool pool;
    private final Shifts shifts;
    private final DutyPosts posts;
    private final AuditTrail audit;

    public PostClosure(Pool pool, Shifts shifts, DutyPosts posts, AuditTrail audit) {
        this.pool = pool;
        this.shifts = shifts;
        this.posts = posts;
        this.audit = audit;
    }

    /** An administrator closes a post now. */
    public Uni<DutyPost> close(long postId, String reason, Permit permit) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw DomainException.invalid("a closing needs a reason of 1 to 500 characters");
        }
        OffsetDateTime now = OffsetDateTime.now();
        return permit.transaction(pool, (tx, actor) -> close(tx, List.of(postId), now, why).chain(closed -> {
                    if (closed.posts().isEmpty()) {
                        return tx.preparedQuery("select 1 from duty_post where id = $1").execute(Tuple.of(postId))
                                .map(rows -> {
                                    throw rows.size() == 0 ? DomainException.notFound("duty post", postId)
                                            : new DomainException("POST_CLOSED", "duty post " + postId + " is closed already");
                                });
                    }
                    return audit.record(tx, actor, "CLOSE_POST", "DutyPost", postId,
                            Map.of("reason", why, "cancelledShifts", closed.shifts().size()));
                }))
                .chain(() -> posts.byId(postId));
    }

    /** What a closing changed. */
    public record Closed(List<Long> posts, List<Long> shifts) {
    }

    /**
     * Closes, in {@code tx}, those of the posts still open at {@code at} and cancels their shifts from then on. A post
     * that only starts later ends where it starts (an empty period).
     */
    public Uni<Closed> close(SqlClient tx, List<Long> postIds, OffsetDateTime at, String reason) {
        if (postIds.isEmpty()) {
            return Uni.createFrom().item(new Closed(List.of(), List.of()));
        }
        return tx.preparedQuery("update duty_post set active_until = greatest($2, coalesce(active_from, $2)),"
                        + " closed_reason = $3 where id = any($1) and active_until is null returning id")
                .execute(Tuple.of(postIds.toArray(Long[]::new), at, reason))
                .chain(rows -> {
                    List<Long> closed = new ArrayList<>();
                    rows.forEach(r -> closed.add(r.getLong("id")));
                    return closed.isEmpty() ? Uni.createFrom().item(new Closed(closed, List.of()))
                            : shifts.cancelFrom(tx, closed, at, reason).map(cancelled -> new Closed(closed, cancelled));
                });
    }
}
