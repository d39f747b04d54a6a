package org.epicontrol.gateway.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's traces with the OpenTelemetry SDK on: a server span per request, a client span per subgraph request
 * as its child, and the subgraph continuing the client span's context.
 */
@QuarkusTest
@TestProfile(SubgraphTracingTest.Tracing.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
class SubgraphTracingTest {
    private static final String CROSS = "query Top { topProducts(first: 2) { name reviews { author { name } } } }";
    private static final String CALLER_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CALLER_SPAN = "b7ad6b7169203331";

    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "20ms",
                    // The caller's traceparent forwarded as well: the gateway's own must replace it.
                    "gateway.forward-headers", "Authorization,traceparent",
                    // Nothing listens there: the inventory subgraph is down.
                    "gateway.subgraph-urls.inventory", "http://127.0.0.1:" + closedPort() + "/graphql");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "test.subgraph.accounts")
    String accountsUrl;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void subgraphFetchIsAChildSpanOfTheGatewayRequest() {
        post(given(), CROSS);
        List<SpanData> trace = traceOfTheRequest();

        SpanData server = only(trace, SpanKind.SERVER);
        List<SpanData> clients = ofKind(trace, SpanKind.CLIENT);
        // products, then reviews for the products, then accounts for the authors; no second span per request
        assertEquals(List.of("subgraph accounts", "subgraph products", "subgraph reviews"),
                clients.stream().map(SpanData::getName).sorted().toList());
        for (SpanData client : clients) {
            assertEquals(server.getTraceId(), client.getTraceId(), client.getName());
            assertEquals(server.getSpanId(), client.getParentSpanId(), client.getName());
            assertEquals(StatusCode.UNSET, client.getStatus().getStatusCode(), client.getName());
            var attributes = client.getAttributes();
            assertEquals(client.getName(), "subgraph " + attributes.get(OpenTelemetryFetchTracer.SUBGRAPH_NAME));
            assertEquals("query", attributes.get(OpenTelemetryFetchTracer.OPERATION_TYPE));
            assertTrue(attributes.get(OpenTelemetryFetchTracer.OPERATION_NAME).startsWith("Top__"),
                    attributes.get(OpenTelemetryFetchTracer.OPERATION_NAME));
            assertEquals(200L, attributes.get(OpenTelemetryFetchTracer.HTTP_STATUS));
            assertEquals("ok", attributes.get(OpenTelemetryFetchTracer.OUTCOME));
        }
    }

    @Test
    void subgraphContinuesTheTraceOfItsFetchSpan() {
        post(given(), "{ me { name } }");
        SpanData client = only(traceOfTheRequest(), SpanKind.CLIENT);

        String[] received = receivedTraceparent();
        assertEquals(client.getTraceId(), received[1]);
        assertEquals(client.getSpanId(), received[2], "the subgraph's parent is the fetch span");
        assertEquals("01", received[3], "sampled");
    }

    @Test
    void callersTraceparentIsContinuedNotPassedOn() {
        post(given().header("traceparent", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01"), "{ me { name } }");
        List<SpanData> trace = traceOfTheRequest();

        SpanData server = only(trace, SpanKind.SERVER);
        assertEquals(CALLER_TRACE, server.getTraceId());
        assertEquals(CALLER_SPAN, server.getParentSpanId());
        SpanData client = only(trace, SpanKind.CLIENT);
        assertEquals(server.getSpanId(), client.getParentSpanId());

        String[] received = receivedTraceparent();
        assertEquals(CALLER_TRACE, received[1]);
        assertNotEquals(CALLER_SPAN, received[2], "the forwarded header was replaced");
        assertEquals(client.getSpanId(), received[2]);
    }

    @Test
    void failingSubgraphMarksItsSpanAsError() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ topProducts(first: 1) { name inStock } }"))
                .post("/graphql").then().statusCode(200);
        List<SpanData> clients = ofKind(traceOfTheRequest(), SpanKind.CLIENT);

        SpanData inventory = named(clients, "subgraph inventory");
        assertEquals(StatusCode.ERROR, inventory.getStatus().getStatusCode());
        assertEquals("SUBREQUEST_HTTP_ERROR", inventory.getAttributes().get(OpenTelemetryFetchTracer.ERROR_TYPE));
        assertNull(inventory.getAttributes().get(OpenTelemetryFetchTracer.HTTP_STATUS), "it never answered");
        SpanData products = named(clients, "subgraph products");
        assertEquals(StatusCode.UNSET, products.getStatus().getStatusCode());
        assertEquals(products.getParentSpanId(), inventory.getParentSpanId());
    }

    private static void post(RequestSpecification request, String query) {
        request.contentType(ContentType.JSON).body(Map.of("query", query))
                .post("/graphql").then().statusCode(200);
    }

    /**
     * The spans of the one gateway request the test sent, once its server span is exported (it ends last, after
     * the response is written).
     */
    private List<SpanData> traceOfTheRequest() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<SpanData> finished = spans.getFinishedSpanItems();
            List<SpanData> servers = ofKind(finished, SpanKind.SERVER);
            if (!servers.isEmpty()) {
                assertEquals(1, servers.size(), "server spans: " + servers);
                String traceId = servers.get(0).getTraceId();
                return finished.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("no server span exported within 10 s; spans: " + spans.getFinishedSpanItems());
    }

    /** The traceparent of the last request the accounts subgraph received, split: version, trace, parent, flags. */
    private String[] receivedTraceparent() {
        String traceparent = given().get(accountsUrl).then().extract().path("headers.traceparent");
        assertNotNull(traceparent, "the subgraph received no traceparent");
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        return parts;
    }

    private static List<SpanData> ofKind(List<SpanData> spans, SpanKind kind) {
        return spans.stream().filter(s -> s.getKind() == kind).sorted(Comparator.comparing(SpanData::getName))
                .toList();
    }

    private static SpanData only(List<SpanData> spans, SpanKind kind) {
        List<SpanData> found = ofKind(spans, kind);
        assertEquals(1, found.size(), kind + " spans: " + found);
        return found.get(0);
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseGet(() -> fail("no span " + name + " in " + spans));
    }
}
