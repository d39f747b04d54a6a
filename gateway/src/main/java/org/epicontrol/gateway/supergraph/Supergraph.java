package org.epicontrol.gateway.supergraph;

import graphql.language.Field;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.access.AccessRequirements;

/**
 * An immutable, parsed supergraph: the join metadata the planner needs and the API schema clients see. Built once
 * per supergraph file version and shared by all requests of that version.
 */
public final class Supergraph {
    private final Map<String, Subgraph> subgraphs;
    private final Map<String, TypeMeta> types;
    private final GraphQLSchema apiSchema;
    private final String queryType;
    private final String mutationType;
    private final AccessRequirements access;

    Supergraph(Map<String, Subgraph> subgraphs, Map<String, TypeMeta> types, GraphQLSchema apiSchema,
               String queryType, String mutationType) {
        this(subgraphs, types, apiSchema, queryType, mutationType, AccessRequirements.NONE);
    }

    Supergraph(Map<String, Subgraph> subgraphs, Map<String, TypeMeta> types, GraphQLSchema apiSchema,
               String queryType, String mutationType, AccessRequirements access) {
        this.access = access;
        this.subgraphs = Collections.unmodifiableMap(new LinkedHashMap<>(subgraphs));
        this.types = types;
        this.apiSchema = apiSchema;
        this.queryType = queryType;
        this.mutationType = mutationType;
    }

    /** A copy with subgraph URLs replaced by name (configuration wins over the file). */
    public Supergraph withUrls(Map<String, String> urlsByName) {
        if (urlsByName.isEmpty()) {
            return this;
        }
        Map<String, Subgraph> replaced = new LinkedHashMap<>();
        subgraphs.forEach((id, s) -> replaced.put(id, new Subgraph(id, s.name(), urlsByName.getOrDefault(s.name(),
                s.url()))));
        return new Supergraph(replaced, types, apiSchema, queryType, mutationType, access);
    }

    /** The access directives ({@code @authenticated}, {@code @requiresScopes}, {@code @policy}) of this version. */
    public AccessRequirements access() {
        return access;
    }

    public GraphQLSchema apiSchema() {
        return apiSchema;
    }

    public Collection<Subgraph> subgraphs() {
        return subgraphs.values();
    }

    public Subgraph subgraph(String id) {
        return subgraphs.get(id);
    }

    public String queryType() {
        return queryType;
    }

    public String mutationType() {
        return mutationType;
    }

    public TypeMeta type(String name) {
        return types.get(name);
    }

    public boolean isComposite(String typeName) {
        TypeMeta t = types.get(typeName);
        return t != null && t.kind != TypeMeta.Kind.OTHER;
    }

    public boolean isAbstract(String typeName) {
        TypeMeta t = types.get(typeName);
        return t != null && t.isAbstract();
    }

    /** Whether the graph defines the type at all (so a {@code ... on Type} is valid in its schema). */
    public boolean typeInGraph(String typeName, String graph) {
        TypeMeta t = types.get(typeName);
        if (t == null) {
            return false;
        }
        // Types without any @join__type (e.g. from old supergraphs) are taken as present everywhere.
        return t.graphs.isEmpty() || t.graphs.containsKey(graph);
    }

    /** Graphs that can resolve {@code type.field} themselves (not external, not overridden away). */
    public List<String> resolvingGraphs(String typeName, String fieldName) {
        List<String> out = new ArrayList<>();
        for (String g : subgraphs.keySet()) {
            if (resolvableIn(typeName, fieldName, g)) {
                out.add(g);
            }
        }
        return out;
    }

    public boolean resolvableIn(String typeName, String fieldName, String graph) {
        TypeMeta t = types.get(typeName);
        if (t == null || !typeInGraph(typeName, graph)) {
            return false;
        }
        TypeMeta.FieldMeta f = t.fields.get(fieldName);
        if (f == null) {
            return false;
        }
        if (f.graphs().isEmpty()) {
            return !f.viaInterfaceObject();
        }
        TypeMeta.FieldInGraph fg = f.graphs().get(graph);
        if (fg == null || fg.usedOverridden()) {
            return false;
        }
        // Fed1-style "extend type X @key(fields: "id") { id: ID! @external }": key fields still come back.
        return !fg.external() || isKeyField(t, graph, fieldName);
    }

    private static boolean isKeyField(TypeMeta t, String graph, String fieldName) {
        TypeMeta.InGraph ig = t.graphs.get(graph);
        if (ig == null) {
            return false;
        }
        for (TypeMeta.Key k : ig.keys()) {
            if (k.selection().getSelections().stream()
                    .anyMatch(s -> s instanceof Field f && f.getName().equals(fieldName))) {
                return true;
            }
        }
        return false;
    }

    public TypeMeta.FieldInGraph fieldInGraph(String typeName, String fieldName, String graph) {
        TypeMeta t = types.get(typeName);
        TypeMeta.FieldMeta f = t == null ? null : t.fields.get(fieldName);
        return f == null ? null : f.graphs().get(graph);
    }

    /** The field's type in the graph when {@code @join__field(type:)} says it differs from the supergraph's. */
    public Type<?> fieldTypeIn(String typeName, String fieldName, String graph) {
        TypeMeta.FieldInGraph fg = fieldInGraph(typeName, fieldName, graph);
        return fg == null ? null : fg.type();
    }

