package org.epicontrol.gateway.execute;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.json.JsonOut;

/**
 * Builds the client's response from the merged subgraph data, walking the client's operation: only the fields it
 * asked for, under its aliases, in its order, {@code __typename} from the runtime type, {@code @skip}/{@code
 * @include} applied, and nulls in non-null positions propagated to the nearest nullable parent. With {@link
 * FieldWeights} it also adds up the actual cost of what it shapes (each value its field's weight; lists their items),
 * so that the answer is walked once.
 */
public final class ResponseShaper {
    /** "null, and the error is already reported": propagates to the nearest nullable position. */
    private static final Object INVALID = new Object();

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final List<Map<String, Object>> errors;
    private final FieldWeights weights;
    private double cost;
    /** The root's slots kept across requests (with everything below them), or null: worked out per request. */
    private final Cache cache;

    /**
     * One response key of an object of one runtime type, worked out once per selection: the merged fields, their
     * definition (null for {@code __typename}, introspection, or a field the type lacks) and how it is answered.
     */
    private record Slot(String key, List<Field> fields, GraphQLFieldDefinition definition, Kind kind,
                        double weight, Below below) {
        enum Kind { TYPENAME, INTROSPECTION, FIELD, NONE }
    }

    /**
     * The slots of a field's selection per runtime type, worked out on first use: the items of a list share their
     * selection, so a list of n objects collects its fields once instead of n times (and with a {@link Cache}, once
     * for every request of the operation). Safe to share between threads: a race works a type out twice, alike.
     */
    private static final class Below {
        private volatile Slots first;
        private volatile Map<String, Slots> others;

        Slots get(String type) {
            Slots f = first;
            if (f != null && f.type().equals(type)) {
                return f;
            }
            Map<String, Slots> o = others;
            return o == null ? null : o.get(type);
        }

        synchronized void put(Slots slots) {
            if (first == null) {
                first = slots;
                return;
            }
            Map<String, Slots> o = others == null ? new HashMap<>() : new HashMap<>(others);
            o.put(slots.type(), slots);
            others = o;
        }
    }

    /** The slots of a selection on a type, and the response keys they write, shared by every object shaped. */
    private record Slots(String type, List<Slot> slots, String[] keys) {
    }

    /**
     * What an operation's shaping works out once (the fields per selection and runtime type, their weights), kept
     * with the prepared operation for all its requests: only for operations whose {@code @skip}/{@code @include}
     * do not depend on variables, and for one schema, fragments and weights (one supergraph version).
     */
    public static final class Cache {
        private volatile Root root;
    }

    /** The root's slots and what they were worked out with (another schema or weights: worked out again). */
    private record Root(GraphQLSchema schema, FieldWeights weights, Slots slots) {
    }

    public ResponseShaper(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
                          Map<String, Object> variables, List<Map<String, Object>> errors) {
        this(schema, fragments, variables, errors, FieldWeights.NONE, null);
    }

    public ResponseShaper(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
                          Map<String, Object> variables, List<Map<String, Object>> errors, FieldWeights weights) {
        this(schema, fragments, variables, errors, weights, null);
    }

    /** {@code cache}: see {@link Cache} (null: nothing kept beyond this shaper). */
    public ResponseShaper(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
                          Map<String, Object> variables, List<Map<String, Object>> errors, FieldWeights weights,
                          Cache cache) {
        this.cache = cache;
        this.weights = weights;
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables;
        this.errors = errors;
    }

    /** The actual cost of what was shaped so far, by the {@link FieldWeights} given (0 without). */
    public double cost() {
        return cost;
    }

    /** The {@code data} of the response; null when a non-null root field is null. */
    public Map<String, Object> shape(GraphQLObjectType rootType, SelectionSet selection, Map<String, Object> data) {
        Object out = object(rootType, data, root(rootType, selection), new ArrayList<>(), true);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = out == INVALID ? null : (Map<String, Object>) out;
        return result;
    }

    /**
     * Shapes {@code selection} on one object at {@code path} of the response (a deferred fragment's data, error
     * paths continuing {@code path}); null when a non-null field in it is null or its runtime type is unknown.
     */
    public Map<String, Object> shapeAt(GraphQLNamedType declared, SelectionSet selection, Map<String, Object> object,
                                       List<Object> path) {
        GraphQLImplementingType runtime = runtimeType(declared, object);
        Object out = runtime == null ? INVALID : object(runtime, object, collectAll(runtime, List.of(selection)),
                new ArrayList<>(path), false);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = out == INVALID ? null : (Map<String, Object>) out;
        return result;
    }

