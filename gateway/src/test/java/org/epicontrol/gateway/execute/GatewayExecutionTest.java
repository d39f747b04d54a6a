package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/** Plans executed against real HTTP subgraphs: merged results, batching, partial failures. */
class GatewayExecutionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Vertx vertx;
    private static ShopSubgraphs shop;
    private static MediaSubgraphs media;
    private static HttpSubgraphClient client;
    private static RequestProcessor processor;
    private static GatewaySnapshot shopSnapshot;
    private static GatewaySnapshot mediaSnapshot;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        shop = new ShopSubgraphs(vertx);
        media = new MediaSubgraphs(vertx);
        client = new HttpSubgraphClient(vertx, JSON, Duration.ofMillis(1500), 16);
        processor = new RequestProcessor(vertx, new PlanExecutor(vertx, client, JSON),
                new OperationLimits(20, 50, 20_000, 5_000, 2_000));
        shopSnapshot = GatewaySnapshot.of(SupergraphParser.parse(
                Supergraphs.supergraph(Supergraphs.SHOP, shop.urls())), 100);
        mediaSnapshot = GatewaySnapshot.of(SupergraphParser.parse(
                Supergraphs.supergraph(Supergraphs.MEDIA, media.urls())), 100);
        // Warm up: the first request of a JVM may take longer than the short test timeout.
        try {
            response(shopSnapshot, "{ topProducts { name inStock reviews { author { name } } } }", Map.of());
            response(mediaSnapshot, "{ media { title ... on Book { pages } } }", Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
    void crossSubgraphQueryIsMergedIntoTheRequestedShape() throws Exception {
        Map<String, Object> body = run(shopSnapshot, """
                { topProducts(first: 2) {
                    upc name shippingEstimate inStock
                    reviews { body author { username name } }
                } }""", Map.of());
        assertEquals(json("""
                {"data":{"topProducts":[
                  {"upc":"p1","name":"Product 1","shippingEstimate":2,"inStock":false,"reviews":[
                    {"body":"Great 1","author":{"username":"ada","name":"Ada Lovelace"}},
                    {"body":"Fine 1","author":{"username":"grace","name":"Grace Hopper"}}]},
                  {"upc":"p2","name":"Product 2","shippingEstimate":4,"inStock":true,"reviews":[
                    {"body":"Great 2","author":{"username":"ada","name":"Ada Lovelace"}},
                    {"body":"Fine 2","author":{"username":"grace","name":"Grace Hopper"}}]}]}}"""), body);
    }

    @Test
    void requestsPerSubgraphDoNotGrowWithListSizeAndRepresentationsAreDeduplicated() throws Exception {
        String query = "query($n: Int) { topProducts(first: $n) { name inStock reviews { author { name } } } }";
        run(shopSnapshot, query, Map.of("n", 3));
        int[] small = {shop.products.requests(), shop.reviews.requests(), shop.inventory.requests(),
                shop.accounts.requests()};
        shop.reset();
        Map<String, Object> body = run(shopSnapshot, query, Map.of("n", 40));
        int[] large = {shop.products.requests(), shop.reviews.requests(), shop.inventory.requests(),
                shop.accounts.requests()};
        assertEquals(List.of(1, 1, 1, 1), List.of(small[0], small[1], small[2], small[3]));
        assertEquals(List.of(1, 1, 1, 1), List.of(large[0], large[1], large[2], large[3]));
        // 80 reviews by 2 authors: the accounts subgraph sees 2 representations.
        assertEquals(2, representations(shop.accounts.bodies().get(0)).size());
        assertEquals(40, representations(shop.reviews.bodies().get(0)).size());
        assertEquals(40, ((List<?>) data(body).get("topProducts")).size());
    }

    @Test
    void oneEntityRequestPerSubgraphAndStepEvenForSeveralPaths() throws Exception {
        Map<String, Object> body = run(shopSnapshot, """
                { topProducts(first: 2) { upc reviews { body } } product(upc: "p2") { reviews { id } } }""",
                Map.of());
        assertEquals(1, shop.reviews.requests());
        assertEquals(2, representations(shop.reviews.bodies().get(0)).size()); // p2 appears at both paths
        assertEquals(json("""
                {"topProducts":[{"upc":"p1","reviews":[{"body":"Great 1"},{"body":"Fine 1"}]},
                                {"upc":"p2","reviews":[{"body":"Great 2"},{"body":"Fine 2"}]}],
                 "product":{"reviews":[{"id":"r2a"},{"id":"r2b"}]}}"""), data(body));
    }

    @Test
    void aliasesTypenameAndFragmentsFollowTheClientOperation() throws Exception {
        Map<String, Object> body = run(shopSnapshot, """
                query Q($skip: Boolean!) {
                  tp: topProducts(first: 1) { t: __typename ...P cost: shippingEstimate reviews @skip(if: $skip) { body } }
                  me { __typename id }
                  __typename
                }
                fragment P on Product { label: name }""", Map.of("skip", true));
        assertEquals(json("""
                {"data":{"tp":[{"t":"Product","label":"Product 1","cost":2}],
                 "me":{"__typename":"User","id":"1"},"__typename":"Query"}}"""), body);
    }

    @Test
    void aDownSubgraphGivesPartialDataAndAnErrorAtThePathItShouldHaveFilled() throws Exception {
        Map<String, String> urls = new HashMap<>(shop.urls());
        urls.put("accounts", "http://127.0.0.1:9/graphql"); // nothing listens on the discard port
        GatewaySnapshot broken = GatewaySnapshot.of(SupergraphParser.parse(
                Supergraphs.supergraph(Supergraphs.SHOP, urls)), 10);
        Map<String, Object> body = run(broken,
                "{ topProducts(first: 1) { name reviews { body author { name } } } }", Map.of());
        assertEquals(json("""
                {"topProducts":[{"name":"Product 1","reviews":[
                  {"body":"Great 1","author":{"name":null}},{"body":"Fine 1","author":{"name":null}}]}]}"""),
                data(body));
        List<Map<String, Object>> errors = errors(body);
        assertEquals(2, errors.size());
        assertEquals(List.of("topProducts", 0, "reviews", 0, "author", "name"), errors.get(0).get("path"));
        assertEquals("accounts", ((Map<?, ?>) errors.get(0).get("extensions")).get("serviceName"));
    }

    @Test
    void aSlowSubgraphTimesOutWithoutFailingTheRest() throws Exception {
        shop.inventory.delay(3_000);
        Map<String, Object> body = run(shopSnapshot, "{ topProducts(first: 2) { name inStock } }", Map.of());
        assertEquals(json("""
                {"topProducts":[{"name":"Product 1","inStock":null},{"name":"Product 2","inStock":null}]}"""),
                data(body));
        Map<String, Object> first = errors(body).get(0);
        assertEquals(List.of("topProducts", 0, "inStock"), first.get("path"));
        assertEquals("SUBREQUEST_TIMEOUT", ((Map<?, ?>) first.get("extensions")).get("code"));
    }

    @Test
    void subgraphErrorsInEntityFetchesAreRepathedToClientPaths() throws Exception {
        Map<String, Object> body = run(shopSnapshot, "{ product(upc: \"p13\") { name shippingEstimate } }", Map.of());
        assertEquals(json("{\"product\":{\"name\":\"Product 13\",\"shippingEstimate\":null}}"), data(body));
        Map<String, Object> error = errors(body).get(0);
        assertEquals(List.of("product", "shippingEstimate"), error.get("path"));
        assertTrue(((String) error.get("message")).contains("no estimate for p13"), error.toString());
    }

    @Test
    void interfacesAndUnionsResolveFieldsOfTheRuntimeType() throws Exception {
        Map<String, Object> body = run(mediaSnapshot, """
                { media { __typename title ... on Book { pages } ... on Movie { duration } }
                  search { ... on Book { id stars } } }""", Map.of());
        assertEquals(json("""
                {"media":[{"__typename":"Book","title":"Dune","pages":102},
                          {"__typename":"Movie","title":"Alien","duration":117},
                          {"__typename":"Book","title":"Emma","pages":102}],
                 "search":[{"id":"b1","stars":4},{},{"id":"b2","stars":4}]}"""), data(body));
    }

    @Test
    void eachListItemIsShapedByTheSelectionOfItsOwnKeyAndRuntimeType() throws Exception {
        // The shaper collects a selection's fields once per list and runtime type: two aliases of one field and
        // items of two types each keep their own fields.
        Map<String, Object> body = run(mediaSnapshot, """
                { first: media { ... on Book { title } }
                  second: media { __typename ... on Movie { duration } } }""", Map.of());
        assertEquals(json("""
                {"first":[{"title":"Dune"},{},{"title":"Emma"}],
                 "second":[{"__typename":"Book"},{"__typename":"Movie","duration":117},{"__typename":"Book"}]}"""),
                data(body));
    }

    @Test
    void mutationsRunInOrder() throws Exception {
        Map<String, Object> body = run(mediaSnapshot, """
                mutation { first: addBook(title: "Ulysses") { id title pages }
                           rated: rateBook(id: "b1", stars: 5) { stars title } }""", Map.of());
        assertEquals(json("""
                {"first":{"id":"b9","title":"Ulysses","pages":102},"rated":{"stars":5,"title":"Dune"}}"""),
                data(body));
    }

    @Test
    void mutationsAreRefusedWhenTheTransportForbidsThem() throws Exception {
        GraphQLResponse r = processor.process(mediaSnapshot, new GraphQLRequest(
                        "mutation { addBook(title: \"x\") { id } }", null, Map.of(), null), Map.of(), false, false)
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertTrue(r.methodNotAllowed());
        assertEquals("METHOD_NOT_ALLOWED", code(r.body()));
    }

    @Test
    void shareableValueTypesStayInOneSubgraph() throws Exception {
        media.a.reset();
        media.b.reset();
        Map<String, Object> body = run(mediaSnapshot, "{ shared { common a } bOnly { common b } }", Map.of());
        assertEquals(json("{\"shared\":{\"common\":\"from a\",\"a\":\"only a\"},"
                + "\"bOnly\":{\"common\":\"from b\",\"b\":\"only b\"}}"), data(body));
        assertEquals(1, media.a.requests());
        assertEquals(1, media.b.requests());
    }

    @Test
    void preparedOperationsAreCachedPerQueryAndOperationName() throws Exception {
        GatewaySnapshot fresh = GatewaySnapshot.of(shopSnapshot.supergraph(), 2);
        String q = "query A { me { name } } query B { me { id } }";
        for (int i = 0; i < 3; i++) {
            processor.process(fresh, new GraphQLRequest(q, "A", Map.of(), null), Map.of(), true, false)
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        assertEquals(1, fresh.operations().size());
        processor.process(fresh, new GraphQLRequest(q, "B", Map.of(), null), Map.of(), true, false)
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        processor.process(fresh, new GraphQLRequest("{ me { id } }", null, Map.of(), null), Map.of(), true, false)
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertEquals(2, fresh.operations().size()); // bounded
    }

    @Test
    void introspectionIsAnsweredFromTheApiSchema() throws Exception {
        Map<String, Object> body = run(shopSnapshot, """
                { __schema { types { name } } __type(name: "Product") { fields { name } } }""", Map.of());
        String text = JSON.writeValueAsString(body);
        assertFalse(text.contains("join__"), text);
        assertFalse(text.contains("internalCode"), text);
        assertTrue(text.contains("shippingEstimate"), text);
        assertEquals(0, shop.products.requests());
    }

    @Test
    void invalidOperationsAndLimitsGiveRequestErrors() throws Exception {
        GraphQLResponse invalid = response(shopSnapshot, "{ topProducts { internalCode } }", Map.of());
        assertTrue(invalid.requestError());
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(invalid.body()));
        GraphQLResponse deep = response(shopSnapshot,
                "{ me { reviews { author { reviews { author { reviews { author { reviews { author { reviews "
                        + "{ author { reviews { author { reviews { author { reviews { author { reviews { author { "
                        + "reviews { author { id } } } } } } } } } } } } } } } } } } } } } }", Map.of());
        assertEquals("MAX_DEPTH_EXCEEDED", code(deep.body()));
        GraphQLResponse syntax = response(shopSnapshot, "{ me { ", Map.of());
        assertEquals("GRAPHQL_PARSE_FAILED", code(syntax.body()));
        GraphQLResponse missingVariable = response(shopSnapshot, "query($id: ID!) { user(id: $id) { name } }",
                Map.of());
        assertEquals("BAD_USER_INPUT", code(missingVariable.body()));
    }

    @Test
    void nullInANonNullFieldPropagatesToTheNearestNullableParent() throws Exception {
        Map<String, String> urls = new HashMap<>(shop.urls());
        urls.put("reviews", "http://127.0.0.1:9/graphql");
        GatewaySnapshot broken = GatewaySnapshot.of(SupergraphParser.parse(Supergraphs.supergraph(
                Supergraphs.SHOP.replace("body: String!", "body: String!").replace(
                        "reviews: [Review] @join__field(graph: REVIEWS)\n}",
                        "reviews: [Review!]! @join__field(graph: REVIEWS)\n}"), urls)), 10);
        // User.reviews is [Review!]! in this variant: its failure nulls the nullable parent `me`.
        Map<String, Object> body = run(broken, "{ me { name reviews { body } } }", Map.of());
        assertEquals(json("{\"me\":null}"), data(body));
        assertEquals(List.of("me", "reviews"), errors(body).get(0).get("path"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static GraphQLResponse response(GatewaySnapshot snapshot, String query, Map<String, Object> variables)
            throws Exception {
        return processor.process(snapshot, new GraphQLRequest(query, null, variables, null), Map.of(), true, false)
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static Map<String, Object> run(GatewaySnapshot snapshot, String query, Map<String, Object> variables)
            throws Exception {
        // Round-trip through JSON so comparisons see what a client sees.
        String text = JSON.writeValueAsString(response(snapshot, query, variables).body());
        if (System.getProperty("debugResponses") != null) {
            System.out.println("RESPONSE " + text);
        }
        return json(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> body) {
        return (Map<String, Object>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("errors");
    }

    private static String code(Map<String, Object> body) {
        Map<?, ?> first = (Map<?, ?>) ((List<?>) body.get("errors")).get(0);
        return (String) ((Map<?, ?>) first.get("extensions")).get("code");
    }

    private static List<?> representations(Map<String, Object> requestBody) {
        return (List<?>) ((Map<?, ?>) requestBody.get("variables")).get("representations");
    }
}
