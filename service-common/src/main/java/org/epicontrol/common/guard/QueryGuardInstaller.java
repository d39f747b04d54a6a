package org.epicontrol.common.guard;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;

import java.util.List;

/**
 * Adds the QueryGuardInstrumentation to the GraphQL engine SmallRye GraphQL builds, after the instrumentations it
 * configured (its query cache, metrics, tracing), which stay as they are. SmallRye GraphQL has no setting for an
 * instrumentation of one's own; its eventing SPI hands over the engine's builder, found through
 * META-INF/services, and always on (no config key).
 */
public final class QueryGuardInstaller implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // The builder has no getter; a throwaway build hands back what SmallRye GraphQL configured.
        Instrumentation configured = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(List.of(configured, new QueryGuardInstrumentation())));
    }
}