    /**
     * Writes the {@code data} of the response into {@code out} while shaping it, with exactly the bytes, errors and
     * cost that {@link #shape} and writing its result give, without building the result: a null that propagates to a
     * nullable position rewinds the buffer to where that position's value began and writes {@code null} there.
     */
    public void shapeInto(JsonOut out, GraphQLObjectType rootType, SelectionSet selection, Map<String, Object> data) {
        int mark = out.mark();
        if (!writeObject(out, rootType, data, root(rootType, selection), new ArrayList<>(), true)) {
            out.reset(mark);
            out.nullValue();
        }
    }

    /** What {@link #writeInner} did: wrote a value, wrote nothing (the value is null), or hit a propagating null. */
    private static final int WROTE = 0;
    private static final int NULL = 1;
    private static final int PROPAGATE = 2;

    /** False: a null propagates from inside (what was written of the object is to be rewound by the caller). */
    private boolean writeObject(JsonOut out, GraphQLImplementingType type, Map<String, Object> data, Slots shape,
                                List<Object> path, boolean root) {
        out.startObject();
        boolean first = true;
        for (Slot slot : shape.slots()) {
            String key = slot.key();
            switch (slot.kind()) {
                case TYPENAME -> {
                    if (!first) {
                        out.comma();
                    }
                    first = false;
                    out.name(key);
                    out.string(type.getName());
                }
                case INTROSPECTION -> {
                    if (root) {
                        if (!first) {
                            out.comma();
                        }
                        first = false;
                        out.name(key);
                        out.value(data.get(key)); // answered by introspection, already shaped
                    }
                }
                case FIELD -> {
                    if (!first) {
                        out.comma();
                    }
                    first = false;
                    out.name(key);
                    path.add(key);
                    GraphQLFieldDefinition def = slot.definition();
                    boolean ok = writeValue(out, def.getType(), data.get(key), slot, path, type);
                    path.remove(path.size() - 1);
                    if (!ok) {
                        return false;
                    }
                }
                case NONE -> {
                }
            }
        }
        out.endObject();
        return true;
    }

    /** As {@link #value}: false when the null propagates further up. */
    private boolean writeValue(JsonOut out, GraphQLOutputType type, Object raw, Slot slot, List<Object> path,
                               GraphQLImplementingType parentType) {
        if (type instanceof GraphQLNonNull nn) {
            int r = writeInner(out, (GraphQLOutputType) nn.getWrappedType(), raw, slot, path, parentType);
            if (r == NULL) {
                reportNull(path, parentType.getName() + "." + slot.definition().getName());
                return false;
            }
            return r == WROTE;
        }
        int mark = out.mark();
        int r = writeInner(out, type, raw, slot, path, parentType);
        if (r != WROTE) {
            out.reset(mark); // the nearest nullable position: whatever was written of it becomes null
            out.nullValue();
        }
        return true;
    }

