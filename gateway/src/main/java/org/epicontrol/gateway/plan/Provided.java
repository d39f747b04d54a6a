package org.epicontrol.gateway.plan;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Fields a subgraph can return at a position because an enclosing field {@code @provides} them, even though the
 * subgraph marks them {@code @external}. Fields under a type condition ({@code ... on Book { title }}) are
 * provided for objects of that type only.
 */
final class Provided {
    static final Provided NONE = new Provided(Map.of(), Map.of());

    /** Provided whatever the object's type. */
    private final Map<String, Provided> fields;
    /** Provided under {@code ... on Type}, per type condition. */
    private final Map<String, Map<String, Provided>> byType;

    private Provided(Map<String, Provided> fields, Map<String, Map<String, Provided>> byType) {
        this.fields = fields;
        this.byType = byType;
    }

    /** Whether the field is provided on an object selected as {@code type}. */
    boolean has(String type, String field) {
        return fields.containsKey(field) || byType.getOrDefault(type, Map.of()).containsKey(field);
    }

    /** What is provided below the field on an object selected as {@code type}. */
    Provided child(String type, String field) {
        Provided any = fields.get(field);
        Provided typed = byType.getOrDefault(type, Map.of()).get(field);
        if (any == null) {
            return typed == null ? NONE : typed;
        }
        return typed == null ? any : any.merge(typed);
    }

    /** This set plus the fields of a {@code provides} selection set. */
    Provided with(SelectionSet provides) {
        if (provides == null) {
            return this;
        }
        Map<String, Provided> mergedFields = new HashMap<>(fields);
        Map<String, Map<String, Provided>> mergedByType = new HashMap<>();
        byType.forEach((t, m) -> mergedByType.put(t, new HashMap<>(m)));
        add(mergedFields, mergedByType, provides, mergedFields);
        return new Provided(mergedFields, mergedByType);
    }

    private Provided merge(Provided other) {
        Map<String, Provided> mergedFields = new HashMap<>(fields);
        other.fields.forEach((f, p) -> mergedFields.merge(f, p, Provided::merge));
        Map<String, Map<String, Provided>> mergedByType = new HashMap<>();
        byType.forEach((t, m) -> mergedByType.put(t, new HashMap<>(m)));
        other.byType.forEach((t, m) -> m.forEach((f, p) -> mergedByType.computeIfAbsent(t, k -> new HashMap<>())
                .merge(f, p, Provided::merge)));
        return new Provided(mergedFields, mergedByType);
    }

    private static void add(Map<String, Provided> fields, Map<String, Map<String, Provided>> byType,
                            SelectionSet set, Map<String, Provided> into) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                Provided existing = into.getOrDefault(f.getName(), NONE);
                into.put(f.getName(), f.getSelectionSet() == null ? existing : existing.with(f.getSelectionSet()));
            } else if (s instanceof InlineFragment i) {
                Map<String, Provided> target = i.getTypeCondition() == null ? into
                        : byType.computeIfAbsent(i.getTypeCondition().getName(), k -> new HashMap<>());
                add(fields, byType, i.getSelectionSet(), target);
            }
        }
    }
}
