package org.epicontrol.gateway.request;

import java.time.Instant;
import org.epicontrol.gateway.execute.Introspection;
import org.epicontrol.gateway.plan.QueryPlanner;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Everything that depends on one version of the supergraph. Requests take the current snapshot once at their
 * start, so a reload swaps it without disturbing requests in flight.
 */
public record GatewaySnapshot(Supergraph supergraph, QueryPlanner planner, Introspection introspection,
                              BoundedCache<OperationKey, PreparedOperation> operations, Instant loadedAt) {

    public static GatewaySnapshot of(Supergraph supergraph, int cacheSize) {
        return new GatewaySnapshot(supergraph, new QueryPlanner(supergraph), new Introspection(supergraph.apiSchema()),
                new BoundedCache<>(cacheSize), Instant.now());
    }

    public record OperationKey(String query, String operationName) {
    }
}
