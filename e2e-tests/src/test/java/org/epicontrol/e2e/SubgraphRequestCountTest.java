package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway batches entity lookups: subgraph requests per query do not depend on how many areas it reaches. */
@ExtendWith(SuiteExtension.class)
class SubgraphRequestCountTest {
    private static final String NOTICE_AREAS = """
            query($id: ID!, $level: String) {
              notice(id: $id) {
                number
                designations(level: $level) {
                  text
                  areas { fullName responsibleGrid { name } dutyPosts { name } onDutyNow { volunteer { name } } }
                }
              }
            }""";

    private final RunningSuite suite;

    SubgraphRequestCountTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void requestsPerSubgraphDoNotGrowWithTheNumberOfAreas() {
        // Notice 194 made two compounds high-risk; notice 195 lists dozens of places.
        int[] few = countRequests(Gateway.noticeId(suite, 194), "HIGH", 2, 2);
        int[] many = countRequests(Gateway.noticeId(suite, 195), null, 20, Integer.MAX_VALUE);
        assertEquals(few[0], many[0], "requests to notice-service");
        assertEquals(few[1], many[1], "requests to volunteer-service");
        assertEquals(1, many[1], "one _entities request carries every area to volunteer-service");
    }

    /** Runs the query and answers the requests notice- and volunteer-service received for it. */
    private int[] countRequests(String noticeId, String level, int minAreas, int maxAreas) {
        suite.resetCounts();
        JsonPath response = Gateway.queryAs(suite, "officer", NOTICE_AREAS, "id", noticeId, "level", level);
        assertNull(response.get("errors"), () -> response.prettify());
        List<Object> areas = response.getList("data.notice.designations.areas.flatten()");
        assertTrue(areas.size() >= minAreas && areas.size() <= maxAreas, () -> areas.size() + " areas");
        return new int[] {suite.proxy("notices").requests(), suite.proxy("volunteers").requests()};
    }
}
