package org.epicontrol.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.access.AccessBeans;
import org.epicontrol.gateway.access.PolicyDecisions;
import org.epicontrol.gateway.cost.CostPolicy;
import org.epicontrol.gateway.cost.CostSettings;
import org.epicontrol.gateway.cost.DemandControl;
import org.epicontrol.gateway.execute.DeduplicatingSubgraphClient;
import org.epicontrol.gateway.execute.HttpSubgraphClient;
import org.epicontrol.gateway.execute.PlanExecutor;
import org.epicontrol.gateway.execute.SubgraphClient;
import org.epicontrol.gateway.execute.SubgraphFetchTracer;
import org.epicontrol.gateway.metrics.MeteredSubgraphClient;
import org.epicontrol.gateway.metrics.OperationCostMetrics;
import org.epicontrol.gateway.request.OperationLimits;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.tracing.OpenTelemetryFetchTracer;

/** Wires the framework-free planner/executor classes into CDI. */
@ApplicationScoped
public class GatewayBeans {
    private HttpSubgraphClient client;

    @Produces
    @Singleton
    HttpSubgraphClient subgraphClient(Vertx vertx, ObjectMapper mapper, GatewayConfig config,
                                      OpenTelemetry openTelemetry,
                                      @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
                                      boolean otelDisabled) {
        // With the SDK off, no tracer at all rather than a no-op one: nothing is done per fetch.
        SubgraphFetchTracer tracer = otelDisabled ? SubgraphFetchTracer.NONE
                : new OpenTelemetryFetchTracer(openTelemetry.getTracer("org.epicontrol.gateway"),
                        openTelemetry.getPropagators().getTextMapPropagator());
        client = new HttpSubgraphClient(vertx, mapper, config.subgraphTimeout(), config.maxConnectionsPerSubgraph(),
                tracer);
        return client;
    }

    @Produces
    @Singleton
    PlanExecutor planExecutor(Vertx vertx, HttpSubgraphClient client, ObjectMapper mapper, GatewayConfig config,
                              MeterRegistry registry) {
        SubgraphClient metered = new MeteredSubgraphClient(client, registry);
        SubgraphClient subgraphs = config.deduplicateRequests() ? new DeduplicatingSubgraphClient(metered, vertx) : metered;
        return new PlanExecutor(vertx, subgraphs, mapper);
    }

    @Produces
    @Singleton
    RequestProcessor requestProcessor(Vertx vertx, PlanExecutor executor, GatewayConfig config,
                                      MeterRegistry registry, PolicyDecisions policies) {
        GatewayConfig.Limits l = config.limits();
        DemandControl demand = new DemandControl(CostSettings.of(config.cost()), CostPolicy.of(config.cost()),
                new OperationCostMetrics(registry));
        return new RequestProcessor(vertx, executor,
                new OperationLimits(l.maxDepth(), l.maxAliases(), l.maxQueryBytes(), l.maxTokens(), l.maxFields()),
                config.introspection(), demand, AccessBeans.gate(config.authorization(), policies));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }
}
