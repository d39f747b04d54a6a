package org.epicontrol.gateway.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The fetch groups of one operation being planned, and where a new selection goes: an existing group of the same
 * subgraph when it can take it without a cycle, else a new group.
 */
final class FetchGroups {
    private final List<FetchGroup> groups = new ArrayList<>();

    List<FetchGroup> all() {
        return Collections.unmodifiableList(groups);
    }

    FetchGroup newGroup(String subgraph, List<String> path, boolean entity) {
        FetchGroup g = new FetchGroup(groups.size(), subgraph, path, entity);
        groups.add(g);
        return g;
    }

    /** The root (non-entity) group of that subgraph, created when there is none. */
    FetchGroup rootGroup(String subgraph) {
        for (FetchGroup r : groups) {
            if (!r.entity && r.subgraph.equals(subgraph)) {
                return r;
            }
        }
        return newGroup(subgraph, List.of(), false);
    }

    boolean existingGroup(String subgraph, List<String> path) {
        for (FetchGroup e : groups) {
            if (e.entity && e.subgraph.equals(subgraph) && e.mergePaths.contains(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reuses the entity group of that subgraph at that path unless that would create a cycle; else one of the
     * same subgraph that runs at the same point (same dependencies) and sends the same representation for the
     * type, so that one step sends one {@code _entities} request per subgraph.
     */
    FetchGroup entityGroup(String subgraph, List<String> path, Set<FetchGroup> deps, String type,
                           SelectionTree representation) {
        for (FetchGroup e : groups) {
            if (e.entity && e.subgraph.equals(subgraph) && e.mergePaths.contains(path)
                    && deps.stream().noneMatch(d -> d == e || d.dependsOn(e))
                    && compatible(e.requires.get(type), representation)) {
                e.deps.addAll(deps);
                return e;
            }
        }
        for (FetchGroup e : groups) {
            SelectionTree known = e.requires.get(type);
            if (e.entity && e.subgraph.equals(subgraph) && e.deps.equals(deps)
                    && (known == null || known.requiredFields().equals(representation.requiredFields()))) {
                e.mergePaths.add(List.copyOf(path));
                return e;
            }
        }
        FetchGroup e = newGroup(subgraph, path, true);
        e.deps.addAll(deps);
        return e;
    }

    /** Keeps only direct dependencies so that simple plans stay trees. */
    void keepDirectDependencies() {
        for (FetchGroup g : groups) {
            g.deps.removeIf(d -> g.deps.stream().anyMatch(o -> o != d && o.dependsOn(d)));
        }
    }

    /** Whether two representations can be one: no field sent twice from different response keys. */
    private static boolean compatible(SelectionTree known, SelectionTree representation) {
        return known == null || compatible(known.requiredFields(), representation.requiredFields());
    }

    private static boolean compatible(List<PlanNode.RequiredField> a, List<PlanNode.RequiredField> b) {
        for (PlanNode.RequiredField x : a) {
            for (PlanNode.RequiredField y : b) {
                if (x.name().equals(y.name()) && (!x.responseKey().equals(y.responseKey())
                        || x.selections() != null && y.selections() != null
                        && !compatible(x.selections(), y.selections()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
