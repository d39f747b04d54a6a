package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.supergraph.DirectiveArguments.argument;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.integer;
import static org.epicontrol.gateway.supergraph.DirectiveArguments.strings;

import graphql.language.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demand-control directives ({@code @cost}, {@code @listSize}) of one element, merged over its subgraphs.
 *
 * @param weight   the {@code @cost} weight, or null without {@code @cost}
 * @param listSize whether any subgraph put {@code @listSize} here
 */
record CostDirectives(Integer weight, boolean listSize, Integer assumedSize, Set<String> slicingArguments,
                      Set<String> sizedFields) {

    static final String LINK = "  @link(url: \"https://specs.apollo.dev/cost/v0.1\", import: [\"@cost\", \"@listSize\"])\n";
    static final String DEFINITIONS = """
            directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR

            directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
            """;

    /**
     * The gateway estimates operation costs from these, so they reach the supergraph: the highest {@code @cost}
     * weight of any subgraph, and one {@code @listSize} with the largest assumed size and the union of slicing
     * arguments and sized fields (a subgraph never gets a smaller estimate than it asked for). Null when no
     * subgraph uses them here.
     */
    static CostDirectives merge(List<FromSubgraph<List<Directive>>> sources) {
        Integer weight = null;
        Integer assumedSize = null;
        boolean listSize = false;
        Set<String> slicing = new TreeSet<>();
        Set<String> sized = new TreeSet<>();
        for (FromSubgraph<List<Directive>> s : sources) {
            for (Directive cost : s.graph().directives(s.value(), "cost")) {
                weight = max(weight, integer(argument(cost, "weight")));
            }
            for (Directive d : s.graph().directives(s.value(), "listSize")) {
                listSize = true;
                assumedSize = max(assumedSize, integer(argument(d, "assumedSize")));
                slicing.addAll(strings(argument(d, "slicingArguments")));
                sized.addAll(strings(argument(d, "sizedFields")));
            }
        }
        return weight == null && !listSize ? null : new CostDirectives(weight, listSize, assumedSize, slicing, sized);
    }

    /** As applied in the supergraph, with a leading space. */
    String print() {
        StringBuilder out = new StringBuilder();
        if (weight != null) {
            out.append(" @cost(weight: ").append(weight).append(')');
        }
        if (listSize) {
            List<String> args = new ArrayList<>();
            if (assumedSize != null) {
                args.add("assumedSize: " + assumedSize);
            }
            if (!slicingArguments.isEmpty()) {
                args.add("slicingArguments: " + slicingArguments.stream().map(SdlText::quote).toList());
            }
            if (!sizedFields.isEmpty()) {
                args.add("sizedFields: " + sizedFields.stream().map(SdlText::quote).toList());
            }
            // Apollo's default (true) would make a slicing argument mandatory; we only estimate, never enforce.
            args.add("requireOneSlicingArgument: false");
            out.append(" @listSize(").append(String.join(", ", args)).append(')');
        }
        return out.toString();
    }

    /** The larger of two optional values. */
    private static Integer max(Integer a, Integer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }
}
