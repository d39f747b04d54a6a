package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.epicontrol.roster.feed.BatchResult.Outcome;

/**
 * One read of the feed and its hand-over, while leading the feed ({@link FeedPositions}): the stored position is
 * read under the lead, the page after it is fetched, and each event is handed to every handler in sequence order;
 * only once all of them succeeded is the position moved past it (committed at once). A failing handler ends the
 * batch with the position before its event, so the event comes again and nothing after it comes first. Between
 * two events the batch looks whether the consumer is stopping: it never leaves an event half handed over.
 */
public final class FeedBatch {

    private final Pool pool;
    private final FeedPositions positions;
    private final NoticeFeedClient client;
    private final AreaEventDispatch dispatch;
    private final FeedMetrics metrics;
    private final String feed;
    private final int batchSize;

    public FeedBatch(Pool pool, FeedPositions positions, NoticeFeedClient client, AreaEventDispatch dispatch,
                     FeedMetrics metrics, String feed, int batchSize) {
        if (batchSize < 1 || batchSize > 500) {
            throw new IllegalArgumentException("notice-feed.batch-size must be 1..500 (areaEvents' first), not " + batchSize);
        }
        this.pool = pool;
        this.positions = positions;
        this.client = client;
        this.dispatch = dispatch;
        this.metrics = metrics;
        this.feed = feed;
        this.batchSize = batchSize;
    }

    public String feed() {
        return feed;
    }

    /** Runs one batch; fails with {@link FeedUnavailable} when the feed cannot be read, or on a database failure. */
    public Uni<BatchResult> run(BooleanSupplier stopping) {
        return pool.withConnection(connection -> positions.tryLead(connection, feed).chain(leading -> leading
                ? lead(connection, stopping).eventually(() -> positions.release(connection, feed))
                : Uni.createFrom().item(BatchResult.notLeading())));
    }

    private Uni<BatchResult> lead(SqlConnection connection, BooleanSupplier stopping) {
        return positions.position(connection, feed).chain(position -> {
            metrics.position(feed, position);
            return client.read(position, batchSize).chain(page ->
                    handOver(connection, after(position, page.events()), 0, position, page.hasMore(), stopping));
        });
    }

    /**
     * The events past the position. One at or before it is a duplicate (the feed delivers at least once) and is
     * dropped here, so a handler sees an event again only after a failure. Out of order is a broken feed.
     */
    private static List<AreaEvent> after(long position, List<AreaEvent> page) {
        List<AreaEvent> pending = new ArrayList<>();
        long last = position;
        for (AreaEvent event : page) {
            if (event.sequence() <= position) {
                continue;
            }
            if (event.sequence() <= last) {
                throw new FeedUnavailable("the feed answered sequence " + event.sequence() + " after " + last);
            }
            pending.add(event);
            last = event.sequence();
        }
        return pending;
    }

    private Uni<BatchResult> handOver(SqlConnection connection, List<AreaEvent> events, int next, long position,
                                      boolean hasMore, BooleanSupplier stopping) {
        if (next == events.size()) {
            // a full page of duplicates moved nothing: wait for the poll instead of reading it again at once
            Outcome outcome = hasMore && next > 0 ? Outcome.MORE : Outcome.CAUGHT_UP;
            return Uni.createFrom().item(new BatchResult(outcome, position, next, null));
        }
        if (stopping.getAsBoolean()) {
            return Uni.createFrom().item(new BatchResult(Outcome.STOPPED, position, next, null));
        }
        AreaEvent event = events.get(next);
        return dispatch.handle(event)
                .chain(() -> positions.advance(connection, feed, position, event.sequence()))
                .invoke(() -> metrics.handled(feed, event))
                .chain(() -> handOver(connection, events, next + 1, event.sequence(), hasMore, stopping))
                .onFailure(HandlerFailed.class).recoverWithItem(failure -> {
                    HandlerFailed failed = (HandlerFailed) failure;
                    metrics.handlerFailed(feed, failed.handler());
                    return new BatchResult(Outcome.HANDLER_FAILED, position, next, failed);
                });
    }
}
