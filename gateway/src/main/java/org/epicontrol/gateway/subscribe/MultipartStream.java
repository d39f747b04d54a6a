package org.epicontrol.gateway.subscribe;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Apollo's multipart HTTP subscription protocol ({@code multipart/mixed;subscriptionSpec=1.0}): each part is JSON,
 * {@code {"payload": <result>}} per event, {@code {}} as heartbeat, and {@code {"payload": null, "errors": [...]}}
 * when the subscription ends with transport errors (e.g. the subgraph went away).
 */
final class MultipartStream extends HttpStream {
    private static final String PART = "\r\n--graphql\r\ncontent-type: application/json; charset=utf-8\r\n\r\n";

    MultipartStream(Vertx vertx, RoutingContext ctx, int maxPending, long heartbeatMillis) {
        super(vertx, ctx, maxPending, heartbeatMillis);
    }

    @Override
    String contentType() {
        return "multipart/mixed;boundary=\"graphql\";subscriptionSpec=\"1.0\"";
    }

    @Override
    String opening() {
        return PART + "{}";
    }

    @Override
    String result(String resultJson) {
        return PART + "{\"payload\":" + resultJson + "}";
    }

    @Override
    String failure(String errorsJson) {
        return PART + "{\"payload\":null,\"errors\":" + errorsJson + "}";
    }

    @Override
    String heartbeatPart() {
        return PART + "{}";
    }

    @Override
    String closing() {
        return "\r\n--graphql--\r\n";
    }
}
