package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.compose.SubgraphSdl;
import org.epicontrol.gateway.compose.SupergraphComposer;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.OperationLimits;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.testing.AreaTreeSubgraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The suite's shape (issue 12): volunteers' Area fields {@code @requires} notices' list field {@code pathIds}. Composed
 * from the subgraphs' own SDLs, the plan asks notices once for the areas with their paths and volunteers once for
 * all areas' fields, each representation carrying its path: two subgraph requests whatever the number of areas.
 */
class RequiresAlongTheAreaTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = """
            query($n: Int!, $each: Int!) { notice(number: 195, designations: $n, areasEach: $each) {
              designations { text areas { fullName responsibleGrid { name } dutyPosts { name } } } } }""";
    private static Vertx vertx;
    private static AreaTreeSubgraphs subgraphs;
    private static HttpSubgraphClient client;
    private static RequestProcessor processor;
    private static GatewaySnapshot snapshot;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        subgraphs = new AreaTreeSubgraphs(vertx);
        client = new HttpSubgraphClient(vertx, JSON, Duration.ofSeconds(5), 16);
        processor = new RequestProcessor(vertx, new PlanExecutor(vertx, client, JSON),
                new OperationLimits(20, 50, 20_000, 5_000, 2_000));
        List<SubgraphSdl> sdls = subgraphs.urls().entrySet().stream()
                .map(e -> new SubgraphSdl(e.getKey(), e.getValue(), AreaTreeSubgraphs.SDL.get(e.getKey()))).toList();
        snapshot = GatewaySnapshot.of(SupergraphComposer.compose(sdls).supergraph(), 100);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        subgraphs.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        subgraphs.reset();
    }

    @Test
    void fiftyAreasCostOneRequestToEachSubgraphAndEveryRepresentationCarriesItsPath() throws Exception {
        Map<String, Object> data = data(QUERY, Map.of("n", 5, "each", 10));

        assertEquals(1, subgraphs.notices.requests());
        assertEquals(1, subgraphs.volunteers.requests());
        List<?> representations = representations(subgraphs.volunteers.bodies().get(0));
        assertEquals(50, representations.size());
        for (Object r : representations) {
            Map<?, ?> rep = (Map<?, ?>) r;
            assertEquals("Area", rep.get("__typename"));
            assertEquals(AreaTreeSubgraphs.path((String) rep.get("id")), rep.get("pathIds"));
        }
        List<?> designations = (List<?>) ((Map<?, ?>) data.get("notice")).get("designations");
        Map<?, ?> evenUnit = (Map<?, ?>) ((List<?>) ((Map<?, ?>) designations.get(2)).get("areas")).get(7);
        assertEquals(Map.of("fullName", "书林苑小区c/2/7", "responsibleGrid", Map.of("name", "第一网格"),
                "dutyPosts", List.of(Map.of("name", "c/2楼门"))), evenUnit);
        Map<?, ?> oddUnit = (Map<?, ?>) ((List<?>) ((Map<?, ?>) designations.get(3)).get("areas")).get(0);
        assertEquals(List.of(), oddUnit.get("dutyPosts"));
    }

    @Test
    void theRequestCountDoesNotGrowWithTheNumberOfAreas() throws Exception {
        data(QUERY, Map.of("n", 1, "each", 2));
        List<Integer> few = List.of(subgraphs.notices.requests(), subgraphs.volunteers.requests());
        subgraphs.reset();
        data(QUERY, Map.of("n", 20, "each", 25));

        assertEquals(few, List.of(subgraphs.notices.requests(), subgraphs.volunteers.requests()));
        assertEquals(500, representations(subgraphs.volunteers.bodies().get(0)).size());
    }

    @Test
    void thePathIsFetchedForTheRequiringFieldEvenWhenTheClientDoesNotSelectIt() throws Exception {
        data("{ notice(number: 195, designations: 1, areasEach: 1) { designations { areas { responsibleGrid { name } }"
                + " } } }", Map.of());

        String noticesQuery = (String) subgraphs.notices.bodies().get(0).get("query");
        assertEquals(true, noticesQuery.contains("pathIds"), noticesQuery);
        assertEquals(List.of("c", "c/0", "c/0/0"),
                ((Map<?, ?>) representations(subgraphs.volunteers.bodies().get(0)).get(0)).get("pathIds"));
    }

    private static List<?> representations(Map<String, Object> requestBody) {
        return (List<?>) ((Map<?, ?>) requestBody.get("variables")).get("representations");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(String query, Map<String, Object> variables) throws Exception {
        var response = processor.process(snapshot, new GraphQLRequest(query, null, variables, null), Map.of(), true,
                false).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        Map<String, Object> body = JSON.readValue(JSON.writeValueAsString(response.body()), Map.class);
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        return (Map<String, Object>) body.get("data");
    }
}
