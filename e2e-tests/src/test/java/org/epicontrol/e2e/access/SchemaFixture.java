package org.epicontrol.e2e.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Introspection answers written by hand, for tests of the walker and the policy without a running suite. */
final class SchemaFixture {
    private static final List<String> SCALARS = List.of("ID", "String", "Int", "Boolean", "DateTime");
    private final List<Map<String, Object>> types = new ArrayList<>();

    /**
     * A type with fields given as {@code name:Type} or {@code name(arg:Type,arg:Type):Type} ({@code [Type]} for a
     * list, {@code Type!} required).
     */
    SchemaFixture type(String name, String... fields) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String field : fields) {
            int open = field.indexOf('(');
            int typeAt = open < 0 ? field.indexOf(':') : field.indexOf("):") + 1;
            List<Map<String, Object>> args = new ArrayList<>();
            if (open >= 0) {
                for (String arg : field.substring(open + 1, typeAt - 1).split(",")) {
                    String[] parts = arg.split(":");
                    args.add(Map.of("name", parts[0], "type", ref(parts[1])));
                }
            }
            list.add(Map.of("name", field.substring(0, open < 0 ? typeAt : open), "args", args,
                    "type", ref(field.substring(typeAt + 1))));
        }
        types.add(Map.of("kind", "OBJECT", "name", name, "fields", list));
        return this;
    }

    Schema schema() {
        List<Map<String, Object>> all = new ArrayList<>(types);
        for (String scalar : SCALARS) {
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("kind", "SCALAR");
            type.put("name", scalar);
            type.put("fields", null);
            all.add(type);
        }
        return Schema.fromIntrospection(Map.of("__schema", Map.of("queryType", Map.of("name", "Query"), "types", all)));
    }

    private static Map<String, Object> ref(String type) {
        if (type.endsWith("!")) {
            return wrapper("NON_NULL", ref(type.substring(0, type.length() - 1)));
        }
        if (type.startsWith("[")) {
            return wrapper("LIST", ref(type.substring(1, type.length() - 1)));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("kind", SCALARS.contains(type) ? "SCALAR" : "OBJECT");
        named.put("name", type);
        return named;
    }

    private static Map<String, Object> wrapper(String kind, Map<String, Object> of) {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("kind", kind);
        type.put("name", null);
        type.put("ofType", of);
        return type;
    }
}
