package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.string;

import graphql.language.Directive;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directives of one supergraph element that reach the supergraph, merged over the subgraphs that define it:
 * {@code @deprecated} (the first reason), {@code @inaccessible} (if any subgraph says so), every {@code @tag}, and
 * the demand-control directives (see {@link CostDirectives}) and the access directives (see {@link AccessDirectives}).
 *
 * @param deprecated the first subgraph's {@code @deprecated}, or null
 * @param cost       null when no subgraph has {@code @cost} or {@code @listSize} here
 * @param access     null when no subgraph has {@code @authenticated}, {@code @requiresScopes} or {@code @policy} here
 */
record AppliedDirectives(Directive deprecated, boolean inaccessible, Set<String> tags, CostDirectives cost,
                         AccessDirectives access) {

    /**
     * @param where  the element (e.g. {@code "Query.notice"}), for errors
     * @param errors gets what cannot be merged
     */
    static AppliedDirectives merge(String where, List<FromSubgraph<List<Directive>>> sources,
                                   List<CompositionError> errors) {
        Directive deprecated = null;
        boolean inaccessible = false;
        Set<String> tags = new TreeSet<>();
        for (FromSubgraph<List<Directive>> s : sources) {
            for (Directive d : s.value()) {
                if (d.getName().equals("deprecated") && deprecated == null) {
                    deprecated = d;
                }
            }
            inaccessible |= s.graph().hasDirective(s.value(), "inaccessible");
            for (Directive tag : s.graph().directives(s.value(), "tag")) {
                String name = string(argument(tag, "name"));
                if (name != null) {
                    tags.add(name);
                }
            }
        }
        return new AppliedDirectives(deprecated, inaccessible, tags, CostDirectives.merge(sources),
                AccessDirectives.merge(sources, where, errors));
    }
}
