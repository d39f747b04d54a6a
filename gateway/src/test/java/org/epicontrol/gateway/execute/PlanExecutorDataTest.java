package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, Map.class);
    }
}
