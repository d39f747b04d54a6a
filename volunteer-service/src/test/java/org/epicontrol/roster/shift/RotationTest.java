package org.epicontrol.roster.shift;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RotationTest {

    private static final String SHIFTS = """
            query($p: ID!, $from: DateTime!, $to: DateTime!) { dutyPost(id: $p) { shifts(from: $from, to: $to) {
              startsAt endsAt requiredHeadcount } } }""";

    @Test
    void aTwoByTwelveRotationCoversEveryHourOfEveryDay() {
        String post = RosterFixtures.post(RosterFixtures.community(), "CHECKPOINT", 2);
        List<String> ids = RosterFixtures.rotation(post, 3, 12);
        assertEquals(6, ids.size());
        List<Map<String, Object>> shifts = GRAPHQL.data(SHIFTS, Map.of("p", post, "from", "2000-01-01T00:00:00Z",
                "to", "2100-01-01T00:00:00Z")).getList("dutyPost.shifts");
        for (int i = 1; i < shifts.size(); i++) {
            assertEquals(shifts.get(i - 1).get("endsAt"), shifts.get(i).get("startsAt"), "shifts follow edge to edge");
        }
        OffsetDateTime first = OffsetDateTime.parse((String) shifts.get(0).get("startsAt"));
        OffsetDateTime last = OffsetDateTime.parse((String) shifts.get(5).get("endsAt"));
        assertEquals(Duration.ofHours(72), Duration.between(first, last));
        assertEquals(2, shifts.get(0).get("requiredHeadcount"));
    }

    @Test
    void aThreeByEightRotationGivesThreeShiftsADay() {
        String post = RosterFixtures.post(RosterFixtures.community(), "CHECKPOINT", 1);
        assertEquals(6, RosterFixtures.rotation(post, 2, 8).size());
    }

    @Test
    void aRotationOverlappingExistingShiftsIsRefusedAndCreatesNothing() {
        String post = RosterFixtures.post(RosterFixtures.community(), "CHECKPOINT", 1);
        RosterFixtures.rotation(post, 2, 12);
        Map<String, Object> rotation = new HashMap<>(Map.of("postId", post,
                "firstDay", LocalDate.now().plusDays(2).toString(), "days", 3, "shiftHours", 8));
        GRAPHQL.post("mutation($r: RotationInput!) { generateShifts(rotation: $r) { id } }", Map.of("r", rotation))
                .body("errors[0].extensions.code", equalTo("SHIFT_OVERLAP"));
        assertEquals(4, GRAPHQL.data(SHIFTS, Map.of("p", post, "from", "2000-01-01T00:00:00Z",
                "to", "2100-01-01T00:00:00Z")).getList("dutyPost.shifts").size());
    }

    @Test
    void aShiftLengthThatDoesNotDivideTheDayIsRefused() {
        String post = RosterFixtures.post(RosterFixtures.community(), "CHECKPOINT", 1);
        Map<String, Object> rotation = Map.of("postId", post, "firstDay", "2030-01-01", "days", 2, "shiftHours", 5);
        GRAPHQL.post("mutation($r: RotationInput!) { generateShifts(rotation: $r) { id } }", Map.of("r", rotation))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aShiftEndingBeforeItStartsIsRefused() {
        createShift("2030-01-01T10:00:00+08:00", "2030-01-01T08:00:00+08:00")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aShiftOfZeroHoursIsRefused() {
        createShift("2030-01-01T10:00:00+08:00", "2030-01-01T10:00:00+08:00")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aShiftOfFortyEightHoursIsRefused() {
        createShift("2030-01-01T10:00:00+08:00", "2030-01-03T10:00:00+08:00")
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aShiftForAnUnknownPostIsRefused() {
        GRAPHQL.post("mutation { createShift(postId: \"987654321\", startsAt: \"2030-01-01T08:00:00+08:00\","
                        + " endsAt: \"2030-01-01T20:00:00+08:00\") { id } }", Map.of())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    private static ValidatableResponse createShift(String start, String end) {
        String post = RosterFixtures.post(RosterFixtures.community(), "PATROL", 1);
        return GRAPHQL.post("mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", post, "s", start, "e", end));
    }
}
