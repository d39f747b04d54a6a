package org.epicontrol.gateway.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A fetch being assembled by the planner: the subgraph, where its result goes, and what must run before it. */
final class FetchGroup {
    final int id;
    final String subgraph;
    /** Response paths of the entities (with "@" for list elements); none for root fetches. */
    final List<List<String>> mergePaths = new ArrayList<>();
    final boolean entity;
    final SelectionTree selection = new SelectionTree();
    /** For entity fetches: per type condition, the key and required fields of the representation. */
    final Map<String, SelectionTree> requires = new LinkedHashMap<>();
    /** Groups whose results this group needs (the parent it jumps from, producers of required fields). */
    final Set<FetchGroup> deps = new LinkedHashSet<>();

    FetchGroup(int id, String subgraph, List<String> mergePath, boolean entity) {
        this.id = id;
        this.subgraph = subgraph;
        if (entity) {
            mergePaths.add(List.copyOf(mergePath));
        }
        this.entity = entity;
    }

    /** Whether this group transitively depends on {@code other}. */
    boolean dependsOn(FetchGroup other) {
        for (FetchGroup d : deps) {
            if (d == other || d.dependsOn(other)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Fetch#" + id + "(" + subgraph + " @ " + mergePaths + ")";
    }
}
