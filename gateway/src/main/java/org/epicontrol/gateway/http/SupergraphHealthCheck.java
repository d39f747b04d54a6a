package org.epicontrol.gateway.http;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.epicontrol.gateway.supergraph.SupergraphSource;

/** Ready once a supergraph is in service; reports the last reload problem and the composition hints if any. */
@Readiness
@ApplicationScoped
public class SupergraphHealthCheck implements HealthCheck {
    private final SupergraphSource source;

    public SupergraphHealthCheck(SupergraphSource source) {
        this.source = source;
    }

    @Override
    public HealthCheckResponse call() {
        GatewaySnapshot snapshot = source.current();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("supergraph").status(snapshot != null);
        if (snapshot != null) {
            b.withData("subgraphs", snapshot.supergraph().subgraphs().size())
                    .withData("loadedAt", snapshot.loadedAt().toString());
        }
        if (!source.compositionHints().isEmpty()) {
            b.withData("compositionHints", String.join("\n", source.compositionHints()));
        }
        if (source.lastError() != null) {
            b.withData("lastError", source.lastError());
        }
        return b.build();
    }
}
