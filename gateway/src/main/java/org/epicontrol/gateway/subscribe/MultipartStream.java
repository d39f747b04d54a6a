package org.epicontrol.gateway.subscribe;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Apollo's multipart HTTP subscription protocol ({@code multipart/mixed;subscriptionSpec=1.0}): each part is JSON,
 * {@code {"payload": <result>}} per event, {@code {}} as heartbeat, and {@code {"payload": null, "errors": [...]}}
 * when the subscription ends with transport errors (e.g. the subgraph went away).
 */
final class MultipartStream extends HttpStream {
    private static final String BOUNDARY = "\r\n--graphql";
    private static final String HEADERS = "\r\ncontent-type: application/json; charset=utf-8\r\n\r\n";

    MultipartStream(Vertx vertx, RoutingContext ctx, int maxPending, long heartbeatMillis) {
        super(vertx, ctx, maxPending, heartbeatMillis);
    }

    @Override
    String contentType() {
        return "multipart/mixed;boundary=\"graphql\";subscriptionSpec=\"1.0\"";
    }

    @Override
    String opening() {
        return BOUNDARY;
    }

    @Override
    String result(String resultJson) {
        return part("{\"payload\":" + resultJson + "}");
    }

    @Override
    String failure(String errorsJson) {
        return part("{\"payload\":null,\"errors\":" + errorsJson + "}");
    }

    @Override
    String heartbeatPart() {
        return part("{}");
    }

    /** A part ends with the next boundary, so that a client reads it as soon as it arrives. */
    private static String part(String json) {
        return HEADERS + json + BOUNDARY;
    }

    @Override
    String closing() {
        return "--\r\n";
    }
}
