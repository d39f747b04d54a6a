package org.epicontrol.roster.response;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.feed.AreaEventKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.response.ResponseTriggerTest.CITY;
import static org.epicontrol.roster.response.ResponseTriggerTest.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OPENED → STAFFED as its next 24 h fill, TESTING (round N of M) while a round is due, LIFTED when closed. */
@QuarkusTest
class ResponseStateTest {

    private static final String STATE = """
            query($c: ID!) { community(id: $c) { responses { id state testingRound testingRoundCount
              testingRounds { id round status } uncovered { hours required staffed } posts { id } } } }""";

    @Inject
    ResponseTrigger trigger;

    private static Map<String, Object> response(Scene scene) {
        return GRAPHQL.data(STATE, Map.of("c", scene.community)).<Map<String, Object>>getList("community.responses").get(0);
    }

    @Test
    void aResponseIsStaffedOnceEveryPlaceOfItsNext24HoursIsFilled() {
        Scene scene = new Scene();
        LocalDate effective = LocalDate.now(CITY).plusDays(1);
        trigger.handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", effective, 195)).await().indefinitely();
        Map<String, Object> opened = response(scene);
        assertEquals("OPENED", opened.get("state"));
        // the first 24 h of the checkpoint: 2 shifts × 2 people, from the effective day's 08:00
        List<Map<String, Object>> uncovered = list(opened, "uncovered");
        assertEquals(24, uncovered.stream().mapToInt(g -> ((List<?>) g.get("hours")).size()).sum(), uncovered::toString);

        String post = (String) list(opened, "posts").get(0).get("id");
        String from = effective.atTime(8, 0).atZone(CITY).toOffsetDateTime().toString();
        String to = effective.plusDays(1).atTime(8, 0).atZone(CITY).toOffsetDateTime().toString();
        List<String> shifts = GRAPHQL.data("query($p: ID!, $f: DateTime!, $t: DateTime!) { dutyPost(id: $p) {"
                + " shifts(from: $f, to: $t) { id } } }", Map.of("p", post, "f", from, "t", to)).getList("dutyPost.shifts.id");
        assertEquals(2, shifts.size());
        for (String shift : shifts) {
            RosterFixtures.signUp(shift, RosterFixtures.volunteer(scene.community));
        }
        assertEquals("OPENED", response(scene).get("state"));
        for (String shift : shifts) {
            RosterFixtures.signUp(shift, RosterFixtures.volunteer(scene.community));
        }
        Map<String, Object> staffed = response(scene);
        assertEquals("STAFFED", staffed.get("state"));
        assertEquals(List.of(), staffed.get("uncovered"));
    }

    @Test
    void aResponseIsTestingWhileARoundIsDueAndCountsTheRounds() {
        Scene scene = new Scene();
        LocalDate today = LocalDate.now(CITY);
        trigger.handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", today, 195)).await().indefinitely();
        Map<String, Object> testing = response(scene);
        assertEquals("TESTING", testing.get("state"));
        assertEquals(1, testing.get("testingRound"));
        assertEquals(3, testing.get("testingRoundCount"));

        String first = (String) list(testing, "testingRounds").get(0).get("id");
        GRAPHQL.data("mutation($r: ID!) { completeTestingRound(id: $r) { status } }", Map.of("r", first));
        Map<String, Object> after = response(scene);
        // round 2 is tomorrow: nothing due today, and the checkpoint is not staffed
        assertEquals("OPENED", after.get("state"));
        assertNull(after.get("testingRound"));
        assertEquals("DONE", list(after, "testingRounds").get(0).get("status"));
        assertTrue(GRAPHQL.post("mutation($r: ID!) { completeTestingRound(id: $r) { status } }", Map.of("r", first))
                .extract().path("errors[0].extensions.code").equals("INVALID_TRANSITION"));

        trigger.handle(scene.compound(AreaEventKind.CORRECTED, "LOW", "LOW", today, 195)).await().indefinitely();
        Map<String, Object> lifted = response(scene);
        assertEquals("LIFTED", lifted.get("state"));
        assertEquals(List.of("DONE", "CANCELLED", "CANCELLED"),
                list(lifted, "testingRounds").stream().map(r -> r.get("status")).toList());
    }
}
