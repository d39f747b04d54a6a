package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** With volunteer-service unreachable the gateway still answers notice-service's part, and says what is missing. */
@ExtendWith(SuiteExtension.class)
class SubgraphOutageTest {
    private static final String QUERY = """
            query($id: ID!) {
              notice(id: $id) { number designations(level: "HIGH") { text areas { fullName responsibleGrid { name } } } }
            }""";

    private final RunningSuite suite;

    SubgraphOutageTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void stoppedSubgraphGivesPartialDataAndAnErrorAtTheMissingField() {
        String id = Gateway.noticeId(suite, 194);
        CountingProxy volunteers = suite.proxy("volunteers");
        volunteers.stop();
        try {
            JsonPath response = Gateway.queryAs(suite, "officer", QUERY, "id", id);
            assertEquals(194, response.getInt("data.notice.number"));
            assertEquals(List.of("小店区西贾社区水木云天小区", "小店区西贾社区书林苑小区"),
                    response.getList("data.notice.designations.areas.flatten().fullName"));
            assertEquals(Arrays.asList(null, null), response.getList("data.notice.designations.areas.flatten()"
                    + ".responsibleGrid"));
            assertEquals(List.of("notice", "designations", 0, "areas", 0, "responsibleGrid"),
                    response.getList("errors[0].path"), () -> response.prettify());
            assertEquals("volunteers", response.getString("errors[0].extensions.serviceName"));
        } finally {
            volunteers.restart();
        }
        JsonPath recovered = Gateway.queryAs(suite, "officer", QUERY, "id", id);
        assertNull(recovered.get("errors"), () -> recovered.prettify());
        assertEquals("西贾社区第一网格", recovered.getString("data.notice.designations.areas.flatten()"
                + ".find { it.fullName == '小店区西贾社区书林苑小区' }.responsibleGrid.name"));
    }
}
