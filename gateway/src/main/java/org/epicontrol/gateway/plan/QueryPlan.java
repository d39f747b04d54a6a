package org.epicontrol.gateway.plan;

/**
 * The plan of one operation. {@code root} is null when no subgraph is needed (only {@code __typename} or
 * introspection); {@code introspection} tells the executor to answer {@code __schema}/{@code __type} itself.
 */
public record QueryPlan(PlanNode root, boolean introspection, int fetchCount) {
}
