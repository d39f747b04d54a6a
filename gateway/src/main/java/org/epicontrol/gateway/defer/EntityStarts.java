package org.epicontrol.gateway.defer;

import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.TypeMeta;

/**
 * Where a deferred fragment on an entity starts: its fields go to subgraphs with a resolvable key for the type,
 * the one that resolves most of them first, each other field to a subgraph that resolves it (so fields of several
 * subgraphs are fetched in parallel, each from the objects the parent fetched). Fields no such subgraph resolves
 * and nested fragments go with the first; the planner jumps on from there. None when the type has no resolvable
 * key anywhere.
 */
final class EntityStarts {
    private final Supergraph supergraph;
    private final String type;

    EntityStarts(Supergraph supergraph, String type) {
        this.supergraph = supergraph;
        this.type = type;
    }

    List<DeferredFragment.EntityStart> of(SelectionSet set) {
        TypeMeta meta = supergraph.type(type);
        if (meta == null) {
            return List.of();
        }
        List<String> graphs = new ArrayList<>();
        for (String graph : meta.graphs().keySet()) {
            if (!supergraph.resolvableKeys(type, graph).isEmpty() && !supergraph.isInterfaceObject(type, graph)) {
                graphs.add(graph);
            }
        }
        if (graphs.isEmpty()) {
            return List.of();
        }
        String first = graphs.get(0);
        int best = -1;
        for (String graph : graphs) {
            int score = 0;
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f && resolves(graph, f)) {
                    score++;
                }
            }
            if (score > best) {
                best = score;
                first = graph;
            }
        }
        Map<String, List<Selection>> byGraph = new LinkedHashMap<>();
        byGraph.put(first, new ArrayList<>());
        for (Selection<?> s : set.getSelections()) {
            String graph = first;
            if (s instanceof Field f && !resolves(first, f)) {
                graph = graphs.stream().filter(g -> resolves(g, f)).findFirst().orElse(first);
            }
            byGraph.computeIfAbsent(graph, g -> new ArrayList<>()).add(s);
        }
        List<DeferredFragment.EntityStart> starts = new ArrayList<>();
        byGraph.forEach((graph, selections) -> {
            if (!selections.isEmpty()) {
                starts.add(new DeferredFragment.EntityStart(graph,
                        supergraph.resolvableKeys(type, graph).get(0).selection(),
                        SelectionSet.newSelectionSet(selections).build()));
            }
        });
        return starts;
    }

    private boolean resolves(String graph, Field f) {
        return !f.getName().startsWith("__") && supergraph.resolvableIn(type, f.getName(), graph);
    }
}
