package org.epicontrol.gateway.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.epicontrol.gateway.execute.SubgraphClient;
import org.epicontrol.gateway.execute.SubgraphClient.SubgraphRequest;
import org.epicontrol.gateway.execute.SubgraphFetchTracer;
import org.epicontrol.gateway.supergraph.Subgraph;

/**
 * One CLIENT span per subgraph request, {@code subgraph <name>}, child of the span current on the calling Vert.x
 * context (the gateway request's server span), and that span's W3C trace context in the outgoing headers, so the
 * subgraph's own server span becomes its child.
 *
 * <p>Attributes: {@code subgraph.name}, {@code graphql.operation.type} and {@code graphql.operation.name} (the
 * planner's {@code <client operation>__<subgraph>__<fetch>} name, when the client named its operation), the HTTP
 * client ones of the OTel semantic conventions ({@code http.request.method}, {@code url.full},
 * {@code server.address}, {@code server.port}, {@code http.response.status_code}), and
 * {@code gateway.subgraph.outcome}, the same value as the {@code outcome} tag of
 * {@code gateway_subgraph_fetch_seconds}: {@code ok}, {@code errors} (the answer carries GraphQL errors) or the failure
 * code ({@code SUBREQUEST_TIMEOUT}, {@code SUBREQUEST_HTTP_ERROR}, ...). Any outcome but {@code ok}, and any HTTP
 * status from 400 on, sets the span's status to ERROR and {@code error.type}.
 *
 * <p>Requests outside a traced request (the SDL fetches of composition, on a timer) get no span and no header:
 * otherwise every refresh would start a new trace per subgraph.
 */
public final class OpenTelemetryFetchTracer implements SubgraphFetchTracer {
    static final AttributeKey<String> SUBGRAPH_NAME = AttributeKey.stringKey("subgraph.name");
    static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operation.name");
    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("gateway.subgraph.outcome");

    private static final TextMapSetter<MultiMap> HEADERS = (headers, name, value) -> {
        if (headers != null) {
            headers.set(name, value);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** Per subgraph (name and URL) the attributes that never change, built once: fetches are the hot path. */
    private final Map<Subgraph, Attributes> fixed = new ConcurrentHashMap<>();

    public OpenTelemetryFetchTracer(Tracer tracer, TextMapPropagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Fetch start(Subgraph subgraph, SubgraphRequest request, MultiMap headers) {
        Context parent = Context.current();
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Fetch.NONE;
        }
        SpanBuilder builder = tracer.spanBuilder("subgraph " + subgraph.name())
                .setSpanKind(SpanKind.CLIENT)
                .setParent(parent)
                .setAllAttributes(fixed.computeIfAbsent(subgraph, OpenTelemetryFetchTracer::fixedAttributes))
                .setAttribute(OPERATION_TYPE, request.operationType());
        if (request.operationName() != null) {
            builder.setAttribute(OPERATION_NAME, request.operationName());
        }
        Span span = builder.startSpan();
        propagator.inject(parent.with(span), headers, HEADERS);
        return new Traced(span);
    }

    private static Attributes fixedAttributes(Subgraph subgraph) {
        AttributesBuilder attributes = Attributes.builder()
                .put(SUBGRAPH_NAME, subgraph.name())
                .put(HTTP_METHOD, "POST")
                .put(URL_FULL, subgraph.url());
        try {
            URI uri = URI.create(subgraph.url());
            if (uri.getHost() != null) {
                attributes.put(SERVER_ADDRESS, uri.getHost());
                int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
                attributes.put(SERVER_PORT, (long) port);
            }
        } catch (IllegalArgumentException e) {
            // an unparsable URL fails the request itself; the span still says which one
        }
        return attributes.build();
    }

    private static final class Traced implements Fetch {
        private final Span span;
        private int status;

        Traced(Span span) {
            this.span = span;
        }

        @Override
        public void status(int httpStatus) {
            this.status = httpStatus;
            span.setAttribute(HTTP_STATUS, (long) httpStatus);
        }

        @Override
        public void end(Map<String, Object> answer, Throwable failure) {
            String outcome = SubgraphClient.outcome(answer, failure);
            span.setAttribute(OUTCOME, outcome);
            if (!outcome.equals("ok")) {
                span.setAttribute(ERROR_TYPE, outcome);
                String message = failure != null ? failure.getMessage() : "the subgraph answered with GraphQL errors";
                span.setStatus(StatusCode.ERROR, message == null ? outcome : message);
            } else if (status >= 400) {
                span.setAttribute(ERROR_TYPE, Integer.toString(status));
                span.setStatus(StatusCode.ERROR, "HTTP " + status);
            }
            span.end();
        }
    }
}
