package org.epicontrol.gateway.execute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copy-on-write merges: only the containers written are copied, the shared answer is never changed. */
class SharedPartsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = """
            {"notices": [{"number": "1", "issuer": {"name": "A"}, "areas": [{"id": "a1"}, {"id": "a2"}]},
                         {"number": "2", "issuer": {"name": "B"}, "areas": []}]}""";

    @Test
    void mergingIntoASharedAnswerCopiesOnlyThePathWritten() throws Exception {
        Map<String, Object> shared = json(ANSWER);
        SharedParts parts = new SharedParts();
        Map<String, Object> data = new LinkedHashMap<>();
        parts.mergeMaps(data, shared, true, t -> false);
        assertSame(shared.get("notices"), data.get("notices"), "merged in without a copy");

        List<Map<String, Object>> objects = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        parts.collectOwned(data, List.of("notices", "@", "areas", "@"), objects, paths);
        assertEquals(List.of(List.of("notices", 0, "areas", 0), List.of("notices", 0, "areas", 1)), paths);
        for (Map<String, Object> area : objects) {
            parts.mergeMaps(area, Map.of("name", "n-" + area.get("id")), false, t -> false);
        }

        assertEquals(json(ANSWER), shared, "the shared answer is unchanged");
        assertEquals(json("""
                {"notices": [{"number": "1", "issuer": {"name": "A"},
                              "areas": [{"id": "a1", "name": "n-a1"}, {"id": "a2", "name": "n-a2"}]},
                             {"number": "2", "issuer": {"name": "B"}, "areas": []}]}"""), data);
        List<?> notices = (List<?>) data.get("notices");
        List<?> sharedNotices = (List<?>) shared.get("notices");
        assertNotSame(sharedNotices, notices, "the list on the path is a copy");
        assertNotSame(sharedNotices.get(0), notices.get(0));
        assertSame(((Map<?, ?>) sharedNotices.get(0)).get("issuer"), ((Map<?, ?>) notices.get(0)).get("issuer"),
                "what is not written stays shared");
        assertSame(((Map<?, ?>) sharedNotices.get(1)).get("areas"), ((Map<?, ?>) notices.get(1)).get("areas"),
                "an empty list on the path has nothing to merge into: not copied");
    }

    @Test
    void aSecondMergeIntoTheSameCopyWritesInPlaceAndNestedSharedValuesAreCopiedWhenWritten() throws Exception {
        Map<String, Object> shared = json(ANSWER);
        SharedParts parts = new SharedParts();
        Map<String, Object> data = new LinkedHashMap<>();
        parts.mergeMaps(data, shared, true, t -> false);
        // Another shared answer with the issuer's other fields (e.g. a second root fetch into the same objects).
        Map<String, Object> more = json("""
                {"notices": [{"issuer": {"phone": "1"}}, {"issuer": {"phone": "2"}}]}""");
        parts.mergeMaps(data, more, true, t -> false);
        Object firstCopy = ((List<?>) data.get("notices")).get(0);
        parts.mergeMaps(data, json("{\"notices\": [{\"issuer\": {\"fax\": \"9\"}}, {}]}"), false, t -> false);
        assertSame(firstCopy, ((List<?>) data.get("notices")).get(0), "a copy of ours is written in place");
        assertEquals(json(ANSWER), shared);
        assertEquals(json("{\"notices\": [{\"issuer\": {\"phone\": \"1\"}}, {\"issuer\": {\"phone\": \"2\"}}]}"), more);
        assertEquals(json("""
                {"notices": [{"number": "1", "issuer": {"name": "A", "phone": "1", "fax": "9"},
                              "areas": [{"id": "a1"}, {"id": "a2"}]},
                             {"number": "2", "issuer": {"name": "B", "phone": "2"}, "areas": []}]}"""), data);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) throws Exception {
        return JSON.readValue(text, Map.class);
    }
}
