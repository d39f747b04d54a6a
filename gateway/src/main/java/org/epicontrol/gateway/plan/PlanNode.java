package org.epicontrol.gateway.plan;

import java.util.List;

/**
 * A node of a query plan. Fetches talk to one subgraph; Flatten places an entity fetch at a path of the response
 * ({@code "@"} stands for "every element of a list"); Sequence runs its nodes one after another; Parallel at once.
 */
public sealed interface PlanNode permits PlanNode.Fetch, PlanNode.Flatten, PlanNode.Sequence, PlanNode.Parallel {

    /**
     * One request to a subgraph.
     *
     * @param subgraph       the join__Graph id of the subgraph
     * @param serviceName    its composition name, for errors and plan display
     * @param operation      the GraphQL document sent
     * @param operationName  the operation's name in that document (may be null)
     * @param variableUsages client variables the document uses
     * @param requires       for entity fetches: what each representation holds, per type condition; else empty
     * @param responseKeys   the top-level response keys this fetch fills, to place errors when it fails
     * @param renames        fetch aliases to undo in the answer (for entity fetches: in each entity)
     */
    record Fetch(int id, String subgraph, String serviceName, String operation, String operationName,
                 List<String> variableUsages, List<Requires> requires, List<String> responseKeys,
                 List<Rename> renames)
            implements PlanNode {
        public boolean isEntityFetch() {
            return !requires.isEmpty();
        }
    }

    /** Fields a representation carries for objects whose __typename satisfies {@code typeCondition}. */
    record Requires(String typeCondition, List<RequiredField> fields) {
    }

    /**
     * A required field: {@code name} in the representation, read from {@code responseKey} of the fetched data
     * (required fields with arguments are fetched under an alias); {@code typeCondition} is the innermost
     * fragment's type condition it was selected under, if any (then objects of other types lack it); {@code
     * selections} is null for leaves.
     */
    record RequiredField(String name, String responseKey, String typeCondition, List<RequiredField> selections) {
    }

    /**
     * A field a fetch asks under the alias {@code from} because the subgraph's type for it would clash with a
     * sibling's; the answer is renamed back to {@code to} before merging. {@code nested} applies to its value.
     */
    record Rename(String from, String to, List<Rename> nested) {
    }

    /**
     * Places an entity fetch's results at its paths. Usually one path; sibling jumps into the same subgraph from
     * one fetch share a single {@code _entities} request and so list several paths.
     */
    record Flatten(List<List<String>> paths, PlanNode node) implements PlanNode {
        public List<String> path() {
            return paths.get(0);
        }
    }

    record Sequence(List<PlanNode> nodes) implements PlanNode {
    }

    record Parallel(List<PlanNode> nodes) implements PlanNode {
    }
}
