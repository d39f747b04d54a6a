package org.epicontrol.roster.feed;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumes notice-service's area-event feed in this replica when {@code notice-feed.enabled}: starts after
 * start-up (the first read is on a timer, so readiness never waits for notice-service) and stops on shutdown once
 * the event in hand is handled and stored. Every {@link AreaEventHandler} bean gets every event.
 */
@ApplicationScoped
public class NoticeFeedConsumer {

    private static final Logger LOG = Logger.getLogger(NoticeFeedConsumer.class);

    private final NoticeFeedConfig config;
    private final io.vertx.mutiny.core.Vertx vertx;
    private final Pool pool;
    private final FeedPositions positions;
    private final FeedMetrics metrics;
    private final List<AreaEventHandler> handlers;
    private FeedLoop loop;
    private NoticeFeedClient client;

    public NoticeFeedConsumer(NoticeFeedConfig config, io.vertx.mutiny.core.Vertx vertx, Pool pool,
                              FeedPositions positions, FeedMetrics metrics, @All List<AreaEventHandler> handlers) {
        this.config = config;
        this.vertx = vertx;
        this.pool = pool;
        this.positions = positions;
        this.metrics = metrics;
        this.handlers = handlers;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("notice feed consumer off (notice-feed.enabled=false)");
            return;
        }
        client = new NoticeFeedClient(vertx, config.url(), config.connectTimeout(), config.requestTimeout());
        FeedBatch batch = new FeedBatch(pool, positions, client, new AreaEventDispatch(vertx.getDelegate(), handlers),
                metrics, config.name(), config.batchSize());
        loop = new FeedLoop(vertx.getDelegate(), batch, config, metrics);
        LOG.infof("notice feed consumer on: %s, feed %s, %d handler(s) %s", config.url(), config.name(),
                handlers.size(), handlers.stream().map(AreaEventDispatch::name).toList());
        loop.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop == null) {
            return;
        }
        try {
            loop.stop().toCompletableFuture().get(config.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("the event in hand was not handled within %s; it is handed over again (at least once)",
                    config.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("stopping the notice feed consumer", e);
        } finally {
            client.close();
        }
    }

    /** This replica's consumer, when on. */
    public Optional<FeedState> state() {
        return Optional.ofNullable(loop).map(FeedLoop::state);
    }
}
