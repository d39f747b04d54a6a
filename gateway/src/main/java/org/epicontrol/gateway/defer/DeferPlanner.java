package org.epicontrol.gateway.defer;

import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.plan.PlanNode;
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
                case ENTITY -> entityPlan(planner, op, f);
                case INLINE -> null;
            };
            deferred.add(new DeferPlan.Deferred(f, plan));
        }
        return new DeferPlan(primary, split.primary().shaped(), List.copyOf(deferred));
    }

    /** One {@code _entities} fetch per starting subgraph, in parallel, each continued by the planner. */
    private static QueryPlan entityPlan(QueryPlanner planner, OperationDefinition op, DeferredFragment f) {
        List<PlanNode> roots = new ArrayList<>();
        int fetches = 0;
        for (DeferredFragment.EntityStart start : f.starts()) {
            QueryPlan p = planner.planEntities(op, f.type(), f.path(), start.graph(), start.key(), start.selection());
            roots.add(p.root());
            fetches += p.fetchCount();
        }
        return new QueryPlan(roots.size() == 1 ? roots.get(0) : new PlanNode.Parallel(List.copyOf(roots)), false,
                fetches);
    }
}
