package org.epicontrol.gateway.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;

/**
 * Composes Federation 2 subgraph SDLs into a supergraph SDL in the {@code @link}/{@code join__*} form (join v0.3)
 * that Apollo composition writes and {@link SupergraphParser} reads, in three steps: each subgraph is read
 * ({@link SubgraphSchema}) and its federation directives checked ({@link SubgraphValidator}); the subgraphs are
 * merged into one model ({@link SupergraphMerger}); the model is printed ({@link SupergraphPrinter}) and parsed back
 * into the form the gateway runs.
 *
 * <p>Object and interface fields are merged over all subgraphs; a field resolved by several subgraphs must be
 * {@code @shareable} (or a key field) in each; output types merge to their common supertype, argument and input
 * types to the strictest; arguments and input fields keep the intersection; enums the union (output), the
 * intersection (input) or must agree (both). {@code @key}, {@code @requires} and {@code @provides} field sets are
 * checked against the subgraph that declares them. Every problem found is reported, not just the first.
 */
public final class SupergraphComposer {

    /** The composed supergraph: its SDL and the parsed form the gateway runs. */
    public record Composition(String supergraphSdl, Supergraph supergraph) {
    }

    private SupergraphComposer() {
    }

    /**
     * @throws CompositionException with every problem found when the subgraphs do not compose
     */
    public static Composition compose(List<SubgraphSdl> subgraphs) {
        List<CompositionError> errors = new ArrayList<>();
        if (subgraphs.isEmpty()) {
            throw new CompositionException(List.of(new CompositionError("NO_SUBGRAPHS", "no subgraphs to compose")));
        }
        checkNames(subgraphs, errors);
        failIfAny(errors);
        List<SubgraphSchema> graphs = new ArrayList<>();
        subgraphs.stream().sorted(Comparator.comparing(SubgraphSdl::name)).forEach(in -> {
            SubgraphSchema schema = SubgraphSchema.parse(in, errors);
            if (schema != null) {
                graphs.add(schema);
            }
        });
        failIfAny(errors);

        SubgraphValidator validator = new SubgraphValidator(errors);
        graphs.forEach(validator::validate);
        SupergraphModel model = new SupergraphMerger(graphs, validator, errors).merge();
        failIfAny(errors);

        String sdl = SupergraphPrinter.print(model);
        try {
            return new Composition(sdl, SupergraphParser.parse(sdl));
        } catch (SupergraphParser.InvalidSupergraphException e) {
            throw new CompositionException(List.of(new CompositionError("INVALID_SUPERGRAPH",
                    "the composed supergraph is not a valid schema: " + e.getMessage())));
        }
    }

    private static void checkNames(List<SubgraphSdl> subgraphs, List<CompositionError> errors) {
        Set<String> names = new HashSet<>();
        for (SubgraphSdl in : subgraphs) {
            if (in.name() == null || in.name().isBlank()) {
                errors.add(new CompositionError("INVALID_SUBGRAPH_NAME", "a subgraph has no name (url "
                        + in.url() + ")"));
            } else if (!names.add(in.name())) {
                errors.add(new CompositionError("INVALID_SUBGRAPH_NAME", "two subgraphs are named \"" + in.name()
                        + "\""));
            }
        }
    }

    private static void failIfAny(List<CompositionError> errors) {
        if (!errors.isEmpty()) {
            throw new CompositionException(errors);
        }
    }
}
