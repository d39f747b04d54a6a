package org.epicontrol.gateway.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.epicontrol.gateway.cost.CostRecorder;

/**
 * {@code gateway_operation_cost} (distribution summary): {@code kind=estimated} for every operation costed (those
 * refused included), {@code kind=actual} for what executed operations really returned. Both by the same weights, so
 * their ratio shows how pessimistic the list sizes are.
 */
public final class OperationCostMetrics implements CostRecorder {
    static final String METRIC = "gateway.operation.cost";

    private final DistributionSummary estimated;
    private final DistributionSummary actual;

    public OperationCostMetrics(MeterRegistry registry) {
        this.estimated = summary(registry, "estimated");
        this.actual = summary(registry, "actual");
    }

    private static DistributionSummary summary(MeterRegistry registry, String kind) {
        return DistributionSummary.builder(METRIC)
                .description("Cost of GraphQL operations (demand control), estimated before and actual after execution")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .minimumExpectedValue(1.0)
                .maximumExpectedValue(1e9) // estimates of refused bombs are far larger; they go to the top bucket
                .register(registry);
    }

    @Override
    public void estimated(double cost) {
        estimated.record(cost);
    }

    @Override
    public void actual(double cost) {
        actual.record(cost);
    }
}
