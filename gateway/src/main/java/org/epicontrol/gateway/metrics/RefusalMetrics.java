package org.epicontrol.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests the gateway refused before planning ({@code gateway_requests_refused_total}), tagged with the
 * error code ({@code RATE_LIMITED}, {@code PERSISTED_QUERY_NOT_FOUND}, {@code PERSISTED_QUERY_REQUIRED}, ...) and the
 * caller ({@code anonymous} or {@code signed-in}), so an attack or a client shipped without its manifest shows up.
 */
@ApplicationScoped
public class RefusalMetrics {
    static final String METRIC = "gateway.requests.refused";

    private final MeterRegistry registry;
    /** By code and caller: built once, not per refusal (refusals come in floods). */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public RefusalMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void refused(String code, boolean signedIn) {
        counters.computeIfAbsent(List.of(code, signedIn ? "signed-in" : "anonymous"), key -> Counter.builder(METRIC)
                .description("Requests refused before planning, by error code and kind of caller")
                .tag("code", key.get(0))
                .tag("caller", key.get(1))
                .register(registry)).increment();
    }
}
