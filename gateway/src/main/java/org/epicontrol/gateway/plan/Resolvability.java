package org.epicontrol.gateway.plan;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.epicontrol.gateway.supergraph.Supergraph;
import org.epicontrol.gateway.supergraph.SupergraphParser;
import org.epicontrol.gateway.supergraph.TypeMeta;

/**
 * What a subgraph can resolve, over a {@link Supergraph}: its own fields, fields an enclosing {@code @provides}
 * gives it, keys it can return for a jump into another subgraph, the object types a selection may meet there, and
 * the fields an {@code @interfaceObject} resolves for an interface's implementations. Answers questions only; the
 * walk decides what to do with them.
 */
final class Resolvability {
    private final Supergraph supergraph;

    Resolvability(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    Supergraph supergraph() {
        return supergraph;
    }

    /** Whether the graph returns the field of the type itself (or because an enclosing field provides it). */
    boolean local(String graph, String type, String field, Provided provided) {
        return supergraph.typeInGraph(type, graph)
                && (supergraph.resolvableIn(type, field, graph) || provided.has(field));
    }

    /** Whether the graph returns the field through the abstract type for every object type it may meet there. */
    boolean localOnAbstract(String graph, String type, String field, Provided provided, Set<String> possible) {
        if (!local(graph, type, field, provided)) {
            return false;
        }
        for (String t : possible) {
            if (supergraph.typeInGraph(t, graph) && supergraph.type(t).field(field) != null
                    && !local(graph, t, field, provided)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the graph can return every field of the selection set (a key or required fields) on the type. */
    boolean canProvide(String graph, String type, SelectionSet set, Provided provided) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                if (f.getName().equals("__typename")) {
                    continue;
                }
                if (!local(graph, type, f.getName(), provided)) {
                    return false;
                }
                if (f.getSelectionSet() != null) {
                    TypeMeta.FieldMeta meta = fieldMeta(type, f.getName());
                    if (!canProvide(graph, meta.namedType(), f.getSelectionSet(), provided.child(f.getName())
                            .with(supergraph.provides(type, f.getName(), graph)))) {
                        return false;
                    }
                }
            } else if (s instanceof InlineFragment i) {
                String tc = i.getTypeCondition() == null ? type : i.getTypeCondition().getName();
                if (!canProvide(graph, tc, i.getSelectionSet(), provided)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code to} resolves a key of the type that {@code from} can return. */
    boolean providableKey(String from, String type, String to, Provided provided) {
        return supergraph.resolvableKeys(type, to).stream()
                .anyMatch(k -> canProvide(from, type, k.selection(), provided));
    }

    /** Whether the graph resolves every field of these steps. */
    boolean reachable(List<Step> steps, String graph) {
        for (Step s : steps) {
            if (!supergraph.resolvableIn(s.parent(), s.field().getName(), graph)) {
                return false;
            }
        }
        return true;
    }

    /** Graphs with the interface as an {@code @interfaceObject} that resolve its field. */
    List<String> interfaceObjectGraphs(String iface, String field) {
        List<String> out = new ArrayList<>();
        for (String graph : supergraph.resolvingGraphs(iface, field)) {
            if (supergraph.isInterfaceObject(iface, graph)) {
                out.add(graph);
            }
        }
        return out;
    }

    /** The object types a selection on {@code type} may meet in the graph. */
    Set<String> possibleAt(String type, String graph) {
        if (!supergraph.isAbstract(type)) {
            return Set.of(type);
        }
        if (supergraph.isInterfaceObject(type, graph)) {
            return supergraph.allPossibleTypes(type);
        }
        return supergraph.possibleTypesIn(type, graph);
    }

    TypeMeta.FieldMeta fieldMeta(String type, String field) {
        TypeMeta t = supergraph.type(type);
        TypeMeta.FieldMeta meta = t == null ? null : t.field(field);
        if (meta == null) {
            throw new PlanningException("unknown field " + type + "." + field);
        }
        return meta;
    }

    String serviceName(String graph) {
        var s = supergraph.subgraph(graph);
        return s == null ? graph : s.name();
    }

    /** Whether two types give the same response shape: same list/non-null wrapping, same leaf type. */
    boolean sameShape(Type<?> a, Type<?> b) {
        if (a instanceof NonNullType || b instanceof NonNullType) {
            return a instanceof NonNullType x && b instanceof NonNullType y && sameShape(x.getType(), y.getType());
        }
        if (a instanceof ListType || b instanceof ListType) {
            return a instanceof ListType x && b instanceof ListType y && sameShape(x.getType(), y.getType());
        }
        String an = SupergraphParser.namedType(a);
        String bn = SupergraphParser.namedType(b);
        return an.equals(bn) || supergraph.isComposite(an) && supergraph.isComposite(bn);
    }
}
