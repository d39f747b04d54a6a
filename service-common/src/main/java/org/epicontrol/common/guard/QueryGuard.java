package org.epicontrol.common.guard;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses an operation whose depth or estimated cost is over the limits, before any of it is validated or run: one
 * linear walk (QueryCostEstimator). graphql-java's own depth and complexity instrumentations run only after
 * validation and walk a fragment again at every spread, which is exponential in a fragment bomb (each fragment
 * spreading the next one twice). graphql-java 24 alone validates such a bomb in about 0.1 s, but the service does more
 * with the document: with the guard off (query-guard.enabled=false) a 30-fragment bomb inside a field held
 * notice-service for over 10 s and every request after it timed out (QueryCostGuardTest). The refusal is a typed GraphQL
 * error: extensions.code DEPTH_LIMIT_EXCEEDED or COST_LIMIT_EXCEEDED, with the measure and the limit. A bean, so
 * that its configuration is read and checked at start-up; unremovable, since only the QueryGuardInstrumentation
 * (outside CDI) looks it up.
 */
@ApplicationScoped
@Unremovable
public class QueryGuard {

    private final QueryGuardConfig limits;

    public QueryGuard(QueryGuardConfig limits) {
        this.limits = limits;
    }

    /** Checks every operation of the document (validation will look at all of them). */
    public void check(GraphQLSchema schema, Document document, Map<String, Object> variables) {
        if (!limits.enabled()) {
            return;
        }
        QueryCostEstimator estimator = new QueryCostEstimator(schema, document, variables, limits);
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            QueryCost cost = estimator.operation(operation);
            if (cost.depth() > limits.maxDepth()) {
                throw refusal("DEPTH_LIMIT_EXCEEDED", "the operation nests fields " + cost.depth()
                        + " deep; this service answers at most " + limits.maxDepth(), "depth", cost.depth(),
                        limits.maxDepth());
            }
            if (cost.cost() > limits.maxCost()) {
                throw refusal("COST_LIMIT_EXCEEDED", "the operation's estimated cost is "
                        + (cost.cost() >= QueryCost.CAP ? "beyond measure" : cost.cost())
                        + "; this service answers at most " + limits.maxCost()
                        + " (each field 1, a list times its size: first/last, else " + limits.defaultListSize() + ")",
                        "cost", cost.cost(), limits.maxCost());
            }
        }
    }

    private static AbortExecutionException refusal(String code, String message, String measure, long value,
                                                   long limit) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.put(measure, value);
        extensions.put("limit", limit);
        GraphQLError error = GraphqlErrorBuilder.newError().message(message).extensions(extensions).build();
        return new AbortExecutionException(List.of(error));
    }
}
