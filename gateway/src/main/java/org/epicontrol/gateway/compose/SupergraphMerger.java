package org.epicontrol.gateway.compose;

import graphql.language.AstPrinter;
import graphql.language.DirectiveDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedField;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedType;
import org.epicontrol.gateway.compose.SupergraphModel.Graph;
import org.epicontrol.gateway.compose.SupergraphModel.JoinField;
import org.epicontrol.gateway.compose.SupergraphModel.JoinType;

/**
 * Merges the validated subgraphs into the {@link SupergraphModel}: names each subgraph's {@code join__Graph} value,
 * groups every type's definitions over the subgraphs and hands each group to the merger of its kind. Problems go to
 * the error list; a type that cannot be merged is left out.
 */
final class SupergraphMerger {

    static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");

    private final List<SubgraphSchema> graphs;
    private final List<CompositionError> errors;
    private final List<CompositionHint> hints;
    private final SubgraphValidator directives;
    private final Map<String, String> graphIds = new HashMap<>();

    SupergraphMerger(List<SubgraphSchema> graphs, SubgraphValidator directives, List<CompositionError> errors,
                     List<CompositionHint> hints) {
        this.graphs = graphs;
        this.directives = directives;
        this.errors = errors;
        this.hints = hints;
    }

    SupergraphModel merge() {
        assignGraphIds();
        Map<String, Set<String>> subtypes = new HashMap<>();
        Map<String, List<FromSubgraph<TypeDef>>> byType = new LinkedHashMap<>();
        for (SubgraphSchema g : graphs) {
            for (TypeDef t : g.types.values()) {
                byType.computeIfAbsent(t.name, n -> new ArrayList<>()).add(new FromSubgraph<>(g, t));
                if (t.kind == Kind.UNION) {
                    subtypes.computeIfAbsent(t.name, n -> new HashSet<>()).addAll(t.members);
                }
                for (String i : t.interfaces) {
                    subtypes.computeIfAbsent(i, n -> new HashSet<>()).add(t.name);
                }
            }
        }
        // Every subgraph answers queries (_service, _entities): Query belongs to all of them.
        List<FromSubgraph<TypeDef>> queries = byType.computeIfAbsent("Query", n -> new ArrayList<>());
        for (SubgraphSchema g : graphs) {
            if (queries.stream().noneMatch(s -> s.graph() == g)) {
                TypeDef empty = new TypeDef("Query", Kind.OBJECT);
                empty.extension = false;
                queries.add(new FromSubgraph<>(g, empty));
            }
        }
        queries.sort(Comparator.comparing(s -> s.graph().name));

        FieldTypeMerger fieldTypes = new FieldTypeMerger(errors, hints, subtypes);
        InputValueMerger inputValues = new InputValueMerger(errors, hints, fieldTypes);
        ObjectTypeMerger objects = new ObjectTypeMerger(errors, hints, graphIds, directives, fieldTypes, inputValues);
        SimpleTypeMerger others = new SimpleTypeMerger(errors, hints, graphIds, inputValues, graphs);
        List<String> order = new ArrayList<>();
        ROOTS.stream().filter(byType::containsKey).forEach(order::add);
        byType.keySet().stream().filter(n -> !ROOTS.contains(n)).sorted().forEach(order::add);
        List<ComposedType> types = new ArrayList<>();
        for (String typeName : order) {
            List<FromSubgraph<TypeDef>> defs = byType.get(typeName);
            if (!sameKind(typeName, defs)) {
                continue;
            }
            Kind kind = kindOf(defs.get(0));
            ComposedType merged = kind == Kind.OBJECT || kind == Kind.INTERFACE ? objects.merge(typeName, defs)
                    : others.merge(typeName, defs);
            if (merged != null) {
                types.add(merged);
            }
        }
        types = withInterfaceObjectFields(types);
        List<Graph> joinGraphs = graphs.stream().map(g -> new Graph(graphIds.get(g.name), g.name, g.url)).toList();
        return new SupergraphModel(joinGraphs, types, executableDirectives());
    }

