package org.epicontrol.gateway.supergraph;

import java.util.List;

/**
 * {@code @cost(weight:)} and {@code @listSize(assumedSize:, slicingArguments:, sizedFields:)} of one type or field
 * in the supergraph (Apollo's cost spec v0.1, the IBM GraphQL cost directives); null or empty where absent.
 */
public record CostDirectives(Integer weight, Integer assumedSize, List<String> slicingArguments,
                             List<String> sizedFields) {
    public static final CostDirectives NONE = new CostDirectives(null, null, List.of(), List.of());
}
