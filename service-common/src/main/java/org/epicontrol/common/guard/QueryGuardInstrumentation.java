package org.epicontrol.common.guard;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;

/**
 * Runs the QueryGuard on the parsed document, before validation: graphql-java turns the AbortExecutionException it
 * throws into the answer's errors, and nothing is validated or executed. Every transport passes here (HTTP, the
 * graphql-transport-ws subscriptions), as the parser's token limit does (quarkus.smallrye-graphql.parser-max-tokens).
 */
final class QueryGuardInstrumentation extends SimplePerformantInstrumentation {

    private volatile QueryGuard guard;

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        guard().check(parameters.getSchema(), parameters.getDocument(), parameters.getVariables());
        return super.beginValidation(parameters, state);
    }

    /** Looked up at the first operation: the runtime configuration is complete by then. */
    private QueryGuard guard() {
        QueryGuard current = guard;
        if (current == null) {
            QueryGuardConfig limits = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                    .getConfigMapping(QueryGuardConfig.class);
            current = new QueryGuard(limits);
            guard = current;
        }
        return current;
    }
}
