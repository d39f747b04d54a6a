package org.epicontrol.gateway.compose;

import graphql.language.Directive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.epicontrol.gateway.supergraph.SupergraphParser;

/** The demand-control directives ({@code @cost}, {@code @listSize}) of one element, merged over its subgraphs. */
final class CostDirectives {

    static final String LINK = "  @link(url: \"https://specs.apollo.dev/cost/v0.1\", import: [\"@cost\", \"@listSize\"])\n";
    static final String DEFINITIONS = """
            directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR

            directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
            """;

    private CostDirectives() {
    }

    /**
     * The gateway estimates operation costs from these, so they reach the supergraph: the highest {@code @cost}
     * weight of any subgraph, and one {@code @listSize} with the largest assumed size and the union of slicing
     * arguments and sized fields (a subgraph never gets a smaller estimate than it asked for). Empty when no
     * subgraph uses them here.
     */
    static String merged(List<SupergraphComposer.Src<List<Directive>>> sources) {
        Integer weight = null;
        Integer assumedSize = null;
        boolean listSize = false;
        Set<String> slicing = new TreeSet<>();
        Set<String> sized = new TreeSet<>();
        for (SupergraphComposer.Src<List<Directive>> s : sources) {
            for (Directive cost : s.graph().directives(s.value(), "cost")) {
                weight = max(weight, SupergraphParser.integer(SubgraphSchema.argument(cost, "weight")));
            }
            for (Directive d : s.graph().directives(s.value(), "listSize")) {
                listSize = true;
                assumedSize = max(assumedSize, SupergraphParser.integer(SubgraphSchema.argument(d, "assumedSize")));
                slicing.addAll(SupergraphParser.strings(SubgraphSchema.argument(d, "slicingArguments")));
                sized.addAll(SupergraphParser.strings(SubgraphSchema.argument(d, "sizedFields")));
            }
        }
        StringBuilder out = new StringBuilder();
        if (weight != null) {
            out.append(" @cost(weight: ").append(weight).append(')');
        }
        if (listSize) {
            List<String> args = new ArrayList<>();
            if (assumedSize != null) {
                args.add("assumedSize: " + assumedSize);
            }
            if (!slicing.isEmpty()) {
                args.add("slicingArguments: " + slicing.stream().map(SupergraphComposer::quote).toList());
            }
            if (!sized.isEmpty()) {
                args.add("sizedFields: " + sized.stream().map(SupergraphComposer::quote).toList());
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
