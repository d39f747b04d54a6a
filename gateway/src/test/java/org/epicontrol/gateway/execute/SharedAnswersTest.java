package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Document;
import graphql.parser.Parser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.plan.QueryPlan;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that share one deduplicated subgraph answer merge their own entity answers into it without seeing each
 * other's merges, and without changing the shared answer.
 */
class SharedAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The shop, with an argument on the reviews subgraph's field: the entity fetch carries the request's variable. */
    private static final String SHOP = Supergraphs.SHOP.replace("""
              shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
              reviews: [Review] @join__field(graph: REVIEWS)""", """
              shippingEstimate: Int @join__field(graph: INVENTORY, requires: "price weight")
              reviews(stars: Int): [Review] @join__field(graph: REVIEWS)""");
    private static final String PRODUCTS = """
            {"data": {"topProducts": [{"__typename": "Product", "upc": "p1", "name": "One"},
                                      {"__typename": "Product", "upc": "p2", "name": "Two"},
                                      {"__typename": "Product", "upc": "p1", "name": "One"}]}}""";

    private final Vertx vertx = Vertx.vertx();
    /** Root fetches held until the test answers them; entity fetches answered at once, by the variable. */
    private final List<Promise<Map<String, Object>>> held = new ArrayList<>();
    private final DeduplicatingSubgraphClient client = new DeduplicatingSubgraphClient((subgraph, request) -> {
        if (subgraph.name().equals("products")) {
            Promise<Map<String, Object>> p = Promise.promise();
            synchronized (held) {
                held.add(p);
            }
            return p.future();
        }
        Object stars = request.variables().get("stars");
        List<Object> entities = new ArrayList<>();
        for (Object rep : (List<?>) request.variables().get("representations")) {
            String upc = (String) ((Map<?, ?>) rep).get("upc");
            entities.add(Map.of("reviews", List.of(Map.of("body", stars + " stars for " + upc))));
        }
        return Future.succeededFuture(Map.of("data", Map.of("_entities", entities)));
    }, vertx);

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void requestsSharingARootAnswerSeeOnlyTheirOwnEntityMerges() throws Exception {
        GatewaySnapshot snapshot = GatewaySnapshot.of(SupergraphParser.parse(Supergraphs.supergraph(SHOP,
                Map.of("products", "http://products", "reviews", "http://reviews", "inventory", "http://inventory",
                        "accounts", "http://accounts"))), 10);
        Document document = new Parser().parseDocument(
                "query($stars: Int) { topProducts(first: 3) { upc name reviews(stars: $stars) { body } } }");
        QueryPlan plan = snapshot.planner().plan(document, null);
        PlanExecutor executor = new PlanExecutor(vertx, client, JSON);
        Future<ExecutionState> one = executor.execute(snapshot.supergraph(), plan, Map.of("stars", 1), Map.of());
        Future<ExecutionState> five = executor.execute(snapshot.supergraph(), plan, Map.of("stars", 5), Map.of());
        for (int i = 0; i < 200 && client.waiting() < 1; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, held.size(), "one root request for both");
        assertEquals(1, client.waiting(), "the second request joined the first");
        Map<String, Object> answer = json(PRODUCTS);
        held.get(0).complete(answer);

        ExecutionState a = await(one);
        ExecutionState b = await(five);
        assertEquals(json("""
                {"topProducts": [
                  {"__typename": "Product", "upc": "p1", "name": "One", "reviews": [{"body": "1 stars for p1"}]},
                  {"__typename": "Product", "upc": "p2", "name": "Two", "reviews": [{"body": "1 stars for p2"}]},
                  {"__typename": "Product", "upc": "p1", "name": "One", "reviews": [{"body": "1 stars for p1"}]}]}"""),
                a.data());
        assertEquals(json("""
                {"topProducts": [
                  {"__typename": "Product", "upc": "p1", "name": "One", "reviews": [{"body": "5 stars for p1"}]},
                  {"__typename": "Product", "upc": "p2", "name": "Two", "reviews": [{"body": "5 stars for p2"}]},
                  {"__typename": "Product", "upc": "p1", "name": "One", "reviews": [{"body": "5 stars for p1"}]}]}"""),
                b.data());
        assertEquals(json(PRODUCTS), answer, "the shared answer is unchanged");
        assertEquals(List.of(), a.errors());
        assertEquals(List.of(), b.errors());
    }

    @Test
    void aSharedAnswerIsReadOnly() throws Exception {
        Map<String, Object> shared = new SharedAnswer(json(PRODUCTS));
        assertInstanceOf(Map.class, shared.get("data"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> shared.put("data", null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, Map.class);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
