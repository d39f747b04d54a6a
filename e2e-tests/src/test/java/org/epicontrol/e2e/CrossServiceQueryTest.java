package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.epicontrol.devsuite.SuiteLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example query of the suite: from notice-service's notices to volunteer-service's field work at each area. */
@ExtendWith(SuiteExtension.class)
class CrossServiceQueryTest {
    /**
     * The suite's printed example, kept to the demo's notices of 30 November 2022: other tests publish later ones,
     * which the listing (newest first) shows first.
     */
    private static final String DEMO_EXAMPLE = SuiteLauncher.EXAMPLE_QUERY.replace("notices(first: 2)",
            "notices(to: \"2022-11-30\", first: 2)");
    private static final String RESPONSE_POSTS = """
            query($t: String!) { searchAreas(text: $t) { fullName response { posts { name } } } }""";

    private final RunningSuite suite;

    CrossServiceQueryTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void noticeLeadsToItsAreasTheirGridThePostsCoveringThemAndWhoIsOnDutyNow() {
        assertNotEquals(SuiteLauncher.EXAMPLE_QUERY, DEMO_EXAMPLE, "the example lists notices(first: 2)");
        JsonPath response = Gateway.queryAs(suite, "officer", DEMO_EXAMPLE);
        assertNull(response.get("errors"), () -> response.prettify());
        assertEquals(List.of(195, 194), response.getList("data.notices.edges.node.number"));

        Map<String, Object> shulinyuan = area(response, 194, "西贾社区书林苑小区");
        assertEquals("小店区西贾社区书林苑小区", shulinyuan.get("fullName"));
        assertEquals(Map.of("name", "西贾社区第一网格"), shulinyuan.get("responsibleGrid"));
        // the demo's own checkpoint, and the posts the live response to notice 194 opened there
        assertEquals(postsWith("书林苑北门卡口", "西贾社区书林苑小区"), names(shulinyuan, "dutyPosts"));
        // The grid workers hold the gate now (the demo signs them up for the shift under way).
        assertEquals(List.of("朱红", "马超"), names(shulinyuan.get("onDutyNow")));

        Map<String, Object> shuimu = area(response, 194, "西贾社区水木云天小区");
        assertEquals(Map.of("name", "西贾社区第二网格"), shuimu.get("responsibleGrid"));
        assertEquals(postsWith("水木云天南门卡口", "西贾社区水木云天小区"), names(shuimu, "dutyPosts"));
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

    /** The post {@code demoPost} and the posts of the response at the demo's compound {@code name}, sorted. */
    private List<String> postsWith(String demoPost, String name) {
        String fullName = "小店区" + name;
        JsonPath answer = Gateway.queryAs(suite, "officer", RESPONSE_POSTS, "t", name);
        assertNull(answer.get("errors"), answer::prettify);
        List<String> posts = new ArrayList<>(answer.getList("data.searchAreas.find { it.fullName == '" + fullName
                + "' }.response.posts.name"));
        assertFalse(posts.isEmpty(), () -> "the demo opens a response with posts at " + fullName + ": " + answer.prettify());
        posts.add(demoPost);
        return posts.stream().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> area, String posts) {
        return ((List<Map<String, String>>) area.get(posts)).stream().map(p -> p.get("name")).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object onDuty) {
        return ((List<Map<String, Map<String, String>>>) onDuty).stream()
                .map(d -> d.get("volunteer").get("name")).sorted().toList();
    }
}
