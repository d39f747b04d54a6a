package org.epicontrol.gateway.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.epicontrol.gateway.execute.SubgraphClient.SubgraphFailure;
import org.epicontrol.gateway.execute.SubgraphClient.SubgraphRequest;
import org.epicontrol.gateway.execute.SubgraphFetchTracer;
import org.epicontrol.gateway.supergraph.Subgraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subgraph fetch span on its own: outcome, status, attributes, and when there is none. */
class OpenTelemetryFetchTracerTest {
    private static final Subgraph REVIEWS = new Subgraph("REVIEWS", "reviews", "http://reviews.internal:8082/graphql");

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("test");
    private final OpenTelemetryFetchTracer fetchTracer = new OpenTelemetryFetchTracer(tracer,
            W3CTraceContextPropagator.getInstance());

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void noSpanAndNoHeaderOutsideATracedRequest() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SubgraphFetchTracer.Fetch fetch = fetchTracer.start(REVIEWS, request("{ _service { sdl } }"), headers);

        assertSame(SubgraphFetchTracer.Fetch.NONE, fetch, "composition's SDL fetches start no trace");
        assertTrue(headers.isEmpty());
    }

    @Test
    void answeredFetchCarriesTheSubgraphOperationAndHttpAttributes() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SpanData span = traced(headers,
                request("mutation Add__reviews__0($b:String){addReview(body:$b){id}}", "Add__reviews__0"),
                fetch -> {
                    fetch.status(200);
                    fetch.end(Map.of("data", Map.of()), null);
                });

        assertEquals("subgraph reviews", span.getName());
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        var attributes = span.getAttributes();
        assertEquals("reviews", attributes.get(OpenTelemetryFetchTracer.SUBGRAPH_NAME));
        assertEquals("mutation", attributes.get(OpenTelemetryFetchTracer.OPERATION_TYPE));
        assertEquals("Add__reviews__0", attributes.get(OpenTelemetryFetchTracer.OPERATION_NAME));
        assertEquals("POST", attributes.get(OpenTelemetryFetchTracer.HTTP_METHOD));
        assertEquals(REVIEWS.url(), attributes.get(OpenTelemetryFetchTracer.URL_FULL));
        assertEquals("reviews.internal", attributes.get(OpenTelemetryFetchTracer.SERVER_ADDRESS));
        assertEquals(8082L, attributes.get(OpenTelemetryFetchTracer.SERVER_PORT));
        assertEquals(200L, attributes.get(OpenTelemetryFetchTracer.HTTP_STATUS));
        assertEquals("ok", attributes.get(OpenTelemetryFetchTracer.OUTCOME));
        assertEquals("00-" + span.getTraceId() + "-" + span.getSpanId() + "-01", headers.get("traceparent"));
    }

    @Test
    void answerWithGraphQLErrorsMarksTheSpan() {
        SpanData span = traced(MultiMap.caseInsensitiveMultiMap(), request("{ me { name } }"), fetch -> {
            fetch.status(200);
            fetch.end(Map.of("data", Map.of(), "errors", List.of(Map.of("message", "boom"))), null);
        });

        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("errors", span.getAttributes().get(OpenTelemetryFetchTracer.ERROR_TYPE));
        assertEquals("query", span.getAttributes().get(OpenTelemetryFetchTracer.OPERATION_TYPE));
    }

    @Test
    void timeoutMarksTheSpanWithItsCode() {
        SpanData span = traced(MultiMap.caseInsensitiveMultiMap(), request("{ me { name } }"),
                fetch -> fetch.end(null, new SubgraphFailure("SUBREQUEST_TIMEOUT", "did not answer within 5 ms")));

        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("did not answer within 5 ms", span.getStatus().getDescription());
        assertEquals("SUBREQUEST_TIMEOUT", span.getAttributes().get(OpenTelemetryFetchTracer.OUTCOME));
        assertEquals("SUBREQUEST_TIMEOUT", span.getAttributes().get(OpenTelemetryFetchTracer.ERROR_TYPE));
    }

    @Test
    void httpErrorStatusMarksTheSpanEvenWithData() {
        SpanData span = traced(MultiMap.caseInsensitiveMultiMap(), request("{ me { name } }"), fetch -> {
            fetch.status(503);
            fetch.end(Map.of("data", Map.of()), null);
        });

        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        assertEquals("503", span.getAttributes().get(OpenTelemetryFetchTracer.ERROR_TYPE));
    }

    /** Runs one fetch under a parent span, the way the gateway request's server span is current on its context. */
    private SpanData traced(MultiMap headers, SubgraphRequest request, Consumer<SubgraphFetchTracer.Fetch> run) {
        Span parent = tracer.spanBuilder("POST /graphql").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            run.accept(fetchTracer.start(REVIEWS, request, headers));
        } finally {
            parent.end();
        }
        List<SpanData> finished = exporter.getFinishedSpanItems();
        assertEquals(2, finished.size(), finished.toString());
        SpanData span = finished.get(0);
        assertEquals(parent.getSpanContext().getSpanId(), span.getParentSpanId());
        return span;
    }

    private static SubgraphRequest request(String document) {
        return new SubgraphRequest(document, null, Map.of(), Map.of());
    }

    private static SubgraphRequest request(String document, String operationName) {
        return new SubgraphRequest(document, operationName, Map.of(), Map.of());
    }
}
