package org.epicontrol.gateway.plan;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Fields a subgraph can return at a position because an enclosing field {@code @provides} them, even though the
 * subgraph marks them {@code @external}. Type conditions inside a provides field set are folded together.
 */
final class Provided {
    static final Provided NONE = new Provided(Map.of());

    private final Map<String, Provided> fields;

    private Provided(Map<String, Provided> fields) {
        this.fields = fields;
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    Provided child(String field) {
        Provided p = fields.get(field);
        return p == null ? NONE : p;
    }

    /** This set plus the fields of a {@code provides} selection set. */
    Provided with(SelectionSet provides) {
        if (provides == null) {
            return this;
        }
        Map<String, Provided> merged = new HashMap<>(fields);
        add(merged, provides);
        return new Provided(merged);
    }

    private static void add(Map<String, Provided> into, SelectionSet set) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                Provided existing = into.getOrDefault(f.getName(), NONE);
                into.put(f.getName(), f.getSelectionSet() == null ? existing : existing.with(f.getSelectionSet()));
            } else if (s instanceof InlineFragment i) {
                add(into, i.getSelectionSet());
            }
        }
    }
}
