package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.graphList;
import static org.epicontrol.gateway.compose.SdlText.quote;
import static org.epicontrol.gateway.compose.SdlText.text;

import graphql.language.FieldDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;

/**
 * The hints Apollo composition gives about object and interface types that compose: {@code INCONSISTENT_ENTITY},
 * {@code INCONSISTENT_OBJECT_VALUE_TYPE_FIELD} / {@code INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD},
 * {@code INCONSISTENT_DESCRIPTION} and the {@code @override} hints ({@code FROM_SUBGRAPH_DOES_NOT_EXIST},
 * {@code OVERRIDE_DIRECTIVE_CAN_BE_REMOVED}, {@code OVERRIDDEN_FIELD_CAN_BE_REMOVED}).
 */
final class ObjectTypeHints {

    private final List<CompositionHint> hints;
    private final Set<String> graphNames;
    private final SubgraphValidator directives;

    ObjectTypeHints(List<CompositionHint> hints, Set<String> graphNames, SubgraphValidator directives) {
        this.hints = hints;
        this.graphNames = graphNames;
        this.directives = directives;
    }

    void type(String typeName, Kind kind, List<FromSubgraph<TypeDef>> defs,
              Map<String, List<FromSubgraph<FieldDefinition>>> fields) {
        List<FromSubgraph<TypeDef>> entities = defs.stream()
                .filter(d -> d.graph().hasDirective(d.value().directives, "key")).toList();
        if (kind == Kind.OBJECT && !entities.isEmpty() && entities.size() < defs.size()) {
            hints.add(new CompositionHint("INCONSISTENT_ENTITY", "Type \"" + typeName + "\" is declared as an entity "
                    + "(has a @key applied) in some but not all defining subgraphs: it has no @key in "
                    + graphList(without(defs, entities)) + " but has some @key in " + graphList(entities) + "."));
        }
        if (entities.isEmpty() && !SupergraphMerger.ROOTS.contains(typeName)) {
            String what = kind == Kind.OBJECT ? "object" : "interface";
            fields.forEach((name, sources) -> {
                if (sources.size() < defs.size()) {
                    List<FromSubgraph<TypeDef>> with = defs.stream()
                            .filter(d -> sources.stream().anyMatch(s -> s.graph() == d.graph())).toList();
                    hints.add(new CompositionHint("INCONSISTENT_" + what.toUpperCase(Locale.ROOT) + "_VALUE_TYPE_FIELD",
                            "Field \"" + typeName + "." + name + "\" of non-entity " + what + " type \"" + typeName
                            + "\" is defined in some but not all subgraphs that define \"" + typeName + "\": \""
                            + typeName + "." + name + "\" is defined in " + graphList(with) + " but not in "
                            + graphList(without(defs, with)) + "."));
                }
            });
        }
        descriptions(typeName, defs, d -> d.value().description);
        fields.forEach((name, sources) -> descriptions(typeName + "." + name, sources,
                s -> text(s.value().getDescription())));
    }

    /** Hints about the {@code @override}s of one field defined in {@code sources}. */
    void overrides(String coordinate, List<FromSubgraph<FieldDefinition>> sources,
                   Map<SubgraphSchema, TypeDef> typeIn) {
        for (FromSubgraph<FieldDefinition> s : sources) {
            String from = s.graph().directiveArgument(s.value().getDirectives(), "override", "from");
            if (from == null || from.equals(s.graph().name)) {
                continue;
            }
            String on = "Field \"" + coordinate + "\" on subgraph \"" + s.graph().name + "\"";
            if (!graphNames.contains(from)) {
                hints.add(new CompositionHint("FROM_SUBGRAPH_DOES_NOT_EXIST", "Source subgraph " + quote(from)
                        + " for field \"" + coordinate + "\" on subgraph \"" + s.graph().name + "\" does not exist."));
            } else if (sources.stream().noneMatch(o -> o.graph().name.equals(from)
                    && !o.graph().isExternal(typeIn.get(o.graph()), o.value()))) {
                hints.add(new CompositionHint("OVERRIDE_DIRECTIVE_CAN_BE_REMOVED", on + " no longer exists in the "
                        + "from subgraph. The @override directive can be removed."));
            } else if (!directives.usedByDirectives(from, coordinate)) {
                hints.add(new CompositionHint("OVERRIDDEN_FIELD_CAN_BE_REMOVED", "Field \"" + coordinate
                        + "\" on subgraph \"" + from + "\" is overridden by subgraph \"" + s.graph().name
                        + "\". Consider removing it."));
            }
        }
    }

    /** INCONSISTENT_DESCRIPTION: subgraphs describe one element differently; the first description is kept. */
    private <T> void descriptions(String element, List<FromSubgraph<T>> sources,
                                  Function<FromSubgraph<T>, String> description) {
        Map<String, List<FromSubgraph<T>>> byText = new LinkedHashMap<>();
        for (FromSubgraph<T> s : sources) {
            String d = description.apply(s);
            if (d != null && !d.isBlank()) {
                byText.computeIfAbsent(d.strip(), x -> new ArrayList<>()).add(s);
            }
        }
        if (byText.size() < 2) {
            return;
        }
        List<String> parts = new ArrayList<>();
        byText.forEach((text, in) -> parts.add("in " + graphList(in) + ", " + quote(text)));
        hints.add(new CompositionHint("INCONSISTENT_DESCRIPTION", "Element \"" + element + "\" has inconsistent "
                + "descriptions across subgraphs; the supergraph uses the first: " + String.join("; ", parts)));
    }

    private static <T> List<FromSubgraph<T>> without(List<FromSubgraph<T>> all, List<FromSubgraph<T>> some) {
        return all.stream().filter(d -> !some.contains(d)).toList();
    }
}
