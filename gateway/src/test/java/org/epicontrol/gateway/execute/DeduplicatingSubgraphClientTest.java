package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.epicontrol.gateway.execute.SubgraphClient.SubgraphRequest;
import org.epicontrol.gateway.supergraph.Subgraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeduplicatingSubgraphClientTest {
    private static final Subgraph REVIEWS = new Subgraph("REVIEWS", "reviews", "http://reviews/graphql");
    private static final String ENTITIES = "query($representations: [_Any!]!) { _entities(representations: $representations) "
            + "{ ... on Product { reviews { body } } } }";

    private final Vertx vertx = Vertx.vertx();
    /** Requests that reached the subgraph, each answered when the test says so. */
    private final List<Promise<Map<String, Object>>> sent = new ArrayList<>();
    private final DeduplicatingSubgraphClient client = new DeduplicatingSubgraphClient((subgraph, request) -> {
        Promise<Map<String, Object>> p = Promise.promise();
        synchronized (sent) {
            sent.add(p);
        }
        return p.future();
    }, vertx);

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void identicalQueriesInFlightShareOneRequestAndOneAnswerNobodyMayChange() throws Exception {
        SubgraphRequest request = entities("Bearer a", "1");
        Future<Map<String, Object>> first = onContext(() -> client.fetch(REVIEWS, request));
        Future<Map<String, Object>> second = onContext(() -> client.fetch(REVIEWS, entities("Bearer a", "1")));
        assertEquals(1, sent.size(), "one request for two identical fetches");
        sent.get(0).complete(answer());
        Map<String, Object> a = await(first);
        Map<String, Object> b = await(second);
        assertEquals(answer(), a);
        assertSame(a, b, "one answer for every sharer, not a copy each");
        assertInstanceOf(SharedAnswer.class, a, "marked shared: the executor copies what it merges into");
        assertThrows(UnsupportedOperationException.class, () -> a.entrySet().clear());
        assertEquals(0, client.inFlight());
        // answered: the next identical fetch goes out again, and an answer nobody joined is the sender's own
        Future<Map<String, Object>> alone = onContext(() -> client.fetch(REVIEWS, request));
        assertEquals(2, sent.size());
        sent.get(1).complete(answer());
        assertFalse(await(alone) instanceof SharedAnswer);
    }

    @Test
    void otherCallersVariablesAndMutationsAreNeverShared() throws Exception {
        onContext(() -> client.fetch(REVIEWS, entities("Bearer a", "1")));
        onContext(() -> client.fetch(REVIEWS, entities("Bearer b", "1")));
        onContext(() -> client.fetch(REVIEWS, entities("Bearer a", "2")));
        SubgraphRequest mutation = new SubgraphRequest("mutation { addReview(body: \"ok\") { id } }", null, Map.of(),
                Map.of("authorization", "Bearer a"));
        onContext(() -> client.fetch(REVIEWS, mutation));
        onContext(() -> client.fetch(REVIEWS, mutation));
        assertEquals(5, sent.size());
    }

    @Test
    void aFailureReachesEverySharer() throws Exception {
        Future<Map<String, Object>> first = onContext(() -> client.fetch(REVIEWS, entities("Bearer a", "1")));
        Future<Map<String, Object>> second = onContext(() -> client.fetch(REVIEWS, entities("Bearer a", "1")));
        sent.get(0).fail(new SubgraphClient.SubgraphFailure("SUBREQUEST_TIMEOUT", "slow"));
        for (Future<Map<String, Object>> f : List.of(first, second)) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            f.onComplete(ar -> failure.complete(ar.cause()));
            assertEquals("SUBREQUEST_TIMEOUT",
                    ((SubgraphClient.SubgraphFailure) failure.get(5, TimeUnit.SECONDS)).code());
        }
    }

    private static SubgraphRequest entities(String authorization, String upc) {
        return new SubgraphRequest(ENTITIES, null,
                Map.of("representations", List.of(Map.of("__typename", "Product", "upc", upc))),
                Map.of("authorization", authorization));
    }

    private static Map<String, Object> answer() {
        Map<String, Object> review = new LinkedHashMap<>(Map.of("body", "Great"));
        Map<String, Object> product = new LinkedHashMap<>(Map.of("reviews", new ArrayList<>(List.of(review))));
        Map<String, Object> data = new LinkedHashMap<>(Map.of("_entities", new ArrayList<>(List.of(product))));
        return new LinkedHashMap<>(Map.of("data", data));
    }

    /** Calls on a Vert.x context of its own, as the gateway's event loops do. */
    private Future<Map<String, Object>> onContext(Supplier<Future<Map<String, Object>>> call)
            throws Exception {
        CompletableFuture<Future<Map<String, Object>>> result = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> result.complete(call.get()));
        return result.get(5, TimeUnit.SECONDS);
    }

    private static Map<String, Object> await(Future<Map<String, Object>> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
