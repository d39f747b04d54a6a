package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo as a new user finds it after {@code ./run-suite}: 西贾社区's live response to notice 194, read with the
 * README's one query ({@code readme/live-response.graphql}, the text the README shows) as the community's admin.
 * The suite opened it from notice-service's feed while starting, as a real publication would.
 */
@ExtendWith(SuiteExtension.class)
class DemoResponseTest {
    private static final String COMPOUND = "小店区西贾社区书林苑小区";

    private final RunningSuite suite;

    DemoResponseTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void theReadmeQueryShowsTheLiveResponseToNotice194WithItsPostsShiftsRoundsTasksAndAlerts() {
        OffsetDateTime now = OffsetDateTime.now();
        JsonPath answer = Gateway.queryAs(suite, "admin-xijia", TestResources.read("readme/live-response.graphql"), "from", now.toString(),
                "to", now.plusDays(1).toString());
        assertNull(answer.get("errors"), answer::prettify);
        String area = "data.searchAreas.find { it.fullName == '" + COMPOUND + "' }";
        assertEquals("西贾社区第一网格", answer.getString(area + ".responsibleGrid.name"), answer::prettify);
        String response = area + ".response";
        assertEquals("西贾社区", answer.getString(response + ".community.name"), answer::prettify);
        assertEquals("HIGH", answer.getString(response + ".level"));
        assertNotEquals("LIFTED", answer.getString(response + ".state"));
        assertEquals(List.of(Map.of("noticeNumber", 194, "kind", "DESIGNATED", "levelInForce", "HIGH")),
                answer.getList(response + ".notices"), answer::prettify);
        List<Map<String, Object>> posts = answer.getList(response + ".posts");
        assertEquals(List.of("CHECKPOINT"), posts.stream().map(p -> p.get("kind")).toList(), answer::prettify);
        assertNull(posts.get(0).get("activeUntil"));
        assertFalse(answer.getList(response + ".posts[0].shifts").isEmpty(), "shifts in the next 24 h: " + answer.prettify());
        assertEquals(answer.getInt(response + ".testingRoundCount"), answer.getList(response + ".testingRounds").size());
        assertEquals("2022-11-30", answer.getString(response + ".testingRounds[0].date"), "from the notice's effective date");
        assertFalse(answer.getList(response + ".tasks").isEmpty(), answer::prettify);
        assertFalse(answer.getList(response + ".uncovered").isEmpty(), "nobody is signed up at its checkpoint yet");
        // the admin's alerts: one for each compound notice 194 made high-risk (unless someone acknowledged them)
        List<String> alerted = answer.getList("data.alerts.edges.node.findAll { it.kind == 'RESPONSE_OPENED' }.areaName");
        assertTrue(alerted.containsAll(List.of(COMPOUND, "小店区西贾社区水木云天小区")), answer::prettify);
        assertNotNull(answer.get("data.alerts.edges[0].node.message"));
    }
}
