package org.epicontrol.gateway.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.epicontrol.gateway.execute.HttpSubgraphClient;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.epicontrol.gateway.request.OperationLimits;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.HostileQueries;
import org.epicontrol.gateway.testing.ShopSubgraphs;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Demand control on the request path, with the real shop subgraphs behind: every hostile shape is refused with a
 * typed error before any subgraph is called, quickly; budgets per caller and per request's variables.
 */
class DemandControlTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double ANONYMOUS = 1_000;
    private static final double SIGNED_IN = 10_000;
    private static Vertx vertx;
    private static ShopSubgraphs shop;
    private static HttpSubgraphClient client;
    private static RequestProcessor processor;
    private static GatewaySnapshot snapshot;
    private static final List<Double> estimated = new ArrayList<>();
    private static final List<Double> actual = new ArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        shop = new ShopSubgraphs(vertx);
        client = new HttpSubgraphClient(vertx, JSON, Duration.ofSeconds(5), 16);
        CostRecorder recorder = new CostRecorder() {
            @Override
            public synchronized void estimated(double cost) {
                estimated.add(cost);
            }

            @Override
            public synchronized void actual(double cost) {
                actual.add(cost);
            }
        };
        processor = new RequestProcessor(vertx, new PlanExecutor(vertx, client, JSON),
                new OperationLimits(20, 50, 20_000, 5_000, 2_000), true,
                new DemandControl(CostSettings.defaults(), new CostPolicy(true, ANONYMOUS, SIGNED_IN), recorder));
        snapshot = GatewaySnapshot.of(SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.SHOP, shop.urls())),
                100);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        shop.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        shop.reset();
        synchronized (estimated) {
            estimated.clear();
            actual.clear();
        }
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("the issue's example: lists nested 3 deep", HostileQueries.nestedLists(3),
                        DemandControl.COST_LIMIT_EXCEEDED),
                Arguments.of("nested lists through inline fragments",
                        HostileQueries.nestedListsThroughInlineFragments(3), DemandControl.COST_LIMIT_EXCEEDED),
                Arguments.of("nested lists through named fragments",
                        HostileQueries.nestedListsThroughNamedFragments(3), DemandControl.COST_LIMIT_EXCEEDED),
                Arguments.of("one list with a big first", "{ topProducts(first: 5000) { reviews { id } } }",
                        DemandControl.COST_LIMIT_EXCEEDED),
                Arguments.of("wide aliases of cheap-looking pages", HostileQueries.wideAliases(20, 50),
                        DemandControl.COST_LIMIT_EXCEEDED),
                Arguments.of("doubling fragments under the field limit, over the budget",
                        HostileQueries.fragmentBomb(8, "topProducts(first: 100) { upc }"),
                        DemandControl.COST_LIMIT_EXCEEDED),
                Arguments.of("the issue's fragment bomb: 24 fragments", HostileQueries.fragmentBomb(24, "me { id }"),
                        "MAX_FIELDS_EXCEEDED"),
                Arguments.of("40 doubling fragments of free __typename",
                        HostileQueries.fragmentBomb(40, "__typename"), "MAX_FIELDS_EXCEEDED"),
                Arguments.of("aliases hidden in a fragment", HostileQueries.aliasesInFragments(10, 30),
                        "MAX_ALIASES_EXCEEDED"),
                Arguments.of("depth through fragments", HostileQueries.deepThroughFragments(12),
                        "MAX_DEPTH_EXCEEDED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileOperationsGetATypedErrorQuicklyAndReachNoSubgraph(String why, String query, String code) {
        Map<String, Object> body = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> send(query, Map.of(), false).body());
        assertEquals(code, code(body), () -> why + ": " + body);
        assertNull(body.get("data"), why);
        assertEquals(0, subgraphRequests(), why + ": a subgraph was called");
    }

    @Test
    void theCostErrorCarriesTheEstimateAndTheBudget() throws Exception {
        Map<String, Object> body = send(HostileQueries.nestedLists(3), Map.of(), false).body();
        Map<?, ?> cost = (Map<?, ?>) extensions(body).get("cost");
        assertEquals(1 + 10 * (2 + 10 * (2 + 10 * 2)), ((Number) cost.get("estimated")).intValue());
        assertEquals(1000, ((Number) cost.get("budget")).intValue());
    }

    @Test
    void signedInCallersHaveTheLargerBudget() throws Exception {
        String query = "{ topProducts(first: 500) { reviews { id } } }"; // 500 × 11
        assertEquals(DemandControl.COST_LIMIT_EXCEEDED, code(send(query, Map.of(), false).body()));
        Map<String, Object> body = send(query, Map.of(), true).body();
        assertNull(body.get("errors"), body::toString);
        assertEquals(500, ((List<?>) ((Map<?, ?>) body.get("data")).get("topProducts")).size());
        assertEquals(DemandControl.COST_LIMIT_EXCEEDED, code(send(HostileQueries.nestedLists(4), Map.of(), true)
                .body()), "22,221 is over the signed-in budget too");
    }

    @Test
    void theEstimateFollowsEachRequestsVariablesOfOneCachedOperation() throws Exception {
        String query = "query($n: Int) { topProducts(first: $n) { reviews { id } } }";
        assertNull(send(query, Map.of("n", 5), false).body().get("errors"));
        Map<String, Object> refused = send(query, Map.of("n", 5000), false).body();
        assertEquals(DemandControl.COST_LIMIT_EXCEEDED, code(refused));
        assertEquals(5000 * 11, ((Number) ((Map<?, ?>) extensions(refused).get("cost")).get("estimated")).intValue());
    }

    @Test
    void estimatedAndActualCostsAreRecorded() throws Exception {
        send("{ topProducts(first: 2) { name reviews { author { name } } } }", Map.of(), false);
        synchronized (estimated) {
            assertEquals(List.of(2.0 * (1 + 10 * 2)), estimated);
            // 2 products, each with 2 reviews that have an author
            assertEquals(List.of(2.0 * (1 + 2 * 2)), actual);
        }
    }

    @Test
    void aFragmentCycleIsAValidationErrorNotALoop() {
        Map<String, Object> body = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> send(
                "{ me { ...A } } fragment A on User { reviews { author { ...B } } } fragment B on User { ...A }",
                Map.of(), false).body());
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(body));
    }

    @Test
    void limitErrorsSayTheMeasuredValueAndTheLimit() throws Exception {
        Map<String, Object> body = send(HostileQueries.aliasesInFragments(10, 30), Map.of(), false).body();
        assertEquals(Map.of("actual", 310L, "maximum", 50L), extensions(body).get("limit"));
    }

    private static GraphQLResponse send(String query, Map<String, Object> variables, boolean signedIn)
            throws Exception {
        return processor.process(snapshot, new GraphQLRequest(query, null, variables, null), Map.of(), true, false,
                signedIn).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static int subgraphRequests() {
        return shop.accounts.requests() + shop.products.requests() + shop.reviews.requests()
                + shop.inventory.requests();
    }

    private static String code(Map<String, Object> body) {
        List<?> errors = (List<?>) body.get("errors");
        assertNotNull(errors, () -> "no errors in " + body);
        return (String) ((Map<?, ?>) ((Map<?, ?>) errors.get(0)).get("extensions")).get("code");
    }

    private static Map<?, ?> extensions(Map<String, Object> body) {
        return (Map<?, ?>) ((Map<?, ?>) ((List<?>) body.get("errors")).get(0)).get("extensions");
    }
}
