package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.gateway.plan.PlanNode;
import org.junit.jupiter.api.Test;

/** The executor's data helpers: undoing fetch aliases in answers, merging answers. */
class PlanExecutorDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fetchAliasesAreRenamedBackInsideListsAndNestedObjects() throws Exception {
        Map<String, Object> data = json("""
                {"accounts": [{"__typename": "User", "id__ID_nn": "u1", "similar": [{"id__ID_nn": "u2"}, {"id": "a1"}]},
                              {"__typename": "Admin", "id": "a1"}]}""");
        PlanExecutor.rename(data, List.of(new PlanNode.Rename("accounts", "accounts", List.of(
                new PlanNode.Rename("id__ID_nn", "id", List.of()),
                new PlanNode.Rename("similar", "similar", List.of(new PlanNode.Rename("id__ID_nn", "id",
                        List.of())))))));
        assertEquals(json("""
                {"accounts": [{"__typename": "User", "id": "u1", "similar": [{"id": "u2"}, {"id": "a1"}]},
                              {"__typename": "Admin", "id": "a1"}]}"""), data);
    }

    @Test
    void anAbstractTypenameNeverReplacesAConcreteOne() throws Exception {
        Map<String, Object> target = json("{\"__typename\": \"Book\", \"id\": \"1\"}");
        PlanExecutor.mergeMaps(target, json("{\"__typename\": \"Media\", \"score\": 3}"), "Media"::equals);
        assertEquals(json("{\"__typename\": \"Book\", \"id\": \"1\", \"score\": 3}"), target);
    }

    @Test
    void fieldsRequiredUnderATypeConditionAreSentOnlyForObjectsOfThatType() throws Exception {
        List<PlanNode.RequiredField> required = List.of(new PlanNode.RequiredField("data", "data", null, List.of(
                new PlanNode.RequiredField("__typename", "__typename", null, null),
                new PlanNode.RequiredField("foo", "foo", null, null),
                new PlanNode.RequiredField("baz", "baz", "Baz", null),
                new PlanNode.RequiredField("qux", "qux", "Qux", null))));
        Map<String, Object> rep = new LinkedHashMap<>();
        assertTrue(PlanExecutor.copyFields(json("{\"data\": {\"__typename\": \"Qux\", \"foo\": \"f\", \"qux\": \"q\"}}"),
                required, rep));
        assertEquals(json("{\"data\": {\"__typename\": \"Qux\", \"foo\": \"f\", \"qux\": \"q\"}}"), rep);
        // An unconditional field that is missing still means "no representation".
        assertFalse(PlanExecutor.copyFields(json("{\"data\": {\"__typename\": \"Qux\"}}"), required,
                new LinkedHashMap<>()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, Map.class);
    }
}