    public SelectionSet requires(String typeName, String fieldName, String graph) {
        TypeMeta.FieldInGraph fg = fieldInGraph(typeName, fieldName, graph);
        return fg == null ? null : fg.requires();
    }

    public SelectionSet provides(String typeName, String fieldName, String graph) {
        TypeMeta.FieldInGraph fg = fieldInGraph(typeName, fieldName, graph);
        return fg == null ? null : fg.provides();
    }

    /**
     * Keys of the type that the graph can resolve through {@code _entities}. For an interface that is either an
     * entity interface there ({@code @key} on the interface) or an {@code @interfaceObject}; representations then
     * carry the interface's name as {@code __typename}.
     */
    public List<TypeMeta.Key> resolvableKeys(String typeName, String graph) {
        TypeMeta t = types.get(typeName);
        TypeMeta.InGraph ig = t == null ? null : t.graphs.get(graph);
        if (ig == null) {
            return List.of();
        }
        return ig.keys().stream().filter(TypeMeta.Key::resolvable).toList();
    }

    /** Whether the graph sees this interface as an object type ({@code @interfaceObject}). */
    public boolean isInterfaceObject(String typeName, String graph) {
        TypeMeta t = types.get(typeName);
        TypeMeta.InGraph ig = t == null ? null : t.graphs.get(graph);
        return ig != null && ig.interfaceObject();
    }

    /**
     * Graphs where the interface is a real interface with a resolvable {@code @key}: given a representation with
     * the interface's name they answer the object's concrete type.
     */
    public List<String> entityInterfaceGraphs(String typeName) {
        TypeMeta t = types.get(typeName);
        List<String> out = new ArrayList<>();
        if (t == null || t.kind != TypeMeta.Kind.INTERFACE) {
            return out;
        }
        for (TypeMeta.InGraph ig : t.graphs.values()) {
            if (!ig.interfaceObject() && ig.keys().stream().anyMatch(TypeMeta.Key::resolvable)) {
                out.add(ig.graph());
            }
        }
        return out;
    }

    /** Interfaces the object type implements in the API schema. */
    public List<String> interfacesOf(String typeName) {
        if (apiSchema.getType(typeName) instanceof GraphQLObjectType o) {
            return o.getInterfaces().stream().map(i -> i.getName()).toList();
        }
        return List.of();
    }

    /** Object types a field of the abstract type may return when resolved by the graph. */
    public Set<String> possibleTypesIn(String abstractType, String graph) {
        TypeMeta t = types.get(abstractType);
        Set<String> out = new LinkedHashSet<>();
        if (t == null) {
            return out;
        }
        if (t.kind == TypeMeta.Kind.UNION) {
            Set<String> members = t.membersIn.get(graph);
            if (members != null) {
                out.addAll(members);
            } else if (t.membersIn.isEmpty()) {
                for (String m : allPossibleTypes(abstractType)) {
                    if (typeInGraph(m, graph)) {
                        out.add(m);
                    }
                }
            }
            return out;
        }
        for (TypeMeta candidate : types.values()) {
            if (candidate.kind != TypeMeta.Kind.OBJECT || !typeInGraph(candidate.name, graph)) {
                continue;
            }
            Set<String> impl = candidate.implementsIn.get(graph);
            if (impl != null ? impl.contains(abstractType)
                    : candidate.implementsIn.isEmpty() && allPossibleTypes(abstractType).contains(candidate.name)) {
                out.add(candidate.name);
            }
        }
        return out;
    }

    /** Possible object types of an abstract type in the API schema (or the type itself for an object). */
    public Set<String> allPossibleTypes(String typeName) {
        Set<String> out = new LinkedHashSet<>();
        var type = apiSchema.getType(typeName);
        if (type instanceof GraphQLObjectType) {
            out.add(typeName);
        } else if (type instanceof GraphQLInterfaceType i) {
            apiSchema.getImplementations(i).forEach(o -> out.add(o.getName()));
        } else if (type instanceof GraphQLUnionType u) {
            u.getTypes().forEach(o -> out.add(o.getName()));
        } else {
            // Not in the API (inaccessible): answer from the join metadata.
            TypeMeta t = types.get(typeName);
            if (t != null && t.kind == TypeMeta.Kind.OBJECT) {
                out.add(typeName);
            } else if (t != null) {
                for (String g : subgraphs.keySet()) {
                    out.addAll(possibleTypesIn(typeName, g));
                }
            }
        }
        return out;
    }

    /** Whether an object of runtime type {@code objectType} satisfies the type condition {@code condition}. */
    public boolean satisfies(String objectType, String condition) {
        if (objectType.equals(condition)) {
            return true;
        }
        TypeMeta c = types.get(condition);
        if (c == null || !c.isAbstract()) {
            return false;
        }
        if (c.kind == TypeMeta.Kind.UNION) {
            for (Set<String> m : c.membersIn.values()) {
                if (m.contains(objectType)) {
                    return true;
                }
            }
        } else {
            TypeMeta o = types.get(objectType);
            if (o != null) {
                for (Set<String> i : o.implementsIn.values()) {
                    if (i.contains(condition)) {
                        return true;
                    }
                }
            }
        }
        return allPossibleTypes(condition).contains(objectType);
    }
}
