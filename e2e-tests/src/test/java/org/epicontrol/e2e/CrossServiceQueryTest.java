package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.epicontrol.devsuite.SuiteLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example query of the suite: from notice-service's notices to volunteer-service's field work at each area. */
@ExtendWith(SuiteExtension.class)
class CrossServiceQueryTest {
    private final RunningSuite suite;

    CrossServiceQueryTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void noticeLeadsToItsAreasTheirGridThePostsCoveringThemAndWhoIsOnDutyNow() {
        JsonPath response = Gateway.queryAs(suite, "officer", SuiteLauncher.EXAMPLE_QUERY);
        assertNull(response.get("errors"), () -> response.prettify());
        assertEquals(List.of(195, 194), response.getList("data.notices.edges.node.number"));

        Map<String, Object> shulinyuan = area(response, 194, "西贾社区书林苑小区");
        assertEquals("小店区西贾社区书林苑小区", shulinyuan.get("fullName"));
        assertEquals(Map.of("name", "西贾社区第一网格"), shulinyuan.get("responsibleGrid"));
        assertEquals(List.of(Map.of("name", "书林苑北门卡口")), shulinyuan.get("dutyPosts"));
        // The grid workers hold the gate now (the demo signs them up for the shift under way).
        assertEquals(List.of("朱红", "马超"), names(shulinyuan.get("onDutyNow")));

        Map<String, Object> shuimu = area(response, 194, "西贾社区水木云天小区");
        assertEquals(Map.of("name", "西贾社区第二网格"), shuimu.get("responsibleGrid"));
        assertEquals(List.of(Map.of("name", "水木云天南门卡口")), shuimu.get("dutyPosts"));
        assertEquals(List.of(), shuimu.get("onDutyNow"), "nobody is rostered at that gate");

        // Areas the organisation does not cover still come back, with no field work.
        Map<String, Object> elsewhere = area(response, 195, "实地太原紫藤公馆2号楼");
        assertEquals("小店区实地太原紫藤公馆2号楼", elsewhere.get("fullName"));
        assertNull(elsewhere.get("responsibleGrid"));
        assertEquals(List.of(), elsewhere.get("dutyPosts"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> area(JsonPath response, int notice, String designation) {
        Map<String, Object> found = response.getMap("data.notices.edges.find { it.node.number == " + notice
                + " }.node.designations.find { it.text == '" + designation + "' }.areas[0]");
        assertTrue(found != null, () -> designation + " not in notice " + notice + ": " + response.prettify());
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object onDuty) {
        return ((List<Map<String, Map<String, String>>>) onDuty).stream()
                .map(d -> d.get("volunteer").get("name")).sorted().toList();
    }
}
