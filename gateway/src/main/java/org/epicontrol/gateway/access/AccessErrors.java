package org.epicontrol.gateway.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.request.GraphQLResponse;

/**
 * The errors of removed fields, as Apollo Router words them: one per path, {@code UNAUTHORIZED_FIELD_OR_TYPE}; a
 * field refused because Keycloak could not be asked gets {@code POLICY_DECISION_UNAVAILABLE}.
 */
public final class AccessErrors {
    private AccessErrors() {
    }

    static List<Map<String, Object>> of(List<Removal> removals) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Removal r : removals) {
            out.add(r.verdict() == Verdict.UNDECIDED
                    ? Errors.error("Unauthorized field or type: the access policy could not be decided",
                    new ArrayList<>(r.path()), AccessGate.UNDECIDED, null)
                    : Errors.error("Unauthorized field or type", new ArrayList<>(r.path()), AccessGate.UNAUTHORIZED,
                    null));
        }
        return out;
    }

    /** The response with {@code errors} first in its error list. */
    @SuppressWarnings("unchecked")
    public static GraphQLResponse prepend(GraphQLResponse response, List<Map<String, Object>> errors) {
        if (errors.isEmpty()) {
            return response;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> all = new ArrayList<>(errors);
        Object existing = response.body().get("errors");
        if (existing instanceof List<?> list) {
            all.addAll((List<Map<String, Object>>) list);
        }
        body.put("errors", all);
        response.body().forEach((k, v) -> {
            if (!k.equals("errors")) {
                body.put(k, v);
            }
        });
        return new GraphQLResponse(body, response.requestError(), response.methodNotAllowed(),
                response.incremental());
    }
}
