package org.epicontrol.common.idempotency;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Deletes expired idempotency keys every {@code idempotency.cleanup-every}, in batches until none is left. */
@ApplicationScoped
public class IdempotencyCleanup {

    private static final Logger LOG = Logger.getLogger(IdempotencyCleanup.class);

    private final IdempotencyConfig config;
    private final IdempotencyKeys keys;
    private final Vertx vertx;
    private long timer = -1;

    public IdempotencyCleanup(IdempotencyConfig config, IdempotencyKeys keys, Vertx vertx) {
        this.config = config;
        this.keys = keys;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            timer = vertx.setPeriodic(config.cleanupEvery().toMillis(), id -> run().subscribe().with(
                    deleted -> LOG.debugf("idempotency keys: %d expired deleted", deleted),
                    failure -> LOG.warn("idempotency keys: cleanup failed", failure)));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Deletes every expired key; answers how many. */
    public Uni<Integer> run() {
        return keys.deleteExpired(config.cleanupBatch()).chain(deleted -> deleted < config.cleanupBatch()
                ? Uni.createFrom().item(deleted)
                : run().map(more -> deleted + more));
    }
}
