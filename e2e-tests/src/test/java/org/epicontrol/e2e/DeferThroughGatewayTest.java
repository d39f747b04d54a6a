package org.epicontrol.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code @defer} through the real gateway: notices and their areas from notice-service first, each area's field
 * work (volunteer-service: its grid and duty posts) deferred, read as multipart/mixed the way Apollo clients ask
 * for it; the parts put together equal the answer without {@code @defer}.
 */
@ExtendWith(SuiteExtension.class)
class DeferThroughGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = """
            { notices(to: "2022-11-30", first: 2) { edges { node { number designations(level: "HIGH") { text
              areas { fullName ... %s { responsibleGrid { name } dutyPosts { name } } } } } } } }""";

    private final RunningSuite suite;

    DeferThroughGatewayTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void areasComeFirstAndTheirFieldWorkFromTheOtherServiceFollowsInALaterPart() throws Exception {
        HttpResponse<String> response = post(QUERY.formatted("@defer(label: \"fieldWork\")"),
                "multipart/mixed;deferSpec=20220824, application/json");
        assertEquals(200, response.statusCode());
        assertEquals("multipart/mixed; boundary=\"-\"; deferSpec=20220824",
                response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.body().endsWith("\r\n-----\r\n"), "closed by the final delimiter");
        List<Map<String, Object>> parts = parts(response.body());
        assertTrue(parts.size() >= 2, () -> "a first part and at least one deferred part: " + response.body());

        Map<String, Object> first = parts.get(0);
        assertNull(first.get("errors"), () -> String.valueOf(first));
        assertEquals(true, first.get("hasNext"));
        String firstData = JSON.writeValueAsString(first.get("data"));
        assertTrue(firstData.contains("小店区西贾社区书林苑小区"), firstData);
        assertFalse(firstData.contains("responsibleGrid") || firstData.contains("dutyPosts"),
                () -> "the deferred fields are not in the first part: " + firstData);

        Map<String, Object> last = parts.get(parts.size() - 1);
        assertEquals(false, last.get("hasNext"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> part : parts.subList(1, parts.size())) {
            assertEquals(parts.indexOf(part) < parts.size() - 1, part.get("hasNext"));
            items.addAll(list(part.get("incremental")));
        }
        assertFalse(items.isEmpty());
        for (Map<String, Object> item : items) {
            assertEquals("fieldWork", item.get("label"));
            assertNull(item.get("errors"), () -> String.valueOf(item));
            List<Object> path = list(item.get("path"));
            assertEquals("notices", path.get(0));
            assertEquals("areas", path.get(path.size() - 2), () -> "an area of the list: " + path);
        }

        // Put together, the parts answer what the query without @defer answers in one response.
        Map<String, Object> whole = map(JSON.readValue(post(QUERY.formatted(""), "application/json").body(),
                Map.class));
        assertNull(whole.get("errors"));
        Map<String, Object> merged = map(first.get("data"));
        for (Map<String, Object> item : items) {
            Object at = merged;
            for (Object step : list(item.get("path"))) {
                at = step instanceof Integer i ? ((List<?>) at).get(i) : map(at).get((String) step);
            }
            map(at).putAll(map(item.get("data")));
        }
        assertEquals(JSON.writeValueAsString(whole.get("data")), JSON.writeValueAsString(merged));
        assertTrue(JSON.writeValueAsString(merged).contains("书林苑北门卡口"), "the demo's checkpoint is among the posts");
    }

    private HttpResponse<String> post(String query, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl()))
                .timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .header("accept", accept)
                .header("authorization", "Bearer " + suite.token("officer"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON parts of a multipart/mixed body with boundary "-". */
    private static List<Map<String, Object>> parts(String body) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        String[] chunks = body.split("\r\n---");
        for (String chunk : chunks) {
            int start = chunk.indexOf("\r\n\r\n");
            if (chunk.startsWith("--") || start < 0) {
                continue; // before the first delimiter, or the closing "-----"
            }
            out.add(map(JSON.readValue(chunk.substring(start + 4), Map.class)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return (List<T>) o;
    }
}
