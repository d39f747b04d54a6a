package org.epicontrol.gateway.execute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds GraphQL error objects as JSON-ready maps. */
public final class Errors {
    private Errors() {
    }

    public static Map<String, Object> error(String message, List<Object> path, String code, String serviceName) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("message", message);
        if (path != null) {
            e.put("path", path);
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        if (code != null) {
            ext.put("code", code);
        }
        if (serviceName != null) {
            ext.put("serviceName", serviceName);
        }
        if (!ext.isEmpty()) {
            e.put("extensions", ext);
        }
        return e;
    }

    public static Map<String, Object> error(String message, String code) {
        return error(message, null, code, null);
    }

    /** The error with one more entry in its {@code extensions} (e.g. the measured value beside a limit). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withExtension(Map<String, Object> error, String key, Object value) {
        ((Map<String, Object>) error.computeIfAbsent("extensions", k -> new LinkedHashMap<>())).put(key, value);
        return error;
    }
}
