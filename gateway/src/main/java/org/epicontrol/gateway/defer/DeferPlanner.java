package org.epicontrol.gateway.defer;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.plan.QueryPlan;
import org.epicontrol.gateway.plan.QueryPlanner;
import org.epicontrol.gateway.supergraph.Supergraph;

/**
 * Plans an operation with {@code @defer} as Apollo Router does: the primary selection with the ordinary planner;
 * a deferred fragment on the query root as a query of its own; one on an entity as an {@code _entities} fetch from
 * the objects at its path (their {@code __typename} and key come with its parent's plan), continued into other
 * subgraphs by the planner; one on any other type with its parent (see {@link DeferredFragment.Kind#INLINE}).
 */
public final class DeferPlanner {
    private DeferPlanner() {
    }

    public static DeferPlan plan(Supergraph supergraph, QueryPlanner planner, OperationDefinition op,
                                 Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        GraphQLObjectType root = supergraph.apiSchema().getQueryType();
        DeferSplitter.Result split = new DeferSplitter(supergraph.apiSchema(), supergraph, fragments, variables)
                .split(root, op.getSelectionSet());
        QueryPlan primary = planner.plan(op.transform(b -> b.selectionSet(split.primary().planned())), Map.of());
        List<DeferPlan.Deferred> deferred = new ArrayList<>();
        for (DeferredFragment f : split.deferred()) {
            QueryPlan plan = switch (f.kind()) {
                case ROOT -> planner.plan(op.transform(b -> b.selectionSet(f.planned())), Map.of());
                case ENTITY -> planner.planEntities(op, f.type(), f.path(), f.graph(), f.key(), f.planned());
                case INLINE -> null;
            };
            deferred.add(new DeferPlan.Deferred(f, plan));
        }
        return new DeferPlan(primary, split.primary().shaped(), List.copyOf(deferred));
    }
}
