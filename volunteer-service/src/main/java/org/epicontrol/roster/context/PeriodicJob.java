package org.epicontrol.roster.context;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A job each replica runs every period (the escalation checks, the retried role grants): one run at a time here, a run still going when the
 * next is due is skipped, a failed run is logged and tried again at the next. Replicas share the work through the
 * rows the job claims ({@code skip locked}), not through this timer.
 */
public final class PeriodicJob {

    private final Vertx vertx;
    private final long timer;

    private PeriodicJob(Vertx vertx, long timer) {
        this.vertx = vertx;
        this.timer = timer;
    }

    /**
     * Starts {@code run} every {@code every} (at least a second); {@code run} answers how many things it did, and
     * {@code what} names them in the log ("escalated %d unacknowledged alerts …"), logged when there were any.
     */
    public static PeriodicJob start(Vertx vertx, Duration every, Supplier<Uni<Integer>> run, Logger log, String what) {
        AtomicBoolean running = new AtomicBoolean();
        long timer = vertx.setPeriodic(Math.max(1000, every.toMillis()), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            run.get().eventually(() -> running.set(false)).subscribe().with(
                    done -> {
                        if (done > 0) {
                            log.infof(what, done);
                        }
                    },
                    failure -> log.warn("periodic job failed; tried again at the next run: " + what, failure));
        });
        return new PeriodicJob(vertx, timer);
    }

    public void stop() {
        vertx.cancelTimer(timer);
    }
}
