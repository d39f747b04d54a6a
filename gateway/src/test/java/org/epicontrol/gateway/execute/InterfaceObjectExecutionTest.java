package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.OperationLimits;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.testing.Supergraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @interfaceObject} at execution: representations sent to the interface-object subgraph carry the
 * interface's name, the concrete type comes from the entity interface's subgraph, and the interface's name an
 * interface object answers never replaces a concrete type. Subgraphs are canned answers (as Apollo subgraphs
 * would give them) so the test can see exactly what was sent.
 */
class InterfaceObjectExecutionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, Object>> MEDIA = Map.of(
            "1", Map.of("__typename", "Book", "id", "1", "title", "Dune", "author", "Herbert"),
            "2", Map.of("__typename", "Movie", "id", "2", "title", "Alien", "director", "Scott"));
    private static Vertx vertx;
    private static RequestProcessor processor;
    /** The supergraph the tests run against; a subclass may replace it in its own {@code @BeforeAll}. */
    static GatewaySnapshot snapshot;
    private static final List<Map<String, Object>> SENT = new ArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        Map<String, Function<Map<String, Object>, Object>> subgraphs = Map.of(
                "inventory", InterfaceObjectExecutionTest::inventory,
                "reviews", InterfaceObjectExecutionTest::reviews);
        @SuppressWarnings("unchecked")
        SubgraphClient client = (subgraph, request) -> {
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("subgraph", subgraph.name());
            sent.put("query", request.query());
            sent.put("variables", request.variables());
            SENT.add(sent);
            Object data = subgraphs.get(subgraph.name()).apply(request.variables());
            try {
                // Mutable, as parsed from a subgraph's JSON answer.
                return Future.succeededFuture(JSON.readValue(JSON.writeValueAsString(Map.of("data", data)),
                        Map.class));
            } catch (IOException e) {
                return Future.failedFuture(e);
            }
        };
        processor = new RequestProcessor(vertx, new PlanExecutor(vertx, client, JSON),
                new OperationLimits(20, 50, 20_000, 5_000, 2_000));
        snapshot = GatewaySnapshot.of(SupergraphParser.parse(Supergraphs.supergraph(Supergraphs.INTERFACE_OBJECT,
                Map.of("inventory", "http://inventory", "reviews", "http://reviews"))), 100);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        SENT.clear();
    }

    @Test
    void representationsForTheInterfaceObjectCarryTheInterfaceName() throws Exception {
        Map<String, Object> data = data("{ media { __typename title reviews { score } } }");
        assertEquals(List.of(
                Map.of("__typename", "Book", "title", "Dune", "reviews", List.of(Map.of("score", 10))),
                Map.of("__typename", "Movie", "title", "Alien", "reviews", List.of(Map.of("score", 20)))),
                data.get("media"));
        assertEquals(List.of(Map.of("__typename", "Media", "id", "1"), Map.of("__typename", "Media", "id", "2")),
                representations(1));
    }

    @Test
    void typeConditionsBehindAnInterfaceObjectUseTheConcreteTypeFromTheEntityInterface() throws Exception {
        Map<String, Object> data = data("{ topRatedMedia { __typename reviews { score } ... on Book { author } } }");
        assertEquals(List.of(
                Map.of("__typename", "Book", "reviews", List.of(Map.of("score", 10)), "author", "Herbert"),
                Map.of("__typename", "Movie", "reviews", List.of(Map.of("score", 20)))),
                data.get("topRatedMedia"));
        assertEquals(List.of(Map.of("__typename", "Media", "id", "1"), Map.of("__typename", "Media", "id", "2")),
                representations(1));
    }

    @Test
    void withoutTypeConditionsTheInterfaceObjectAloneAnswers() throws Exception {
        Map<String, Object> data = data("{ topRatedMedia { id reviews { score } } }");
        assertEquals(List.of(Map.of("id", "1", "reviews", List.of(Map.of("score", 10))),
                Map.of("id", "2", "reviews", List.of(Map.of("score", 20)))), data.get("topRatedMedia"));
        assertEquals(1, SENT.size());
    }

    @Test
    void requiredExternalFieldsAreFetchedBeforeTheInterfaceObjectIsAskedAgain() throws Exception {
        Map<String, Object> data = data("{ topRatedMedia { summary } }");
        assertEquals(List.of(Map.of("summary", "Dune (2)"), Map.of("summary", "Alien (1)")),
                data.get("topRatedMedia"));
        assertEquals(List.of(Map.of("__typename", "Media", "id", "1", "title", "Dune"),
                Map.of("__typename", "Media", "id", "2", "title", "Alien")), representations(2));
    }

    private static Object inventory(Map<String, Object> variables) {
        if (variables.get("representations") instanceof List<?> reps) {
            // An entity interface: resolves "Media" references to their concrete type.
            List<Object> out = new ArrayList<>();
            for (Object r : reps) {
                out.add(MEDIA.get(((Map<?, ?>) r).get("id")));
            }
            return Map.of("_entities", out);
        }
        return Map.of("media", List.of(MEDIA.get("1"), MEDIA.get("2")));
    }

    private static Object reviews(Map<String, Object> variables) {
        if (variables.get("representations") instanceof List<?> reps) {
            List<Object> out = new ArrayList<>();
            for (Object r : reps) {
                Map<?, ?> rep = (Map<?, ?>) r;
                String id = (String) rep.get("id");
                Map<String, Object> media = new LinkedHashMap<>(object(id));
                if (rep.get("title") != null) {
                    media.put("summary", rep.get("title") + " (" + (3 - Integer.parseInt(id)) + ")");
                }
                out.add(media);
            }
            return Map.of("_entities", out);
        }
        return Map.of("topRatedMedia", List.of(object("1"), object("2")));
    }

    /** Reviews' view of a media: its only type is the interface object "Media". */
    private static Map<String, Object> object(String id) {
        return Map.of("__typename", "Media", "id", id, "reviews", List.of(Map.of("score", 10 * Integer.parseInt(id))));
    }

    private static List<?> representations(int request) {
        return (List<?>) ((Map<?, ?>) SENT.get(request).get("variables")).get("representations");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(String query) throws Exception {
        var response = processor.process(snapshot, new GraphQLRequest(query, null, Map.of(), null), Map.of(), true,
                false).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        Map<String, Object> body = JSON.readValue(JSON.writeValueAsString(response.body()), Map.class);
        assertNull(body.get("errors"), String.valueOf(body.get("errors")));
        return (Map<String, Object>) body.get("data");
    }
}