    /** As {@link #inner}, writing; {@link #NULL} writes nothing. */
    private int writeInner(JsonOut out, GraphQLOutputType type, Object raw, Slot slot, List<Object> path,
                           GraphQLImplementingType parentType) {
        double weight = slot.weight();
        if (raw == null) {
            return NULL;
        }
        if (type instanceof GraphQLList list) {
            if (!(raw instanceof List<?> items)) {
                return NULL;
            }
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            out.startArray();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.comma();
                }
                path.add(i);
                boolean ok = writeValue(out, itemType, items.get(i), slot, path, parentType);
                path.remove(path.size() - 1);
                if (!ok) {
                    return PROPAGATE;
                }
            }
            out.endArray();
            return WROTE;
        }
        if (type instanceof GraphQLEnumType e) {
            if (raw instanceof String s && e.getValue(s) != null) {
                cost += weight;
                out.string(s);
                return WROTE;
            }
            return NULL; // inaccessible/unknown values
        }
        if (!(type instanceof GraphQLNamedType named) || isLeaf(type)) {
            cost += weight;
            out.value(raw);
            return WROTE;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            return NULL;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) map;
        GraphQLImplementingType runtime = runtimeType(named, data);
        if (runtime == null) {
            return NULL;
        }
        cost += weight;
        return writeObject(out, runtime, data, slots(slot, runtime), path, false) ? WROTE : PROPAGATE;
    }

    private Slots root(GraphQLObjectType rootType, SelectionSet selection) {
        if (cache == null) {
            return collectAll(rootType, List.of(selection));
        }
        Root root = cache.root;
        if (root == null || root.schema() != schema || root.weights() != weights
                || !root.slots().type().equals(rootType.getName())) {
            root = new Root(schema, weights, collectAll(rootType, List.of(selection)));
            cache.root = root;
        }
        return root.slots();
    }

    /** The fields selected on objects of {@code type} by response key, in the client's order. */
    private Slots collectAll(GraphQLImplementingType type, List<SelectionSet> selections) {
        Map<String, List<Field>> fields = new LinkedHashMap<>();
        for (SelectionSet s : selections) {
            collect(type, s, fields);
        }
        List<Slot> slots = new ArrayList<>(fields.size());
        fields.forEach((key, merged) -> {
            String name = merged.get(0).getName();
            if (name.equals("__typename")) {
                slots.add(new Slot(key, merged, null, Slot.Kind.TYPENAME, 0, null));
            } else if (name.equals("__schema") || name.equals("__type")) {
                slots.add(new Slot(key, merged, null, Slot.Kind.INTROSPECTION, 0, null));
            } else {
                GraphQLFieldDefinition def = type.getFieldDefinition(name);
                slots.add(def == null ? new Slot(key, merged, null, Slot.Kind.NONE, 0, null)
                        : new Slot(key, merged, def, Slot.Kind.FIELD, weights.of(type, def), new Below()));
            }
        });
        int n = 0;
        for (Slot slot : slots) {
            n += slot.kind() != Slot.Kind.NONE ? 1 : 0;
        }
        String[] keys = new String[n];
        int i = 0;
        for (Slot slot : slots) {
            if (slot.kind() != Slot.Kind.NONE) {
                keys[i++] = slot.key();
            }
        }
        return new Slots(type.getName(), slots, keys);
    }

    private Object object(GraphQLImplementingType type, Map<String, Object> data, Slots shape,
                          List<Object> path, boolean root) {
        ShapedObject out = new ShapedObject(shape.keys());
        for (Slot slot : shape.slots()) {
            String key = slot.key();
            switch (slot.kind()) {
                case TYPENAME -> out.add(key, type.getName());
                case INTROSPECTION -> {
                    if (root) {
                        out.add(key, data.get(key)); // answered by introspection, already shaped
                    }
                }
                case FIELD -> {
                    path.add(key);
                    GraphQLFieldDefinition def = slot.definition();
                    Object value = value(def.getType(), data.get(key), slot, path, type);
                    path.remove(path.size() - 1);
                    if (value == INVALID) {
                        return INVALID;
                    }
                    out.add(key, value);
                }
                case NONE -> {
                }
            }
        }
        return out;
    }

    private Object value(GraphQLOutputType type, Object raw, Slot slot, List<Object> path,
                         GraphQLImplementingType parentType) {
        if (type instanceof GraphQLNonNull nn) {
            Object v = inner((GraphQLOutputType) nn.getWrappedType(), raw, slot, path, parentType);
            if (v == null) {
                reportNull(path, parentType.getName() + "." + slot.definition().getName());
                return INVALID;
            }
            return v;
        }
        Object v = inner(type, raw, slot, path, parentType);
        return v == INVALID ? null : v;
    }

    /** The value of one field; non-null values cost the field's weight (a list costs its items). */
    private Object inner(GraphQLOutputType type, Object raw, Slot slot, List<Object> path,
                         GraphQLImplementingType parentType) {
        double weight = slot.weight();
        if (raw == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            if (!(raw instanceof List<?> items)) {
                return null;
            }
            List<Object> out = new ArrayList<>(items.size());
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            for (int i = 0; i < items.size(); i++) {
                path.add(i);
                Object v = value(itemType, items.get(i), slot, path, parentType);
                path.remove(path.size() - 1);
                if (v == INVALID) {
                    return INVALID;
                }
                out.add(v);
            }
            return out;
        }
        if (type instanceof GraphQLEnumType e) {
            if (raw instanceof String s && e.getValue(s) != null) {
                cost += weight;
                return raw;
            }
            return null; // inaccessible/unknown values
        }
        if (!(type instanceof GraphQLNamedType named) || isLeaf(type)) {
            cost += weight;
            return raw;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) map;
        GraphQLImplementingType runtime = runtimeType(named, data);
        if (runtime == null) {
            return null;
        }
        cost += weight;
        return object(runtime, data, slots(slot, runtime), path, false);
    }

    /** The slots of a field's selection on a runtime type, worked out on first use. */
    private Slots slots(Slot slot, GraphQLImplementingType runtime) {
        Slots slots = slot.below().get(runtime.getName());
        if (slots == null) {
            slots = collectAll(runtime, selectionSets(slot.fields()));
            slot.below().put(slots);
        }
        return slots;
    }

    private static List<SelectionSet> selectionSets(List<Field> fields) {
        List<SelectionSet> sets = new ArrayList<>(fields.size());
        for (Field f : fields) {
            if (f.getSelectionSet() != null) {
                sets.add(f.getSelectionSet());
            }
        }
        return sets;
    }

    private static boolean isLeaf(GraphQLType type) {
        return type instanceof GraphQLScalarType || type instanceof GraphQLEnumType;
    }

    private GraphQLImplementingType runtimeType(GraphQLNamedType declared, Map<String, Object> data) {
        if (declared instanceof GraphQLObjectType o) {
            return o;
        }
        if (data.get("__typename") instanceof String name) {
            GraphQLType t = schema.getType(name);
            if (t instanceof GraphQLObjectType o) {
                return o;
            }
            // An @interfaceObject answers with the interface's name when the concrete type was not needed: the
            // object is shaped as the interface (fragments on implementations do not apply).
            if (t instanceof GraphQLInterfaceType i && declared instanceof GraphQLInterfaceType) {
                return i;
            }
        }
        return null;
    }

    private void collect(GraphQLImplementingType type, SelectionSet set, Map<String, List<Field>> into) {
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                if (included(f.getDirectives())) {
                    into.computeIfAbsent(f.getAlias() != null ? f.getAlias() : f.getName(), k -> new ArrayList<>())
                            .add(f);
                }
            } else if (s instanceof InlineFragment i) {
                if (included(i.getDirectives())
                        && (i.getTypeCondition() == null || applies(i.getTypeCondition().getName(), type))) {
                    collect(type, i.getSelectionSet(), into);
                }
            } else if (s instanceof FragmentSpread sp) {
                FragmentDefinition def = fragments.get(sp.getName());
                if (def != null && included(sp.getDirectives())
                        && applies(def.getTypeCondition().getName(), type)) {
                    collect(type, def.getSelectionSet(), into);
                }
            }
        }
    }

    private boolean applies(String condition, GraphQLImplementingType type) {
        if (condition.equals(type.getName())) {
            return true;
        }
        if (!(type instanceof GraphQLObjectType object)) {
            return type.getInterfaces().stream().anyMatch(i -> i.getName().equals(condition));
        }
        GraphQLType c = schema.getType(condition);
        return c instanceof GraphQLNamedType named && !(c instanceof GraphQLObjectType)
                && schema.isPossibleType(named, object);
    }

    /** Whether {@code @skip}/{@code @include} among {@code directives} keep a selection, for these variables. */
    public boolean included(List<Directive> directives) {
        for (Directive d : directives) {
            if (d.getName().equals("skip") && condition(d)) {
                return false;
            }
            if (d.getName().equals("include") && !condition(d)) {
                return false;
            }
        }
        return true;
    }

    private boolean condition(Directive d) {
        Value<?> v = d.getArgument("if") == null ? null : d.getArgument("if").getValue();
        if (v instanceof BooleanValue b) {
            return b.isValue();
        }
        if (v instanceof VariableReference r) {
            return Boolean.TRUE.equals(variables.get(r.getName()));
        }
        return false;
    }

    private void reportNull(List<Object> path, String coord) {
        for (Map<String, Object> e : errors) {
            if (e.get("path") instanceof List<?> p && (startsWith(p, path) || startsWith(path, p))) {
                return; // an error at or below/above this position already explains the null
            }
        }
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("message", "Cannot return null for non-nullable field " + coord + ".");
        err.put("path", List.copyOf(path));
        errors.add(err);
    }

    /** Whether the response path {@code list} is {@code prefix} or below it (list indices compared as text). */
    public static boolean startsWith(List<?> list, List<?> prefix) {
        if (prefix.size() > list.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!String.valueOf(list.get(i)).equals(String.valueOf(prefix.get(i)))) {
                return false;
            }
        }
        return true;
    }
}
