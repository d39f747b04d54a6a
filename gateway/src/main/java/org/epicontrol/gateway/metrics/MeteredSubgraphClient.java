package org.epicontrol.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.epicontrol.gateway.execute.SubgraphClient;
import org.epicontrol.gateway.supergraph.Subgraph;

/**
 * Times every subgraph fetch ({@code gateway_subgraph_fetch_seconds}, tagged with the subgraph and the outcome:
 * {@code ok}, {@code errors} when the answer carries GraphQL errors, or the failure code such as
 * {@code SUBREQUEST_TIMEOUT}), so a slow or failing subgraph shows up by name.
 */
public final class MeteredSubgraphClient implements SubgraphClient {
    static final String METRIC = "gateway.subgraph.fetch";

    private final SubgraphClient delegate;
    private final MeterRegistry registry;
    /** By subgraph and outcome: fetches are the hot path, so the timer is built once, not per fetch. */
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    public MeteredSubgraphClient(SubgraphClient delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Future<Map<String, Object>> fetch(Subgraph subgraph, SubgraphRequest request) {
        Timer.Sample sample = Timer.start(registry);
        return delegate.fetch(subgraph, request).andThen(ar -> {
            String outcome = SubgraphClient.outcome(ar.result(), ar.cause());
            sample.stop(timers.computeIfAbsent(List.of(subgraph.name(), outcome), key -> Timer.builder(METRIC)
                    .description("Requests from the gateway to a subgraph, by subgraph and outcome")
                    .tag("subgraph", key.get(0))
                    .tag("outcome", key.get(1))
                    .publishPercentileHistogram()
                    .register(registry)));
        });
    }
}
