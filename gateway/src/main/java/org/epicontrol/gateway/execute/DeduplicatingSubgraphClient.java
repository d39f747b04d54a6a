package org.epicontrol.gateway.execute;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.epicontrol.gateway.supergraph.Subgraph;

/**
 * Sends a query fetch once while an identical one (same subgraph, document, variables and forwarded headers) is in
 * flight: callers asking the same thing at the same time (a front end's popular query, every client polling the
 * risk map) share one subgraph request. Mutations always go out on their own.
 *
 * <p>A shared answer is handed to every sharer as one {@link SharedAnswer}, which nobody changes: the executor copies
 * only the maps and lists it merges into ({@link SharedParts}). Each sharer continues on its own Vert.x context, as
 * with an unshared request; an answer nobody joined stays the sender's own, as before.
 *
 * <p>Traces: the shared request is sent on the first caller's context, so its client span (and the subgraph's spans
 * under it) belong to that caller's trace; the callers that joined it get no span of it in theirs. The trace context
 * is added below this class, so it never keeps otherwise identical fetches apart.
 */
public final class DeduplicatingSubgraphClient implements SubgraphClient {

    private record Key(String subgraph, String url, String query, String operationName, Map<String, Object> variables,
                       Map<String, String> headers) {
    }

    private record Follower(Context context, Promise<Map<String, Object>> promise) {
    }

    /** One request in flight and whoever joined it; {@code done} once answered (late joiners then send their own). */
    private static final class InFlight {
        final List<Follower> followers = new ArrayList<>();
        boolean done;
    }

    private final SubgraphClient delegate;
    private final Vertx vertx;
    private final Map<Key, InFlight> inFlight = new ConcurrentHashMap<>();

    public DeduplicatingSubgraphClient(SubgraphClient delegate, Vertx vertx) {
        this.delegate = delegate;
        this.vertx = vertx;
    }

    @Override
    public Future<Map<String, Object>> fetch(Subgraph subgraph, SubgraphRequest request) {
        if (request.operationType().equals("mutation")) {
            return delegate.fetch(subgraph, request);
        }
        Key key = new Key(subgraph.name(), subgraph.url(), request.query(), request.operationName(),
                request.variables(), request.headers());
        InFlight mine = new InFlight();
        InFlight existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            synchronized (existing) {
                if (!existing.done) {
                    Follower follower = new Follower(vertx.getOrCreateContext(), Promise.promise());
                    existing.followers.add(follower);
                    return follower.promise().future();
                }
            }
            return delegate.fetch(subgraph, request);
        }
        Promise<Map<String, Object>> leader = Promise.promise();
        delegate.fetch(subgraph, request).onComplete(answer -> {
            List<Follower> followers;
            synchronized (mine) {
                mine.done = true;
                inFlight.remove(key, mine);
                followers = List.copyOf(mine.followers);
            }
            if (followers.isEmpty() || answer.failed()) {
                leader.handle(answer); // the answer is the leader's alone (nobody can join any more)
            } else {
                // Read by every sharer at once, written by none: each copies only what it merges into.
                Map<String, Object> shared = answer.result() instanceof SharedAnswer s ? s
                        : new SharedAnswer(answer.result());
                leader.complete(shared);
                answer = Future.succeededFuture(shared);
            }
            for (Follower follower : followers) {
                AsyncResult<Map<String, Object>> result = answer;
                follower.context().runOnContext(v -> follower.promise().handle(result));
            }
        });
        return leader.future();
    }

    /** In-flight requests right now (for tests). */
    int inFlight() {
        return inFlight.size();
    }

    /** Callers waiting for a request someone else sent (for tests). */
    int waiting() {
        int n = 0;
        for (InFlight f : inFlight.values()) {
            synchronized (f) {
                n += f.followers.size();
            }
        }
        return n;
    }

    /** A copy of a JSON tree the caller may change (a shared answer renamed in place: rare). */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            // Sized to hold the entries without growing (a table of the next power of two above size / 0.75).
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put((String) e.getKey(), deepCopy(e.getValue()));
            }
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(deepCopy(item));
            }
            return (T) copy;
        }
        return value; // strings, numbers, booleans, null: immutable
    }
}
