package org.epicontrol.gateway.plan;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Turns a validated operation into a {@link QueryPlan}, in three steps of their own:
 * <ol>
 *   <li>{@link OperationWalk} walks the operation once, keeping a "current" fetch group: a field the group's
 *   subgraph can resolve is added to it, otherwise {@link EntityJumps} picks a subgraph that resolves the field and
 *   one of its {@code @key}s, adds the key (and {@code @requires}) fields to the current group and continues in an
 *   entity group at the same response path;</li>
 *   <li>{@link Resolvability} answers what a subgraph can resolve there (ownership, keys, {@code @provides},
 *   {@code @requires}/{@code @external}, {@code @override}, interface objects);</li>
 *   <li>{@link PlanAssembler} turns the groups' dependency graph into Sequence/Parallel/Flatten nodes.</li>
 * </ol>
 */
public final class QueryPlanner {
    private final Supergraph supergraph;
    private final Resolvability resolvability;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
        this.resolvability = new Resolvability(supergraph);
    }

    /** Plans the operation named {@code operationName} (or the only one) of a validated document. */
    public QueryPlan plan(Document document, String operationName) {
        OperationDefinition op = null;
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (Definition<?> d : document.getDefinitions()) {
            if (d instanceof OperationDefinition o
                    && (operationName == null ? op == null : operationName.equals(o.getName()))) {
                op = o;
            } else if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            }
        }
        if (op == null) {
            throw new PlanningException(operationName == null ? "the document has no operation"
                    : "unknown operation named '" + operationName + "'");
        }
        return plan(op, fragments);
    }

    public QueryPlan plan(OperationDefinition op, Map<String, FragmentDefinition> fragments) {
        OperationWalk.Walked walked = new OperationWalk(op, fragments, resolvability).walk(rootType(op));
        PlanNode root = new PlanAssembler(op, resolvability).assemble(walked.groups(), walked.roots());
        return new QueryPlan(root, walked.introspection(), walked.groups().size());
    }

    /**
     * Plans {@code selection} (no fragment spreads) on the objects of {@code type} at {@code path} of a response
     * that already holds them with {@code __typename} and {@code key} (a deferred fragment): an {@code _entities}
     * fetch into {@code graph}, and whatever that fetch cannot resolve from other subgraphs after it.
     */
    public QueryPlan planEntities(OperationDefinition op, String type, List<String> path, String graph,
                                  SelectionSet key, SelectionSet selection) {
        OperationWalk.Walked walked = new OperationWalk(op, Map.of(), resolvability)
                .walkEntities(type, path, graph, key, selection);
        PlanNode root = new PlanAssembler(op, resolvability).assemble(walked.groups(), walked.roots());
        return new QueryPlan(root, false, walked.groups().size());
    }

    private String rootType(OperationDefinition op) {
        if (op.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            // Planned as a query whose root fetch is the subgraph's subscription (gateway.subscribe).
            return SubscriptionRoot.of(supergraph);
        }
        if (op.getOperation() == OperationDefinition.Operation.MUTATION) {
            String rootType = supergraph.mutationType();
            if (rootType == null) {
                throw new PlanningException("the schema has no mutation type");
            }
            return rootType;
        }
        return supergraph.queryType();
    }
}
