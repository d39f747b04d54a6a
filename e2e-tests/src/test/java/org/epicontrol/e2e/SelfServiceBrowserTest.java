package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's 我的值守 in real Chromium against the running suite ({@code web/browser-tests/self-service.mjs}):
 * volunteer-li takes an open shift and is refused a second one overlapping it with the rule's message. The two shifts
 * are on posts of their own, made here by 西贾社区's administrator and closed afterwards, so no other test sees them.
 */
@ExtendWith(SuiteExtension.class)
class SelfServiceBrowserTest {
    private static final String CREATE_POST = """
            mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }""";
    private static final String CREATE_SHIFT = """
            mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }""";
    private static final String PEOPLE = """
            query($s: ID!) { shift(id: $s) { assignments { status volunteer { id } } } }""";

    private final RunningSuite suite;

    SelfServiceBrowserTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void aVolunteerTakesAnOpenShiftAndIsRefusedASecondOverlappingOneWithTheRulesMessage() throws Exception {
        JsonPath me = Gateway.queryAs(suite, "volunteer-li", "{ me { id community { id } } }");
        assertNull(me.get("errors"), me::prettify);
        String li = me.getString("data.me.id");
        String community = me.getString("data.me.community.id");
        // tomorrow: within "this week and next" whatever today is, and among the first open shifts by start however
        // many posts other tests of the run have opened in 西贾社区 (the list is by start); 09–12 and 11–14 overlap
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        String first = post(community, "自助认领测试岗甲");
        String second = post(community, "自助认领测试岗乙");
        try {
            String shiftA = shift(first, day + "T09:00:00+08:00", day + "T12:00:00+08:00");
            String shiftB = shift(second, day + "T11:00:00+08:00", day + "T14:00:00+08:00");

            BrowserScenario.Outcome outcome = BrowserScenario.run(suite, "self-service.mjs",
                    "SHIFT_A", shiftA, "SHIFT_B", shiftB);
            assertEquals(0, outcome.exitCode(), outcome::output);
            assertTrue(outcome.output().contains("self-service: passed"), outcome::output);

            // what the browser did is in the suite: exactly one assignment, hers, on the first shift
            assertEquals(List.of(Map.of("status", "ACTIVE", "volunteer", Map.of("id", li))), people(shiftA));
            assertEquals(List.of(), people(shiftB));
        } finally {
            close(first);
            close(second);
        }
    }

    private String post(String community, String name) {
        Map<String, Object> input = Map.of("communityId", community, "name", name + System.nanoTime() % 100000,
                "kind", "PATROL", "requiredHeadcount", 1, "allowedKinds", List.of(), "aroundTheClock", false);
        JsonPath created = Gateway.queryAs(suite, "admin-xijia", CREATE_POST, "in", input);
        assertNull(created.get("errors"), created::prettify);
        return created.getString("data.createDutyPost.id");
    }

    private String shift(String post, String start, String end) {
        JsonPath created = Gateway.queryAs(suite, "admin-xijia", CREATE_SHIFT, "p", post, "s", start, "e", end);
        assertNull(created.get("errors"), created::prettify);
        return created.getString("data.createShift.id");
    }

    private List<Object> people(String shift) {
        JsonPath found = Gateway.queryAs(suite, "admin-xijia", PEOPLE, "s", shift);
        assertNull(found.get("errors"), found::prettify);
        return found.getList("data.shift.assignments");
    }

    /** The posts close once the test is done: their shifts are cancelled, coverage and other screens no longer see them. */
    private void close(String post) {
        Gateway.queryAs(suite, "admin-xijia",
                "mutation($id: ID!) { closeDutyPost(id: $id, reason: \"浏览器测试结束\") { id } }", "id", post);
    }
}
