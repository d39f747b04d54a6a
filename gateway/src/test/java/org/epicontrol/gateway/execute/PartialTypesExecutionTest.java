package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.OperationLimits;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.PartialTypesSubgraphs;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Abstract types that the subgraphs see differently, through the gateway to real HTTP subgraphs
 * ({@link PartialTypesSubgraphs}): which union members and type conditions are asked of which subgraph, which
 * subgraph a shared root field goes to, and a {@code node} field no subgraph can plan.
 */
class PartialTypesExecutionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Vertx vertx;
    private static PartialTypesSubgraphs subgraphs;
    private static RequestProcessor processor;
    private static GatewaySnapshot snapshot;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        subgraphs = new PartialTypesSubgraphs(vertx);
        processor = new RequestProcessor(vertx, new PlanExecutor(vertx,
                new HttpSubgraphClient(vertx, JSON, Duration.ofSeconds(5), 16), JSON),
                new OperationLimits(20, 50, 20_000, 5_000, 2_000));
        snapshot = GatewaySnapshot.of(SupergraphParser.parse(
                Supergraphs.supergraph(PartialTypesSubgraphs.SUPERGRAPH, subgraphs.urls())), 100);
    }

    @AfterAll
    static void stop() throws Exception {
        subgraphs.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        subgraphs.reset();
    }

    @Test
    void unionMemberNotEverySubgraphOnThePathHasIsNotAskedFor() throws Exception {
        // Depot.shelf could come from a or b (Depot is an entity of both): only Mask is a member in both.
        Map<String, Object> body = run("{ depot { shelf { items { __typename ... on Mask { size } "
                + "... on Glove { material } ... on Vaccine { doses } } } } }");
        assertEquals(json("{\"depot\":{\"shelf\":{\"items\":[{\"__typename\":\"Mask\",\"size\":\"M\"},"
                + "{\"__typename\":\"Glove\",\"material\":null}]}}}"), body.get("data"));
        assertNull(body.get("errors"));
        String sent = (String) subgraphs.a.bodies().get(0).get("query");
        assertTrue(!sent.contains("Glove") && sent.contains("...on Mask{size}"), sent);
    }

    @Test
    void unionMembersOfTheOnlySubgraphOnThePathAreAskedFor() throws Exception {
        Map<String, Object> body = run("{ depot { coldShelf { items { __typename ... on Mask { size } "
                + "... on Vaccine { doses } ... on Glove { material } } } } }");
        assertEquals(json("{\"depot\":{\"coldShelf\":{\"items\":[{\"__typename\":\"Mask\",\"size\":\"M\"},"
                + "{\"__typename\":\"Vaccine\",\"doses\":2}]}}}"), body.get("data"));
    }

    @Test
    void interfaceConditionReachesUnionMembersThatImplementItOnlyInAnotherSubgraph() throws Exception {
        // In a, TestKit is not a Node: "... on Node" there would skip it.
        Map<String, Object> body = run("{ kits { ... on Node { id } } }");
        assertEquals(json("{\"kits\":[{\"id\":\"k1\"},{\"id\":\"t1\"}]}"), body.get("data"));
        assertNull(body.get("errors"));
    }

    @Test
    void sharedRootFieldGoesToTheSubgraphAnsweringItsSelection() throws Exception {
        Map<String, Object> body = run("{ thermometer: node(id: \"t1\") { ... on Thermometer { id scale } } "
                + "batch: node(id: \"b1\") { ... on Batch { id lot } } }");
        assertEquals(json("{\"thermometer\":{\"id\":\"t1\",\"scale\":\"celsius\"},"
                + "\"batch\":{\"id\":\"b1\",\"lot\":\"L7\"}}"), body.get("data"));
        assertEquals(1, subgraphs.a.requests());
        assertEquals(1, subgraphs.b.requests());
    }

    @Test
    void providesOnAnInterfaceFieldAnswersItsImplementationsWithoutAnotherFetch() throws Exception {
        // a refuses "featured"; b provides the samples' id and result.
        Map<String, Object> body = run("{ featured { id samples { id result } } }");
        assertEquals(json("{\"featured\":{\"id\":\"r1\",\"samples\":[{\"id\":\"s1\",\"result\":\"negative\"},"
                + "{\"id\":\"s2\",\"result\":\"positive\"}]}}"), body.get("data"));
        assertNull(body.get("errors"));
        assertEquals(0, subgraphs.a.requests());
        assertEquals(1, subgraphs.b.requests());
    }

    @Test
    void fieldOfAProvidedImplementationOnlyItsOwnerHasIsFetchedByTheProvidedKey() throws Exception {
        Map<String, Object> body = run("{ featured { samples { result ... on Swab { collectedAt } } } }");
        assertEquals(json("{\"featured\":{\"samples\":[{\"result\":\"negative\",\"collectedAt\":\"08:00\"},"
                + "{\"result\":\"positive\",\"collectedAt\":\"09:30\"}]}}"), body.get("data"));
        assertEquals(1, subgraphs.a.requests()); // the _entities fetch, not a's own "featured"
    }

    @Test
    void nodeFieldWhoseImplementationsKeysNoSubgraphCanGiveFailsPlanning() throws Exception {
        // Node.id: a cannot return Batch.id (external there), b cannot return Thermometer.id.
        Map<String, Object> body = run("{ node(id: \"t1\") { id } }");
        assertNull(body.get("data"));
        Map<?, ?> error = (Map<?, ?>) ((List<?>) body.get("errors")).get(0);
        assertEquals("QUERY_PLANNING_FAILED", ((Map<?, ?>) error.get("extensions")).get("code"));
        assertEquals(0, subgraphs.a.requests() + subgraphs.b.requests());
    }

    private static Map<String, Object> run(String query) throws Exception {
        var response = processor.process(snapshot, new GraphQLRequest(query, null, Map.of(), null), Map.of(), true,
                false).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        return json(JSON.writeValueAsString(response.body()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, Map.class);
    }
}
