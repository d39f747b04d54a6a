package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.access.Caller;
import org.epicontrol.gateway.json.JsonBodies;
import org.epicontrol.gateway.json.RawJson;
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
import org.junit.jupiter.api.Test;

/**
 * The HTTP path writes {@code data} while shaping it: over real subgraphs and the execution tests' queries (partial
 * failures, propagated nulls, aliases, fragments, abstract types, mutations, introspection), its body has exactly
 * the bytes of the shaped tree written afterwards.
 */
class WrittenResponsesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonBodies BODIES = new JsonBodies(JSON);
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
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        shop.close();
        media.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void theShopsQueriesAreWrittenByteForByteAsTheTreeIs() throws Exception {
        same(shopSnapshot, "{ topProducts(first: 2) { upc name shippingEstimate inStock "
                + "reviews { body author { username name } } } }", Map.of());
        same(shopSnapshot, "query($n: Int) { topProducts(first: $n) { name inStock reviews { author { name } } } }",
                Map.of("n", 40));
        same(shopSnapshot, "{ topProducts(first: 2) { upc reviews { body } } product(upc: \"p2\") { reviews { id } } }",
                Map.of());
        same(shopSnapshot, """
                query Q($skip: Boolean!) {
                  tp: topProducts(first: 1) { t: __typename ...P cost: shippingEstimate reviews @skip(if: $skip) { body } }
                  me { __typename id }
                  __typename
                }
                fragment P on Product { label: name }""", Map.of("skip", true));
        same(shopSnapshot, "{ product(upc: \"p13\") { name shippingEstimate } }", Map.of());
        same(shopSnapshot, "{ __schema { types { name } } __type(name: \"Product\") { fields { name } } }", Map.of());
    }

    @Test
    void abstractTypesAndMutationsAreWrittenByteForByteAsTheTreeIs() throws Exception {
        same(mediaSnapshot, "{ media { __typename title ... on Book { pages } ... on Movie { duration } } "
                + "search { ... on Book { id stars } } }", Map.of());
        same(mediaSnapshot, "{ first: media { ... on Book { title } } second: media { __typename ... on Movie "
                + "{ duration } } }", Map.of());
        same(mediaSnapshot, "{ shared { common a } bOnly { common b } }", Map.of());
        same(mediaSnapshot, "mutation { first: addBook(title: \"Ulysses\") { id title pages } "
                + "rated: rateBook(id: \"b1\", stars: 5) { stars title } }", Map.of());
    }

    @Test
    void partialFailuresAndPropagatedNullsAreWrittenByteForByteAsTheTreeIs() throws Exception {
        Map<String, String> urls = new HashMap<>(shop.urls());
        urls.put("accounts", "http://127.0.0.1:9/graphql");
        GatewaySnapshot noAccounts = GatewaySnapshot.of(SupergraphParser.parse(
                Supergraphs.supergraph(Supergraphs.SHOP, urls)), 10);
        same(noAccounts, "{ topProducts(first: 1) { name reviews { body author { name } } } }", Map.of());

        Map<String, String> noReviewsUrls = new HashMap<>(shop.urls());
        noReviewsUrls.put("reviews", "http://127.0.0.1:9/graphql");
        GatewaySnapshot nonNullReviews = GatewaySnapshot.of(SupergraphParser.parse(Supergraphs.supergraph(
                Supergraphs.SHOP.replace("reviews: [Review] @join__field(graph: REVIEWS)\n}",
                        "reviews: [Review!]! @join__field(graph: REVIEWS)\n}"), noReviewsUrls)), 10);
        String body = same(nonNullReviews, "{ me { name reviews { body } } }", Map.of());
        assertTrue(body.contains("\"data\":{\"me\":null}"), body);
    }

    @Test
    void anOperationWhoseConditionsTakeVariablesIsShapedPerRequestAndOneWithoutKeepsItsShape() throws Exception {
        String conditional = "query($skip: Boolean!) { topProducts(first: 1) { name reviews @skip(if: $skip) { body } } }";
        String skipped = same(shopSnapshot, conditional, Map.of("skip", true));
        String shown = same(shopSnapshot, conditional, Map.of("skip", false));
        assertEquals("{\"data\":{\"topProducts\":[{\"name\":\"Product 1\"}]}}", skipped);
        assertEquals("{\"data\":{\"topProducts\":[{\"name\":\"Product 1\",\"reviews\":[{\"body\":\"Great 1\"},"
                + "{\"body\":\"Fine 1\"}]}]}}", shown);
        String fixed = "query($n: Int) { topProducts(first: $n) { name reviews @skip(if: false) { body } } }";
        assertEquals("{\"data\":{\"topProducts\":[{\"name\":\"Product 1\",\"reviews\":[{\"body\":\"Great 1\"},"
                + "{\"body\":\"Fine 1\"}]}]}}", same(shopSnapshot, fixed, Map.of("n", 1)));
        assertTrue(same(shopSnapshot, fixed, Map.of("n", 2)).contains("Product 2"), "the kept shape, other data");
    }

    /** Runs the query the tree way and the written way; the bodies must be the same bytes. */
    private static String same(GatewaySnapshot snapshot, String query, Map<String, Object> variables)
            throws Exception {
        GraphQLResponse tree = process(snapshot, query, variables, false);
        GraphQLResponse written = process(snapshot, query, variables, true);
        assertInstanceOf(RawJson.class, written.body().get("data"), query);
        String expected = new String(BODIES.bytes(tree.body()), StandardCharsets.UTF_8);
        assertEquals(expected, new String(BODIES.bytes(written.body()), StandardCharsets.UTF_8), query);
        assertEquals(expected, BODIES.buffer(written.body()).toString(StandardCharsets.UTF_8), query);
        assertEquals(List.copyOf(tree.body().keySet()), List.copyOf(written.body().keySet()));
        return expected;
    }

    private static GraphQLResponse process(GatewaySnapshot snapshot, String query, Map<String, Object> variables,
                                           boolean written) throws Exception {
        return processor.process(snapshot, new GraphQLRequest(query, null, variables, null), Map.of(), true, false,
                Caller.signedIn(false), false, written).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
    }
}
