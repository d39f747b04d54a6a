package org.epicontrol.e2e.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The parts of an introspected schema the walker needs: object types, their fields, arguments and type references. */
public final class Schema {

    /**
     * One document: graphql-java's good-faith introspection allows each of {@code __Type.fields}, {@code __Field.args}
     * and {@code __Type.possibleTypes} once per operation.
     */
    public static final String INTROSPECTION = """
            { __schema { queryType { name } types { kind name
                fields(includeDeprecated: true) { name args { name type { ...Ref } } type { ...Ref } }
                possibleTypes { name } } } }
            fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }""";

    /** A type as a field or argument names it: the named type, and whether it is a non-null value or a list. */
    public record TypeRef(String name, String kind, boolean nonNull, boolean list) {
        public boolean isLeaf() {
            return kind.equals("SCALAR") || kind.equals("ENUM");
        }
    }

    public record Argument(String name, TypeRef type) {
    }

    public record Field(String name, List<Argument> arguments, TypeRef type) {
    }

    public record Type(String name, String kind, Map<String, Field> fields, List<String> possibleTypes) {
        public boolean isComposite() {
            return kind.equals("OBJECT") || kind.equals("INTERFACE") || kind.equals("UNION");
        }

        public boolean hasId() {
            Field id = fields.get("id");
            return id != null && id.arguments().isEmpty() && id.type().isLeaf() && !id.type().list();
        }
    }

    private final String queryType;
    private final Map<String, Type> types;

    private Schema(String queryType, Map<String, Type> types) {
        this.queryType = queryType;
        this.types = types;
    }

    /** Reads the {@code data} of {@link #INTROSPECTION}. */
    @SuppressWarnings("unchecked")
    public static Schema fromIntrospection(Map<String, Object> data) {
        Map<String, Object> schema = (Map<String, Object>) Objects.requireNonNull(data.get("__schema"), "no __schema");
        Map<String, Type> types = new LinkedHashMap<>();
        for (Map<String, Object> type : (List<Map<String, Object>>) schema.get("types")) {
            Map<String, Field> fields = new LinkedHashMap<>();
            List<Map<String, Object>> rawFields = (List<Map<String, Object>>) type.get("fields");
            for (Map<String, Object> field : rawFields == null ? List.<Map<String, Object>>of() : rawFields) {
                List<Argument> arguments = ((List<Map<String, Object>>) field.get("args")).stream()
                        .map(a -> new Argument((String) a.get("name"), ref((Map<String, Object>) a.get("type"))))
                        .toList();
                fields.put((String) field.get("name"),
                        new Field((String) field.get("name"), arguments, ref((Map<String, Object>) field.get("type"))));
            }
            List<Map<String, Object>> possible = (List<Map<String, Object>>) type.get("possibleTypes");
            String name = (String) type.get("name");
            types.put(name, new Type(name, (String) type.get("kind"), fields,
                    possible == null ? List.of() : possible.stream().map(p -> (String) p.get("name")).toList()));
        }
        return new Schema((String) ((Map<String, Object>) schema.get("queryType")).get("name"), types);
    }

    @SuppressWarnings("unchecked")
    private static TypeRef ref(Map<String, Object> type) {
        boolean nonNull = false;
        boolean list = false;
        Map<String, Object> current = type;
        boolean outermost = true;
        while (current.get("name") == null) {
            String kind = (String) current.get("kind");
            if (kind.equals("NON_NULL") && outermost) {
                nonNull = true;
            } else if (kind.equals("LIST")) {
                list = true;
            }
            outermost = outermost && kind.equals("NON_NULL");
            current = (Map<String, Object>) current.get("ofType");
        }
        return new TypeRef((String) current.get("name"), (String) current.get("kind"), nonNull, list);
    }

    public Type queryType() {
        return types.get(queryType);
    }

    public Type type(String name) {
        return types.get(name);
    }

    /**
     * The object, interface and union types a query can reach, the query type first: the ones a policy must name
     * (introspection's own excluded; types only mutations return cannot be read by a query).
     */
    public List<Type> typesReachableFromQuery() {
        Map<String, Type> reached = new LinkedHashMap<>();
        java.util.ArrayDeque<Type> next = new java.util.ArrayDeque<>(List.of(queryType()));
        while (!next.isEmpty()) {
            Type type = next.poll();
            if (type.name().startsWith("__") || reached.putIfAbsent(type.name(), type) != null) {
                continue;
            }
            type.fields().values().stream().map(f -> types.get(f.type().name())).filter(Type::isComposite).forEach(next::add);
            type.possibleTypes().stream().map(types::get).forEach(next::add);
        }
        return List.copyOf(reached.values());
    }
}
