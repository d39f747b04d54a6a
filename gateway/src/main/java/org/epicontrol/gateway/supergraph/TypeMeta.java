package org.epicontrol.gateway.supergraph;

import graphql.language.SelectionSet;
import graphql.language.Type;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the supergraph's join directives say about one composite type: where it lives, its keys and fields. */
public final class TypeMeta {

    public enum Kind { OBJECT, INTERFACE, UNION, OTHER }

    /** {@code @join__type} of one graph. */
    public record InGraph(String graph, List<Key> keys, boolean extension, boolean interfaceObject) {
    }

    /** One {@code @key}; {@code resolvable: false} keys can be sent but not resolved by that graph. */
    public record Key(String fields, SelectionSet selection, boolean resolvable) {
    }

    /** {@code @join__field} of one graph. */
    /** {@code @join__field} of one graph; {@code type} is the field's type there when it differs (else null). */
    public record FieldInGraph(String graph, SelectionSet requires, SelectionSet provides, boolean external,
                               boolean usedOverridden, String override, Type<?> type) {
    }

    /**
     * A field and, per graph, its join information; no entries means "every graph that has the type", unless
     * {@code viaInterfaceObject}: a graph-less {@code @join__field} says no subgraph resolves the field on this type
     * itself, it comes from an {@code @interfaceObject} of one of the type's interfaces.
     */
    public record FieldMeta(String name, Type<?> type, String namedType, Map<String, FieldInGraph> graphs,
                            boolean viaInterfaceObject) {
    }

    final String name;
    final Kind kind;
    final Map<String, InGraph> graphs = new LinkedHashMap<>();
    final Map<String, FieldMeta> fields = new LinkedHashMap<>();
    /** graph -> interfaces this type implements there ({@code @join__implements}). */
    final Map<String, Set<String>> implementsIn = new LinkedHashMap<>();
    /** graph -> members of this union there ({@code @join__unionMember}). */
    final Map<String, Set<String>> membersIn = new LinkedHashMap<>();
    /** {@code @cost} of the type itself, and {@code @cost}/{@code @listSize} of its fields (only those that have them). */
    CostDirectives cost = CostDirectives.NONE;
    final Map<String, CostDirectives> fieldCosts = new LinkedHashMap<>();

    TypeMeta(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isAbstract() {
        return kind == Kind.INTERFACE || kind == Kind.UNION;
    }

    public Map<String, InGraph> graphs() {
        return graphs;
    }

    public FieldMeta field(String fieldName) {
        return fields.get(fieldName);
    }

    public Map<String, FieldMeta> fields() {
        return fields;
    }

    public CostDirectives cost() {
        return cost;
    }

    public CostDirectives fieldCost(String fieldName) {
        return fieldCosts.getOrDefault(fieldName, CostDirectives.NONE);
    }

    void addImplements(String graph, String iface) {
        implementsIn.computeIfAbsent(graph, g -> new LinkedHashSet<>()).add(iface);
    }

    void addMember(String graph, String member) {
        membersIn.computeIfAbsent(graph, g -> new LinkedHashSet<>()).add(member);
    }
}