    /** {@code join__Graph} values: the names upper-cased into enum value syntax, made unique. */
    private void assignGraphIds() {
        Set<String> taken = new HashSet<>();
        for (SubgraphSchema g : graphs) {
            String id = g.name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
            if (!Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
                id = "_" + id;
            }
            String unique = id;
            for (int i = 2; !taken.add(unique); i++) {
                unique = id + "_" + i;
            }
            graphIds.put(g.name, unique);
        }
    }

    /** The type's kind in the supergraph: an {@code @interfaceObject} is the interface it stands for. */
    static Kind kindOf(FromSubgraph<TypeDef> def) {
        return EntityInterfaceValidator.isInterfaceObject(def.graph(), def.value()) ? Kind.INTERFACE : def.value().kind;
    }

    private boolean sameKind(String typeName, List<FromSubgraph<TypeDef>> defs) {
        FromSubgraph<TypeDef> first = defs.get(0);
        for (FromSubgraph<TypeDef> d : defs) {
            if (kindOf(d) != kindOf(first)) {
                errors.add(new CompositionError("TYPE_KIND_MISMATCH", "Type \"" + typeName + "\" has mismatched "
                        + "kind: it is defined as " + first.value().kind.label + " in subgraph \"" + first.graph().name
                        + "\" but " + d.value().kind.label + " in subgraph \"" + d.graph().name + "\""));
                return false;
            }
        }
        return true;
    }

    /**
     * Implementations of an interface that some subgraph has as an {@code @interfaceObject} get the interface's
     * fields they lack (those the interface objects add) with a graph-less {@code @join__field}: no subgraph resolves
     * them on the implementation itself, the planner fetches them through the interface object.
     */
    private static List<ComposedType> withInterfaceObjectFields(List<ComposedType> types) {
        Map<String, ComposedType> withObjects = new HashMap<>();
        for (ComposedType t : types) {
            if (t.joinTypes().stream().anyMatch(JoinType::interfaceObject)) {
                withObjects.put(t.name(), t);
            }
        }
        if (withObjects.isEmpty()) {
            return types;
        }
        List<ComposedType> out = new ArrayList<>();
        for (ComposedType t : types) {
            List<ComposedField> fields = new ArrayList<>(t.fields());
            Set<String> names = new HashSet<>();
            t.fields().forEach(f -> names.add(f.name()));
            List<ComposedType> implemented = t.kind() != Kind.OBJECT ? List.of() : t.interfaces().stream()
                    .filter(withObjects::containsKey).map(withObjects::get).toList();
            for (ComposedType iface : implemented) {
                for (ComposedField f : iface.fields()) {
                    if (names.add(f.name())) {
                        fields.add(new ComposedField(f.name(), f.description(), f.arguments(), f.type(),
                                List.of(JoinField.NO_GRAPH), f.directives()));
                    }
                }
            }
            out.add(fields.size() == t.fields().size() ? t : t.withFields(fields));
        }
        return out;
    }

    /**
     * Executable directives (used in operations) that every subgraph defines alike pass through; one that only some
     * subgraphs define is left out with the hint INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE.
     */
    private List<DirectiveDefinition> executableDirectives() {
        Set<String> names = new LinkedHashSet<>();
        graphs.forEach(g -> names.addAll(g.executableDirectives.keySet()));
        for (String name : names) {
            List<SubgraphSchema> with = graphs.stream().filter(g -> g.executableDirectives.containsKey(name)).toList();
            if (with.size() < graphs.size()) {
                hints.add(new CompositionHint("INCONSISTENT_EXECUTABLE_DIRECTIVE_PRESENCE", "Executable directive \"@"
                        + name + "\" will not be part of the supergraph as it does not appear in all subgraphs: it is "
                        + "defined in " + SdlText.subgraphs(with) + " but not in " + SdlText.subgraphs(graphs.stream()
                        .filter(g -> !with.contains(g)).toList())));
            }
        }
        List<DirectiveDefinition> out = new ArrayList<>();
        for (DirectiveDefinition d : graphs.get(0).executableDirectives.values()) {
            String printed = AstPrinter.printAst(d.transform(b -> b.description(null)));
            boolean everywhere = graphs.stream().allMatch(g -> g.executableDirectives.containsKey(d.getName())
                    && AstPrinter.printAst(g.executableDirectives.get(d.getName()).transform(b -> b.description(null)))
                    .equals(printed));
            if (everywhere) {
                out.add(d);
            }
        }
        return out;
    }
}
