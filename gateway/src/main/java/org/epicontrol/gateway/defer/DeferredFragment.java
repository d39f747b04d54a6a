package org.epicontrol.gateway.defer;

import graphql.language.Directive;
import graphql.language.SelectionSet;
import java.util.List;

/**
 * One active {@code @defer} fragment of an operation, as {@link DeferSplitter} cut it out.
 *
 * @param id         its number in the operation (document order)
 * @param parent     the deferred fragment it is nested in, or {@link #PRIMARY}: its part is sent after that one's
 * @param label      the client's label, or null
 * @param kind       how its data is fetched
 * @param type       the type its selection applies to (its type condition, else the enclosing type)
 * @param path       where its objects are in the response: response keys, {@code "@"} for list elements
 * @param planned    its selection as planned: nested deferred fragments cut out, the key fields they need added
 * @param shaped     its selection as the client sees it in its incremental part (nested fragments cut out)
 * @param conditions {@code @skip}/{@code @include} on it and on the fields and fragments around it
 * @param starts     for {@link Kind#ENTITY}: the {@code _entities} fetches it starts with, one per subgraph
 */
public record DeferredFragment(int id, int parent, String label, Kind kind, String type, List<String> path,
                               SelectionSet planned, SelectionSet shaped, List<Directive> conditions,
                               List<EntityStart> starts) {

    public static final int PRIMARY = -1;

    /**
     * An {@code _entities} fetch into {@code graph} with representations of {@code key}, for {@code selection}
     * (the part of the fragment's planned selection that graph resolves; the planner jumps on from there).
     */
    public record EntityStart(String graph, SelectionSet key, SelectionSet selection) {
    }

    /** How a deferred fragment's data is fetched (Apollo Router's rules for what can be deferred). */
    public enum Kind {
        /** On the query root: a query of its own, started at once. */
        ROOT,
        /** On an entity: an {@code _entities} fetch from the objects its parent's plan fetched. */
        ENTITY,
        /**
         * On a type that is neither an entity nor the root: cannot be fetched on its own, so its fields are fetched
         * with its parent; its part is still separate, sent right after the parent's.
         */
        INLINE
    }
}
