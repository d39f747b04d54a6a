package org.epicontrol.gateway.subscribe;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * A subscription streamed in one HTTP response (SSE or multipart): headers first, each result as one part, a
 * heartbeat every {@code ping-interval}, and the end. A client that leaves more than {@code max-pending-messages}
 * parts unread is dropped (the connection is closed); a client that goes away cancels the subscription.
 */
abstract class HttpStream implements Subscriber {
    private final Vertx vertx;
    private final RoutingContext ctx;
    private final Outbox outbox;
    private final long heartbeatMillis;
    private long heartbeat = -1;
    private volatile boolean ended;
    private volatile SubscriptionExecutor.Subscription subscription;

    HttpStream(Vertx vertx, RoutingContext ctx, int maxPending, long heartbeatMillis) {
        this.vertx = vertx;
        this.ctx = ctx;
        this.outbox = new Outbox(maxPending);
        this.heartbeatMillis = heartbeatMillis;
    }

    abstract String contentType();

    /** What is written right after the headers (may be empty). */
    abstract String opening();

    abstract String result(String resultJson);

    /** The end with errors (a subgraph that went away, a refused operation). */
    abstract String failure(String errorsJson);

    abstract String heartbeatPart();

    abstract String closing();

    /** Sends the headers and starts the heartbeat; the subscription is cancelled when the client goes away. */
    void open() {
        HttpServerResponse response = ctx.response();
        response.setChunked(true).setStatusCode(200)
                .putHeader("content-type", contentType())
                .putHeader("cache-control", "no-cache")
                .putHeader("x-accel-buffering", "no");
        response.closeHandler(v -> end(null));
        write(opening());
        if (heartbeatMillis > 0) {
            heartbeat = vertx.setPeriodic(heartbeatMillis, t -> write(heartbeatPart()));
        }
    }

    void attach(SubscriptionExecutor.Subscription s) {
        subscription = s;
        if (ended) {
            s.cancel();
        }
    }

    @Override
    public void next(String resultJson) {
        write(result(resultJson));
    }

    @Override
    public void error(List<Map<String, Object>> errors) {
        end(failure(ErrorsJson.of(errors)));
    }

    @Override
    public void complete() {
        end("");
    }

    /** Ends the stream once: the last part (null when the client is gone), the closing, the subscription. */
    synchronized void end(String last) {
        if (ended) {
            return;
        }
        ended = true;
        vertx.cancelTimer(heartbeat);
        SubscriptionExecutor.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        if (last != null && !ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().end(last + closing());
        }
    }

    private void write(String part) {
        if (ended || part.isEmpty()) {
            return;
        }
        if (!outbox.offer(() -> ctx.response().write(part))) {
            end(null);
            ctx.request().connection().close();
        }
    }
}
