package org.epicontrol.common.idempotency;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;

import java.util.List;

/** Adds {@link AnswerRecording} to the engine SmallRye GraphQL builds (as QueryGuardInstaller adds the guard). */
public final class AnswerRecordingInstaller implements EventingService {

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        Instrumentation configured = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(List.of(configured, new AnswerRecording())));
    }
}
