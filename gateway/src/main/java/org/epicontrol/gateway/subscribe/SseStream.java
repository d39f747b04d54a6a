package org.epicontrol.gateway.subscribe;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over Server-Sent Events, "distinct connections" mode: {@code event: next} per result, {@code event:
 * complete} at the end; errors ending the stream come as a {@code next} with {@code errors} before the complete.
 * Heartbeats are SSE comments.
 */
final class SseStream extends HttpStream {
    static final String MEDIA_TYPE = "text/event-stream";

    SseStream(Vertx vertx, RoutingContext ctx, int maxPending, long heartbeatMillis) {
        super(vertx, ctx, maxPending, heartbeatMillis);
    }

    @Override
    String contentType() {
        return MEDIA_TYPE + "; charset=utf-8";
    }

    @Override
    String opening() {
        return ":\n\n";
    }

    @Override
    String result(String resultJson) {
        return "event: next\ndata: " + resultJson + "\n\n";
    }

    @Override
    String failure(String errorsJson) {
        return result("{\"errors\":" + errorsJson + "}");
    }

    @Override
    String heartbeatPart() {
        return ":\n\n";
    }

    @Override
    String closing() {
        return "event: complete\ndata:\n\n";
    }
}
