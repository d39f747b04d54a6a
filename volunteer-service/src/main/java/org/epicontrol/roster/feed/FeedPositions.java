package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stored position of a feed and the lead over it, on one connection of the consumer's.
 *
 * <p>The lead is a session-level PostgreSQL advisory lock keyed by the feed's name, taken with
 * {@code pg_try_advisory_lock} for one batch on the batch's own connection and released at its end. A row lock
 * ({@code for update skip locked}) or a transaction-level advisory lock would hold only while one transaction is
 * open, so the position could be committed only at the end of the batch and a crash would replay the whole batch;
 * the session lock lets each event's position commit on its own (autocommit) while the lead is held. PostgreSQL
 * drops the lock with the session, so a replica that dies or loses its connection mid-batch hands over the lead.
 */
@ApplicationScoped
public class FeedPositions {

    private static final String LOCK_KEY = "hashtextextended('feed_position:' || $1, 0)";

    /** Whether this connection now leads the feed (no wait: another replica leading answers false). */
    public Uni<Boolean> tryLead(SqlConnection connection, String feed) {
        return connection.preparedQuery("select pg_try_advisory_lock(" + LOCK_KEY + ") as led")
                .execute(Tuple.of(feed))
                .map(rows -> rows.iterator().next().getBoolean("led"));
    }

    public Uni<Void> release(SqlConnection connection, String feed) {
        return connection.preparedQuery("select pg_advisory_unlock(" + LOCK_KEY + ")")
                .execute(Tuple.of(feed))
                .replaceWithVoid();
    }

    /** The last sequence handled completely; 0 for a feed never read (its row is created then). */
    public Uni<Long> position(SqlConnection connection, String feed) {
        return connection.preparedQuery("insert into feed_position (feed, last_sequence) values ($1, 0) on conflict (feed) do nothing")
                .execute(Tuple.of(feed))
                .chain(() -> connection.preparedQuery("select last_sequence from feed_position where feed = $1")
                        .execute(Tuple.of(feed)))
                .map(rows -> rows.iterator().next().getLong("last_sequence"));
    }

    /**
     * Moves the position from {@code from} to {@code to}, committed at once. Only from where this consumer read it:
     * should two consumers ever lead at once, the second write fails instead of moving the position back.
     */
    public Uni<Void> advance(SqlConnection connection, String feed, long from, long to) {
        return connection.preparedQuery("update feed_position set last_sequence = $3, updated_at = now()"
                        + " where feed = $1 and last_sequence = $2")
                .execute(Tuple.of(feed, from, to))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new IllegalStateException("the position of feed " + feed + " is no longer " + from);
                    }
                })
                .replaceWithVoid();
    }
}
