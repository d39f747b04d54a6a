package org.epicontrol.gateway.plan;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Map;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;

/**
 * How much of a selection a subgraph answers without leaving it: the fields it resolves (itself or through
 * {@code @provides}) from the top down to the first one it does not. Used to choose among the subgraphs that
 * share a root field, so that the one answering most of the operation is asked, as a cost-based planner would.
 */
final class SelectionReach {
    private final Resolvability resolvability;
    private final Supergraph supergraph;
    private final Map<String, FragmentDefinition> fragments;

    SelectionReach(Resolvability resolvability, Map<String, FragmentDefinition> fragments) {
        this.resolvability = resolvability;
        this.supergraph = resolvability.supergraph();
        this.fragments = fragments;
    }

    /** The number of fields of {@code field} (itself included) on {@code type} the graph answers itself. */
    int of(String graph, String type, Field field) {
        return count(graph, type, SelectionSet.newSelectionSet().selection(field).build(), Provided.NONE);
    }

    private int count(String graph, String type, SelectionSet set, Provided provided) {
        int n = 0;
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                n += field(graph, type, f, provided);
            } else if (s instanceof InlineFragment i) {
                String tc = i.getTypeCondition() == null ? type : i.getTypeCondition().getName();
                n += fragment(graph, tc, i.getSelectionSet(), provided);
            } else if (s instanceof FragmentSpread sp && fragments.get(sp.getName()) != null) {
                FragmentDefinition def = fragments.get(sp.getName());
                n += fragment(graph, def.getTypeCondition().getName(), def.getSelectionSet(), provided);
            }
        }
        return n;
    }

    private int fragment(String graph, String typeCondition, SelectionSet set, Provided provided) {
        return supergraph.typeInGraph(typeCondition, graph) ? count(graph, typeCondition, set, provided) : 0;
    }

    private int field(String graph, String type, Field f, Provided provided) {
        String name = f.getName();
        if (name.equals("__typename") || supergraph.type(type) == null || supergraph.type(type).field(name) == null) {
            return 0;
        }
        boolean local = supergraph.isAbstract(type)
                ? resolvability.localOnAbstract(graph, type, name, provided, resolvability.possibleAt(type, graph))
                : resolvability.local(graph, type, name, provided);
        if (!local) {
            return 0;
        }
        if (f.getSelectionSet() == null) {
            return 1;
        }
        var inGraph = supergraph.fieldTypeIn(type, name, graph);
        String returnType = inGraph != null ? SupergraphParser.namedType(inGraph)
                : resolvability.fieldMeta(type, name).namedType();
        return 1 + count(graph, returnType, f.getSelectionSet(),
                provided.child(type, name).with(supergraph.provides(type, name, graph)));
    }
}
