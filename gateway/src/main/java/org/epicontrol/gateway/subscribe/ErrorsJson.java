package org.epicontrol.gateway.subscribe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** JSON text of GraphQL errors and results, for the streaming transports' parts. */
final class ErrorsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorsJson() {
    }

    static String of(List<Map<String, Object>> errors) {
        return json(errors);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            return "[{\"message\":\"internal gateway error\"}]";
        }
    }
}
