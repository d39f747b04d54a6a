package org.epicontrol.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.junit.jupiter.api.Test;

/** The step in the request path: what runs (the operation, the filtered one, nothing) and what is answered. */
class AccessGateTest {
    private final List<String> ran = new ArrayList<>();

    private GraphQLResponse admit(AccessSettings settings, String query, Caller caller) {
        OperationDefinition op = (OperationDefinition) Parser.parse(query).getDefinitions().get(0);
        return new AccessGate(settings, PolicyDecisions.NONE).admit(OperationFilterTest.SHOP, op, Map.of(), caller,
                () -> answer("original"), filtered -> answer(filtered)).result();
    }

    private Future<GraphQLResponse> answer(String what) {
        ran.add(what);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", Map.of("ran", what));
        return Future.succeededFuture(new GraphQLResponse(body, false, false));
    }

    private static final AccessSettings ON = new AccessSettings(true, false, true, false);

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(GraphQLResponse r) {
        return (List<Map<String, Object>>) r.body().get("errors");
    }

    @Test
    void anOperationTheCallerMayReadWhollyRunsAsItIs() {
        GraphQLResponse r = admit(ON, "{ topProducts { name } }", Caller.ANONYMOUS);
        assertEquals(List.of("original"), ran);
        assertNull(errors(r));
    }

    @Test
    void theFilteredOperationRunsAndTheErrorsComeFirst() {
        GraphQLResponse r = admit(ON, "{ me { name } topProducts { name } }", Caller.ANONYMOUS);
        assertEquals(List.of("{topProducts{name}}"), ran);
        assertEquals("UNAUTHORIZED_FIELD_OR_TYPE", ((Map<?, ?>) errors(r).get(0).get("extensions")).get("code"));
        assertEquals(List.of("me"), errors(r).get(0).get("path"));
    }

    @Test
    void nothingLeftRunsNothingAndAnswersDataNull() {
        GraphQLResponse r = admit(ON, "{ me { name } }", Caller.ANONYMOUS);
        assertTrue(ran.isEmpty());
        assertTrue(r.body().containsKey("data"));
        assertNull(r.body().get("data"));
        assertEquals(1, errors(r).size());
        assertFalse(r.requestError());
    }

    @Test
    void aDryRunRunsTheWholeOperationAndStillReportsTheErrors() {
        GraphQLResponse r = admit(new AccessSettings(true, true, true, false), "{ me { name } }", Caller.ANONYMOUS);
        assertEquals(List.of("original"), ran);
        assertEquals(List.of("me"), errors(r).get(0).get("path"));
    }

    @Test
    void errorsCanBeKeptOutOfTheResponse() {
        GraphQLResponse r = admit(new AccessSettings(true, false, false, false), "{ me { name } topProducts { name } }",
                Caller.ANONYMOUS);
        assertEquals(List.of("{topProducts{name}}"), ran);
        assertNull(errors(r));
    }

    @Test
    void offChecksNothing() {
        admit(AccessSettings.OFF, "{ me { name } }", Caller.ANONYMOUS);
        assertEquals(List.of("original"), ran);
    }
}
