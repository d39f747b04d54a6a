package org.epicontrol.gateway.compose;

import static org.epicontrol.gateway.compose.SdlText.print;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the types one field, argument or input field has in several subgraphs: output positions to the common
 * supertype (nullable over non-null, an interface or union over its member), input positions to the strictest type.
 */
final class FieldTypeMerger {

    private final List<CompositionError> errors;
    /** Interface or union name to the types some subgraph says implement it / belong to it. */
    private final Map<String, Set<String>> subtypes;

    FieldTypeMerger(List<CompositionError> errors, Map<String, Set<String>> subtypes) {
        this.errors = errors;
        this.subtypes = subtypes;
    }

    /** The merged type, or null (with an error naming both subgraphs) when the types do not fit together. */
    Type<?> merge(String coordinate, List<FromSubgraph<Type<?>>> types, boolean input, String code, String what) {
        Type<?> merged = types.get(0).value();
        for (FromSubgraph<Type<?>> t : types) {
            Type<?> next = input ? strictest(merged, t.value()) : supertype(merged, t.value());
            if (next == null) {
                FromSubgraph<Type<?>> first = types.get(0);
                errors.add(new CompositionError(code, "Type of " + what + " \"" + coordinate + "\" is incompatible "
                        + "across subgraphs: it has type \"" + print(first.value()) + "\" in subgraph \""
                        + first.graph().name + "\" but type \"" + print(t.value()) + "\" in subgraph \""
                        + t.graph().name + "\""));
                return null;
            }
            merged = next;
        }
        return merged;
    }

    private Type<?> supertype(Type<?> a, Type<?> b) {
        if (a instanceof NonNullType na && b instanceof NonNullType nb) {
            Type<?> inner = supertype(na.getType(), nb.getType());
            return inner == null ? null : NonNullType.newNonNullType(inner).build();
        }
        if (a instanceof NonNullType na) {
            return supertype(na.getType(), b);
        }
        if (b instanceof NonNullType nb) {
            return supertype(a, nb.getType());
        }
        if (a instanceof ListType la && b instanceof ListType lb) {
            Type<?> inner = supertype(la.getType(), lb.getType());
            return inner == null ? null : ListType.newListType(inner).build();
        }
        if (a instanceof TypeName ta && b instanceof TypeName tb) {
            if (ta.getName().equals(tb.getName()) || isSubtype(tb.getName(), ta.getName())) {
                return ta;
            }
            return isSubtype(ta.getName(), tb.getName()) ? tb : null;
        }
        return null;
    }

    private static Type<?> strictest(Type<?> a, Type<?> b) {
        Type<?> ia = a instanceof NonNullType na ? na.getType() : a;
        Type<?> ib = b instanceof NonNullType nb ? nb.getType() : b;
        Type<?> inner;
        if (ia instanceof ListType la && ib instanceof ListType lb) {
            Type<?> element = strictest(la.getType(), lb.getType());
            inner = element == null ? null : ListType.newListType(element).build();
        } else if (ia instanceof TypeName ta && ib instanceof TypeName tb) {
            inner = ta.getName().equals(tb.getName()) ? ta : null;
        } else {
            inner = null;
        }
        if (inner == null) {
            return null;
        }
        return a instanceof NonNullType || b instanceof NonNullType ? NonNullType.newNonNullType(inner).build() : inner;
    }

    private boolean isSubtype(String sub, String sup) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(sup));
        while (!todo.isEmpty()) {
            String t = todo.remove(todo.size() - 1);
            if (seen.add(t) && subtypes.containsKey(t)) {
                if (subtypes.get(t).contains(sub)) {
                    return true;
                }
                todo.addAll(subtypes.get(t));
            }
        }
        return false;
    }
}
