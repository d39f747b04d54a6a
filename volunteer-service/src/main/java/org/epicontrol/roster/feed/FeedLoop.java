package org.epicontrol.roster.feed;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Runs {@link FeedBatch}es one after another on Vert.x timers, never two at once: at once again while the feed has
 * more, after {@code poll-interval} once caught up (or while another replica leads), and with a doubling backoff
 * after a failure (the feed unreachable, a handler failing, the database). An outage is logged once when it starts
 * and once when it ends, not per poll; an event that keeps failing is logged as an error (and counted) when its
 * attempts reach {@code alert-after}, then at every doubling of them, and retried for as long as it fails: never
 * skipped.
 */
public final class FeedLoop {

    private static final Logger LOG = Logger.getLogger(FeedLoop.class);

    private final Vertx vertx;
    private final FeedBatch batch;
    private final NoticeFeedConfig config;
    private final FeedMetrics metrics;

    private boolean started;
    private boolean stopping;
    private long timer = -1;
    /** Completes when the batch in hand has ended; completed while none runs. */
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    /** Failed attempts in a row, and what failed: the sequence of the event, or 0 for the read (or the database). */
    private long failuresInARow;
    private long failingSequence = -1;
    private volatile FeedState state = FeedState.initial();

    public FeedLoop(Vertx vertx, FeedBatch batch, NoticeFeedConfig config, FeedMetrics metrics) {
        this.vertx = vertx;
        this.batch = batch;
        this.config = config;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        schedule(0);
    }

    /**
     * Stops polling; the event in hand is finished (its handlers and its position) and no other is started. The
     * stage completes once that is done.
     */
    public synchronized CompletionStage<Void> stop() {
        stopping = true;
        if (timer != -1) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        return inFlight;
    }

    public FeedState state() {
        return state;
    }

    private synchronized void schedule(long delayMillis) {
        if (stopping) {
            return;
        }
        timer = vertx.setTimer(Math.max(1, delayMillis), id -> runBatch());
    }

    private void runBatch() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            timer = -1;
            if (stopping) {
                return;
            }
            inFlight = done;
        }
        Uni.createFrom().deferred(() -> batch.run(this::isStopping)).subscribe().with(
                result -> ended(done, () -> next(result)),
                failure -> ended(done, () -> failed(failure, 0)));
    }

    /** Whatever happens in between, the batch counts as ended and the next one is scheduled: the loop never dies. */
    private void ended(CompletableFuture<Void> done, LongSupplier nextDelay) {
        long delay = config.backoff().max().toMillis();
        try {
            delay = nextDelay.getAsLong();
        } finally {
            done.complete(null);
            schedule(delay);
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private long next(BatchResult result) {
        return switch (result.outcome()) {
            case NOT_LEADING -> {
                recovered(); // what failed is another replica's to retry now
                state = state.standby();
                yield config.pollInterval().toMillis();
            }
            case HANDLER_FAILED -> failed(result.failure(), result.failure().event().sequence());
            case MORE, CAUGHT_UP, STOPPED -> {
                recovered();
                state = state.leading(result.position());
                yield result.outcome() == BatchResult.Outcome.MORE ? 0 : config.pollInterval().toMillis();
            }
        };
    }

    /** Counts the failure, logs it where it starts an outage or reaches the alert, and answers the backoff. */
    private long failed(Throwable failure, long sequence) {
        if (sequence != failingSequence) {
            failuresInARow = 0; // another thing fails now: its own count
        }
        failingSequence = sequence;
        failuresInARow++;
        metrics.retries(batch.feed(), failuresInARow);
        if (failure instanceof FeedUnavailable) {
            metrics.readFailed(batch.feed());
        }
        String what = sequence != 0 ? "handling event " + sequence
                : failure instanceof FeedUnavailable ? "reading the notice feed" : "consuming the notice feed";
        if (failuresInARow == 1) {
            LOG.warnf("%s failed, retrying with backoff (logged again when it recovers or keeps failing): %s",
                    what, failure.getMessage());
        }
        long alertAfter = Math.max(1, config.alertAfter());
        if (failuresInARow >= alertAfter && Long.bitCount(failuresInARow / alertAfter) == 1
                && failuresInARow % alertAfter == 0) {
            metrics.stuck(batch.feed());
            LOG.errorf(failure, "%s failed %d times in a row; still retrying, nothing after it is handled before it",
                    what, failuresInARow);
        }
        state = state.failing(what, failure.getMessage(), failuresInARow);
        return backoff(config.backoff().initial(), config.backoff().max(), failuresInARow).toMillis();
    }

    private void recovered() {
        if (failuresInARow > 0) {
            LOG.infof("notice feed consumer recovered after %d failed attempts", failuresInARow);
            failuresInARow = 0;
            failingSequence = -1;
            metrics.retries(batch.feed(), 0);
        }
    }

    /** {@code initial}, doubled per further failure, at most {@code max}. */
    static Duration backoff(Duration initial, Duration max, long failures) {
        int doublings = (int) Math.min(30, Math.max(0, failures - 1));
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
