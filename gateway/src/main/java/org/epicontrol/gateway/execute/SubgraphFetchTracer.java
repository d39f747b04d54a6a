package org.epicontrol.gateway.execute;

import io.vertx.core.MultiMap;
import java.util.Map;
import org.epicontrol.gateway.execute.SubgraphClient.SubgraphRequest;
import org.epicontrol.gateway.supergraph.Subgraph;

/**
 * Watches each HTTP exchange of {@link HttpSubgraphClient} with a subgraph: where tracing plugs in, with the HTTP
 * status at hand and the outgoing headers still writable. {@link #NONE} when tracing is off, so the fetch path then
 * costs nothing more than before.
 */
public interface SubgraphFetchTracer {

    SubgraphFetchTracer NONE = (subgraph, request, headers) -> Fetch.NONE;

    /**
     * Called once per request, after the forwarded headers are in {@code headers} and before it is sent; may add to
     * (or replace in) {@code headers}, e.g. the trace context for the subgraph.
     */
    Fetch start(Subgraph subgraph, SubgraphRequest request, MultiMap headers);

    /** One traced exchange. */
    interface Fetch {
        Fetch NONE = new Fetch() {
            @Override
            public void status(int httpStatus) {
            }

            @Override
            public void end(Map<String, Object> answer, Throwable failure) {
            }
        };

        /** The subgraph's HTTP status, when it answered. */
        void status(int httpStatus);

        /** The fetch is over: the parsed answer, or why there is none (timeout, connection, not GraphQL). */
        void end(Map<String, Object> answer, Throwable failure);
    }
}
