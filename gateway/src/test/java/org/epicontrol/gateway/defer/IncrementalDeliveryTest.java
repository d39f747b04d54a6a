package org.epicontrol.gateway.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.execute.HttpSubgraphClient;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.epicontrol.gateway.request.OperationLimits;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.MediaSubgraphs;
import org.epicontrol.gateway.testing.ShopSubgraphs;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deferred fragments executed against real HTTP subgraphs and delivered in parts, in the 20220824 format. */
class IncrementalDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Vertx vertx;
    private static ShopSubgraphs shop;
    private static MediaSubgraphs media;
    private static HttpSubgraphClient client;
    private static RequestProcessor processor;
    private static GatewaySnapshot shopSnapshot;
    private static GatewaySnapshot mediaSnapshot;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        shop = new ShopSubgraphs(vertx);
        media = new MediaSubgraphs(vertx);
        client = new HttpSubgraphClient(vertx, JSON, Duration.ofSeconds(5), 16);
        processor = new RequestProcessor(vertx, new PlanExecutor(vertx, client, JSON),
                new OperationLimits(20, 50, 20_000, 5_000, 2_000));
        shopSnapshot = GatewaySnapshot.of(SupergraphParser.parse(
                Supergraphs.supergraph(Supergraphs.SHOP, shop.urls())), 100);
        mediaSnapshot = GatewaySnapshot.of(SupergraphParser.parse(
                Supergraphs.supergraph(Supergraphs.MEDIA, media.urls())), 100);
        parts(shopSnapshot, "{ topProducts { name ... @defer { reviews { body } } } }", Map.of()); // warm up
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        shop.close();
        media.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        shop.reset();
    }

    @Test
    void theFirstPartHoldsThePrimaryDataAndADeferredFragmentInAListFollowsWithEachElementsPath() throws Exception {
        List<String> parts = parts(shopSnapshot,
                "{ topProducts(first: 2) { name ... @defer(label: \"rev\") { reviews { body } } } }", Map.of());
        assertEquals(List.of(
                "{\"data\":{\"topProducts\":[{\"name\":\"Product 1\"},{\"name\":\"Product 2\"}]},\"hasNext\":true}",
                "{\"incremental\":["
                        + "{\"data\":{\"reviews\":[{\"body\":\"Great 1\"},{\"body\":\"Fine 1\"}]},"
                        + "\"path\":[\"topProducts\",0],\"label\":\"rev\"},"
                        + "{\"data\":{\"reviews\":[{\"body\":\"Great 2\"},{\"body\":\"Fine 2\"}]},"
                        + "\"path\":[\"topProducts\",1],\"label\":\"rev\"}],\"hasNext\":false}"), parts);
        assertEquals(1, shop.products.requests());
        assertEquals(1, shop.reviews.requests(), "one _entities request for every element of the list");
    }

    @Test
    void theFirstPartIsDeliveredWhileTheDeferredFetchIsHeldAndItsPartOnlyAfter() throws Exception {
        shop.reviews.hold();
        GraphQLResponse first = send(shopSnapshot,
                "{ topProducts(first: 1) { name ... @defer { reviews { body } } } }", Map.of());
        assertEquals("{\"data\":{\"topProducts\":[{\"name\":\"Product 1\"}]},\"hasNext\":true}",
                JSON.writeValueAsString(first.body()));
        List<String> rest = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> end = new CompletableFuture<>();
        first.incremental().read(p -> rest.add(write(p)), () -> end.complete(null));
        awaitTrue(() -> shop.reviews.requests() == 1); // the deferred fetch is at the subgraph, unanswered
        assertTrue(rest.isEmpty());
        assertFalse(end.isDone());
        shop.reviews.release();
        end.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("{\"incremental\":[{\"data\":{\"reviews\":[{\"body\":\"Great 1\"},"
                + "{\"body\":\"Fine 1\"}]},\"path\":[\"topProducts\",0]}],\"hasNext\":false}"), rest);
    }

    @Test
    void errorsOfADeferredFetchGoIntoItsPartAndTheFirstPartHasNone() throws Exception {
        List<String> parts = parts(shopSnapshot,
                "{ product(upc: \"p13\") { name ... @defer { shippingEstimate } } }", Map.of());
        assertEquals("{\"data\":{\"product\":{\"name\":\"Product 13\"}},\"hasNext\":true}", parts.get(0));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) JSON.readValue(parts.get(1), Map.class).get("incremental")).get(0);
        assertEquals(Map.of("shippingEstimate", "null"), stringValues((Map<?, ?>) item.get("data")));
        assertEquals(List.of("product"), item.get("path"));
        Map<?, ?> error = (Map<?, ?>) ((List<?>) item.get("errors")).get(0);
        assertEquals(List.of("product", "shippingEstimate"), error.get("path"));
        assertTrue(String.valueOf(error.get("message")).contains("no estimate for p13"), error.toString());
    }

    @Test
    void nestedDeferredPartsFollowTheirParents() throws Exception {
        List<String> parts = parts(shopSnapshot, """
                { product(upc: "p1") { name ... @defer(label: "outer") {
                    reviews { body author { id ... @defer(label: "inner") { name } } } } } }""", Map.of());
        assertEquals(3, parts.size(), parts.toString());
        assertEquals("{\"incremental\":[{\"data\":{\"reviews\":[{\"body\":\"Great 1\",\"author\":{\"id\":\"1\"}},"
                + "{\"body\":\"Fine 1\",\"author\":{\"id\":\"2\"}}]},"
                + "\"path\":[\"product\"],\"label\":\"outer\"}],\"hasNext\":true}", parts.get(1));
        assertEquals("{\"incremental\":["
                + "{\"data\":{\"name\":\"Ada Lovelace\"},\"path\":[\"product\",\"reviews\",0,\"author\"],"
                + "\"label\":\"inner\"},"
                + "{\"data\":{\"name\":\"Grace Hopper\"},\"path\":[\"product\",\"reviews\",1,\"author\"],"
                + "\"label\":\"inner\"}],\"hasNext\":false}", parts.get(2));
    }

    @Test
    void aDeferredRootFragmentArrivesWithAnEmptyPath() throws Exception {
        List<String> parts = parts(shopSnapshot,
                "{ me { name } ... @defer(label: \"top\") { topProducts(first: 1) { name } } }", Map.of());
        assertEquals(List.of("{\"data\":{\"me\":{\"name\":\"Ada Lovelace\"}},\"hasNext\":true}",
                "{\"incremental\":[{\"data\":{\"topProducts\":[{\"name\":\"Product 1\"}]},\"path\":[],"
                        + "\"label\":\"top\"}],\"hasNext\":false}"), parts);
    }

    @Test
    void aDeferredFragmentOnAnImplementationHasAnItemForEachObjectOfThatType() throws Exception {
        List<String> parts = parts(mediaSnapshot, "{ media { title ... on Book @defer { pages } } }", Map.of());
        assertEquals(List.of("{\"data\":{\"media\":[{\"title\":\"Dune\"},{\"title\":\"Alien\"},{\"title\":\"Emma\"}]},"
                        + "\"hasNext\":true}",
                "{\"incremental\":[{\"data\":{\"pages\":102},\"path\":[\"media\",0]},"
                        + "{\"data\":{\"pages\":102},\"path\":[\"media\",2]}],\"hasNext\":false}"), parts);
    }

    @Test
    void aDeferredFragmentOnAValueTypeIsFetchedWithItsParentAndStillDeliveredInItsOwnPart() throws Exception {
        int before = media.b.requests();
        List<String> parts = parts(mediaSnapshot, "{ bOnly { common ... @defer(label: \"b\") { b } } }", Map.of());
        assertEquals(List.of("{\"data\":{\"bOnly\":{\"common\":\"from b\"}},\"hasNext\":true}",
                "{\"incremental\":[{\"data\":{\"b\":\"only b\"},\"path\":[\"bOnly\"],\"label\":\"b\"}],"
                        + "\"hasNext\":false}"), parts);
        assertEquals(before + 1, media.b.requests());
    }

    @Test
    void aSkippedOrSwitchedOffDeferredFragmentSendsNoPart() throws Exception {
        String query = "query($i: Boolean!, $d: Boolean!) { topProducts(first: 1) { name "
                + "... @defer(if: $d) @include(if: $i) { reviews { body } } } }";
        assertEquals(List.of("{\"data\":{\"topProducts\":[{\"name\":\"Product 1\"}]},\"hasNext\":false}"),
                parts(shopSnapshot, query, Map.of("i", false, "d", true)));
        assertEquals(List.of("{\"data\":{\"topProducts\":[{\"name\":\"Product 1\",\"reviews\":[{\"body\":\"Great 1\"},"
                + "{\"body\":\"Fine 1\"}]}]}}"), parts(shopSnapshot, query, Map.of("i", true, "d", false)));
    }

    @Test
    void aClientWithoutIncrementalDeliveryGetsEveryDeferredFragmentInOneResponse() throws Exception {
        GraphQLResponse r = processor.process(shopSnapshot, new GraphQLRequest(
                        "{ topProducts(first: 1) { name ... @defer { reviews { body } } } }", null, Map.of(), null),
                Map.of(), true, false, false, false).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertNull(r.incremental());
        assertEquals("{\"data\":{\"topProducts\":[{\"name\":\"Product 1\",\"reviews\":[{\"body\":\"Great 1\"},"
                + "{\"body\":\"Fine 1\"}]}]}}", JSON.writeValueAsString(r.body()));
    }

    @Test
    void deferIsRefusedOnAMutationsRootByValidation() throws Exception {
        List<String> parts = parts(mediaSnapshot,
                "mutation { ... @defer { addBook(title: \"X\") { id } } }", Map.of());
        assertEquals(1, parts.size());
        assertTrue(parts.get(0).contains("GRAPHQL_VALIDATION_FAILED"), parts.get(0));
    }

    @Test
    void labelsMustBeUniqueInAnOperation() throws Exception {
        List<String> parts = parts(shopSnapshot, "{ me { ... @defer(label: \"x\") { name } } "
                + "topProducts { ... @defer(label: \"x\") { name } } }", Map.of());
        assertTrue(parts.get(0).contains("GRAPHQL_VALIDATION_FAILED"), parts.get(0));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static GraphQLResponse send(GatewaySnapshot snapshot, String query, Map<String, Object> variables)
            throws Exception {
        return processor.process(snapshot, new GraphQLRequest(query, null, variables, null), Map.of(), true, false,
                false, true).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Every payload of the response as JSON text, in order. */
    private static List<String> parts(GatewaySnapshot snapshot, String query, Map<String, Object> variables)
            throws Exception {
        GraphQLResponse first = send(snapshot, query, variables);
        List<String> out = new CopyOnWriteArrayList<>();
        out.add(write(first.body()));
        if (first.incremental() != null) {
            CompletableFuture<Void> end = new CompletableFuture<>();
            first.incremental().read(p -> out.add(write(p)), () -> end.complete(null));
            end.get(10, TimeUnit.SECONDS);
        }
        return new ArrayList<>(out);
    }

    private static String write(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> stringValues(Map<?, ?> map) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean());
    }
}
