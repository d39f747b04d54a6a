package org.epicontrol.gateway.compose;

import graphql.language.AstPrinter;
import graphql.language.DirectiveDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.compose.SubgraphSchema.Kind;
import org.epicontrol.gateway.compose.SubgraphSchema.TypeDef;
import org.epicontrol.gateway.compose.SupergraphModel.ComposedType;
import org.epicontrol.gateway.compose.SupergraphModel.Graph;

/**
 * Merges the validated subgraphs into the {@link SupergraphModel}: names each subgraph's {@code join__Graph} value,
 * groups every type's definitions over the subgraphs and hands each group to the merger of its kind. Problems go to
 * the error list; a type that cannot be merged is left out.
 */
final class SupergraphMerger {

    static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");

    private final List<SubgraphSchema> graphs;
    private final List<CompositionError> errors;
    private final SubgraphValidator directives;
    private final Map<String, String> graphIds = new HashMap<>();

    SupergraphMerger(List<SubgraphSchema> graphs, SubgraphValidator directives, List<CompositionError> errors) {
        this.graphs = graphs;
        this.directives = directives;
        this.errors = errors;
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

        FieldTypeMerger fieldTypes = new FieldTypeMerger(errors, subtypes);
        InputValueMerger inputValues = new InputValueMerger(errors, fieldTypes);
        ObjectTypeMerger objects = new ObjectTypeMerger(errors, graphIds, directives, fieldTypes, inputValues);
        SimpleTypeMerger others = new SimpleTypeMerger(errors, graphIds, inputValues, graphs);
        List<String> order = new ArrayList<>();
        ROOTS.stream().filter(byType::containsKey).forEach(order::add);
        byType.keySet().stream().filter(n -> !ROOTS.contains(n)).sorted().forEach(order::add);
        List<ComposedType> types = new ArrayList<>();
        for (String typeName : order) {
            List<FromSubgraph<TypeDef>> defs = byType.get(typeName);
            if (!sameKind(typeName, defs)) {
                continue;
            }
            Kind kind = defs.get(0).value().kind;
            ComposedType merged = kind == Kind.OBJECT || kind == Kind.INTERFACE ? objects.merge(typeName, defs)
                    : others.merge(typeName, defs);
            if (merged != null) {
                types.add(merged);
            }
        }
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

    private boolean sameKind(String typeName, List<FromSubgraph<TypeDef>> defs) {
        FromSubgraph<TypeDef> first = defs.get(0);
        for (FromSubgraph<TypeDef> d : defs) {
            if (d.value().kind != first.value().kind) {
                errors.add(new CompositionError("TYPE_KIND_MISMATCH", "Type \"" + typeName + "\" has mismatched "
                        + "kind: it is defined as " + first.value().kind.label + " in subgraph \"" + first.graph().name
                        + "\" but " + d.value().kind.label + " in subgraph \"" + d.graph().name + "\""));
                return false;
            }
        }
        return true;
    }

    /** Executable directives (used in operations) that every subgraph defines alike pass through. */
    private List<DirectiveDefinition> executableDirectives() {
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
