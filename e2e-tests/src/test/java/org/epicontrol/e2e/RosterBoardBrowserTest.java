package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roster board in real Chromium (issue 14: "a community admin fills a coverage gap and sees it close"): 西贾社区's
 * admin opens a post's week, assigns volunteers until a shift is full, sees the day covered, and sees an assignment
 * that breaks a rule refused with the rule's message at that shift. The post and its shifts are this test's own
 * (created here through the gateway as the admin), staffed by two residents no other test uses, so nothing another
 * test reads changes. Scenario: {@code web/browser-tests/roster-board.mjs}.
 */
@ExtendWith(SuiteExtension.class)
class RosterBoardBrowserTest {
    private static final String ADMIN = "admin-xijia";
    private static final String POST_NAME = "网页排班测试岗";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String GAPS = """
            query($c: ID!, $f: DateTime!, $t: DateTime!) {
              coverageGaps(community: $c, from: $f, to: $t) { post { id } from until required staffed }
            }""";

    private final RunningSuite suite;

    RosterBoardBrowserTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void aCommunityAdminFillsACoverageGapAndSeesItClose() throws Exception {
        String community = DemoUnits.firstGrid(suite).communityId();
        // A post for residents (徐磊 and 孙涛 are 西贾社区's two), two people a shift; its rotation starts tomorrow (D)
        // at 20:00: a night shift starting on D and a day shift (08:00–20:00) on D+1, the only shift of D+1.
        JsonPath created = Gateway.queryAs(suite, ADMIN,
                "mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }",
                "in", Map.of("communityId", community, "name", POST_NAME, "kind", "PATROL", "requiredHeadcount", 2,
                        "allowedKinds", List.of("RESIDENT"), "aroundTheClock", false));
        assertNull(created.get("errors"), created::prettify);
        String post = created.getString("data.createDutyPost.id");
        LocalDate night = LocalDate.now(CITY).plusDays(1);
        LocalDate day = night.plusDays(1);
        JsonPath shifts = Gateway.queryAs(suite, ADMIN,
                "mutation($r: RotationInput!) { generateShifts(rotation: $r) { id startsAt } }",
                "r", Map.of("postId", post, "firstDay", night.toString(), "days", 1, "shiftHours", 12, "dayStartsAt", "20:00"));
        assertNull(shifts.get("errors"), shifts::prettify);
        String nightShift = shiftStartingOn(shifts, night);
        String dayShift = shiftStartingOn(shifts, day);
        // the hours of D+1's shift (the night shift before it runs into D+1 until 08:00 and stays a gap)
        String from = day.atTime(8, 0).atZone(CITY).toOffsetDateTime().toString();
        String to = day.atTime(20, 0).atZone(CITY).toOffsetDateTime().toString();
        List<Map<String, Object>> before = gapsOf(post, community, from, to);
        assertEquals(1, before.size(), before::toString);
        assertEquals(0, before.get(0).get("staffed"), "before: D+1's shift is a gap of two places: " + before);

        BrowserScenario.Outcome outcome = BrowserScenario.run(suite, "roster-board.mjs",
                "POST_NAME", POST_NAME, "DAY", day.toString(), "DAY_SHIFT", dayShift, "NIGHT_SHIFT", nightShift);
        assertEquals(0, outcome.exitCode(), outcome::output);
        assertTrue(outcome.output().contains("roster-board: passed"), outcome::output);

        // what the browser did is in the suite: D+1 has no gap of the post left, the shift has both residents
        List<Map<String, Object>> after = gapsOf(post, community, from, to);
        assertEquals(List.of(), after, "after: D+1's shift is covered");
        String people = "query($id: ID!) { shift(id: $id) { assignments { status volunteer { name } } } }";
        JsonPath filled = Gateway.queryAs(suite, ADMIN, people, "id", dayShift);
        assertEquals(List.of("孙涛", "徐磊"), filled.getList("data.shift.assignments.volunteer.name").stream().sorted().toList(),
                filled::prettify);
        // the refused assignment changed nothing
        JsonPath refused = Gateway.queryAs(suite, ADMIN, people, "id", nightShift);
        assertEquals(List.of(), refused.getList("data.shift.assignments"), refused::prettify);
    }

    private static String shiftStartingOn(JsonPath shifts, LocalDate date) {
        List<Map<String, String>> list = shifts.getList("data.generateShifts");
        return list.stream()
                .filter(s -> OffsetDateTime.parse(s.get("startsAt")).atZoneSameInstant(CITY).toLocalDate().equals(date))
                .map(s -> s.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no shift starting on " + date + ": " + list));
    }

    /** The post's coverage gaps in [from, to), as the admin reads them. */
    private List<Map<String, Object>> gapsOf(String post, String community, String from, String to) {
        JsonPath gaps = Gateway.queryAs(suite, ADMIN, GAPS, "c", community, "f", from, "t", to);
        assertNull(gaps.get("errors"), gaps::prettify);
        return gaps.getList("data.coverageGaps.findAll { it.post.id == '" + post + "' }");
    }
}
