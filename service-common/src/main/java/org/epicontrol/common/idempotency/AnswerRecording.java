package org.epicontrol.common.idempotency;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.arc.Arc;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Records a keyed mutation's answer before it goes out: the key's row, claimed by the write's transaction, gets the
 * execution result (data and errors as the GraphQL specification has them). A request whose write rolled back
 * claimed nothing and records nothing. The key is read from the request's context when its execution starts
 * (certainly on that context) and kept in the execution's instrumentation state.
 */
final class AnswerRecording extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(AnswerRecording.class);

    private record Keyed(IdempotentRequest request) implements InstrumentationState {
    }

    private volatile IdempotencyKeys keys;

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return IdempotentRequest.current().map(Keyed::new).orElse(null);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                       InstrumentationExecutionParameters parameters,
                                                                       InstrumentationState state) {
        if (!(state instanceof Keyed keyed)) {
            return CompletableFuture.completedFuture(result);
        }
        String answer = new JsonObject(result.toSpecification()).encode();
        return keys().recordAnswer(keyed.request(), answer)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "idempotency key %s: answer not recorded", keyed.request().key());
                    return false;
                })
                .replaceWith(result)
                .subscribeAsCompletionStage();
    }

    /** Looked up at the first keyed execution: SmallRye GraphQL builds the engine outside CDI. */
    private IdempotencyKeys keys() {
        IdempotencyKeys current = keys;
        if (current == null) {
            current = Arc.container().instance(IdempotencyKeys.class).get();
            keys = current;
        }
        return current;
    }
}
