package org.epicontrol.common.guard;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import io.quarkus.arc.Arc;

import java.util.List;

/**
 * Runs the QueryGuard twice per new document and once per execution of a known one: graphql-java turns the
 * AbortExecutionException it throws into the answer's errors, and nothing further runs.
 * <ul>
 *   <li>before validation, on a document parsed for the first time: validation itself is what a fragment bomb
 *       exhausts;</li>
 *   <li>before each execution, with that request's variables: SmallRye GraphQL caches a validated document by its
 *       text, so a document first sent with first: 10 or three representations would otherwise run unchecked with
 *       first: 100000 or ten thousand.</li>
 * </ul>
 * Every transport passes here (HTTP, the graphql-transport-ws subscriptions), as the parser's token limit does
 * (quarkus.smallrye-graphql.parser-max-tokens).
 */
final class QueryGuardInstrumentation extends SimplePerformantInstrumentation {

    private volatile QueryGuard guard;

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        guard().check(parameters.getSchema(), parameters.getDocument(), parameters.getVariables());
        return super.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        guard().check(execution.getGraphQLSchema(), execution.getDocument(), execution.getCoercedVariables().toMap());
        return super.beginExecuteOperation(parameters, state);
    }

    /** Looked up at the first operation: SmallRye GraphQL builds the engine outside CDI. */
    private QueryGuard guard() {
        QueryGuard current = guard;
        if (current == null) {
            current = Arc.container().instance(QueryGuard.class).get();
            guard = current;
        }
        return current;
    }
}
