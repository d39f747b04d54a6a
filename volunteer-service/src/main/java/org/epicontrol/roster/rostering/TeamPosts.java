package org.epicontrol.roster.rostering;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which duty posts ask for a team (SQL, {@code duty_post.asks_for_team}): on their shifts the rostering prefers people
 * who share a team ({@code RosterConstraints.teamKeptTogether}).
 */
@ApplicationScoped
public class TeamPosts {

    private final Pool pool;
    private final AuditTrail audit;

    public TeamPosts(Pool pool, AuditTrail audit) {
        this.pool = pool;
        this.audit = audit;
    }

    /** Sets the flag in the permit's transaction (the post checked there), audited as SET_POST_ASKS_FOR_TEAM. */
    public Uni<Void> set(long postId, boolean asksForTeam, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(
                                "update duty_post set asks_for_team = $2 where id = $1 returning id")
                        .execute(Tuple.of(postId, asksForTeam))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                throw DomainException.notFound("duty post", postId);
                            }
                            return audit.record(tx, actor, "SET_POST_ASKS_FOR_TEAM", "DutyPost", postId,
                                    Map.of("asksForTeam", asksForTeam));
                        }))
                .replaceWithVoid();
    }

    /** One flag per post id, false for a post not found. */
    public Uni<List<Boolean>> asksForTeam(List<Long> postIds) {
        return pool.preparedQuery("select id, asks_for_team from duty_post where id = any($1)")
                .execute(Tuple.of((Object) postIds.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, Boolean> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getLong("id"), r.getBoolean("asks_for_team")));
                    return postIds.stream().map(id -> found.getOrDefault(id, false)).toList();
                });
    }
}
