package org.epicontrol.roster.coverage;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.signUp;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CoverageTest {

    private static final ZoneOffset CITY = ZoneOffset.ofHours(8);
    private static final String GAPS = """
            query($c: ID!, $from: DateTime!, $to: DateTime!) { coverageGaps(community: $c, from: $from, to: $to) {
              from until hours required staffed hasShift post { id } } }""";

    @Test
    void everyUnderstaffedHourOfACheckpointIsListed() {
        String community = RosterFixtures.community();
        String checkpoint = RosterFixtures.post(community, "CHECKPOINT", 2);
        List<String> shifts = RosterFixtures.rotation(checkpoint, 1, 12);
        signUp(shifts.get(0), RosterFixtures.volunteer(community));
        signUp(shifts.get(0), RosterFixtures.volunteer(community));
        signUp(shifts.get(1), RosterFixtures.volunteer(community));
        OffsetDateTime day = LocalDate.now().plusDays(1).atTime(8, 0).atOffset(CITY);

        List<Map<String, Object>> gaps = GRAPHQL.data(GAPS, Map.of("c", community,
                "from", day.minusHours(2).toString(), "to", day.plusHours(26).toString())).getList("coverageGaps");
        // 2 h before the rotation and 2 h after it have no shift; the 12 night hours have 1 of 2 people.
        assertEquals(3, gaps.size(), gaps::toString);
        assertEquals(List.of(2, 12, 2), gaps.stream().map(g -> ((List<?>) g.get("hours")).size()).toList());
        assertEquals(List.of(false, true, false), gaps.stream().map(g -> g.get("hasShift")).toList());
        assertEquals(1, gaps.get(1).get("staffed"));
        assertEquals(day.plusHours(12).toInstant(), OffsetDateTime.parse((String) gaps.get(1).get("from")).toInstant());
        assertEquals(day.plusHours(24).toInstant(), OffsetDateTime.parse((String) gaps.get(1).get("until")).toInstant());
    }

    @Test
    void aClosedPostIsNoGapAndItsFutureShiftsAreCancelledWithTheReason() {
        String community = RosterFixtures.community();
        String checkpoint = RosterFixtures.post(community, "CHECKPOINT", 2);
        RosterFixtures.rotation(checkpoint, 2, 12);
        OffsetDateTime day = LocalDate.now().plusDays(1).atTime(8, 0).atOffset(CITY);
        Map<String, Object> window = Map.of("c", community, "from", day.toString(), "to", day.plusHours(24).toString());
        assertEquals(2, GRAPHQL.data(GAPS, window).getList("coverageGaps").size());

        GRAPHQL.data("mutation($p: ID!) { closeDutyPost(id: $p, reason: \"解封撤岗\") { id } }", Map.of("p", checkpoint));

        assertEquals(List.of(), GRAPHQL.data(GAPS, window).getList("coverageGaps"));
        List<Map<String, Object>> shifts = GRAPHQL.data("query($p: ID!, $f: DateTime!, $t: DateTime!) { dutyPost(id: $p) {"
                        + " activeUntil closedReason shifts(from: $f, to: $t) { cancelled cancelReason } } }",
                Map.of("p", checkpoint, "f", day.toString(), "t", day.plusDays(2).toString())).getList("dutyPost.shifts");
        assertEquals(4, shifts.size());
        assertTrue(shifts.stream().allMatch(s -> s.get("cancelled").equals(true) && s.get("cancelReason").equals("解封撤岗")));
        GRAPHQL.post("mutation($p: ID!) { closeDutyPost(id: $p, reason: \"again\") { id } }", Map.of("p", checkpoint))
                .body("errors[0].extensions.code", equalTo("POST_CLOSED"));
        // and it gets no new shifts
        GRAPHQL.post("mutation($r: RotationInput!) { generateShifts(rotation: $r) { id } }", Map.of("r",
                        Map.of("postId", checkpoint, "firstDay", LocalDate.now().plusDays(5).toString(), "days", 1,
                                "shiftHours", 12)))
                .body("errors[0].extensions.code", equalTo("POST_CLOSED"));
    }

    @Test
    void hoursBeforeAPostStartsAreNoGap() {
        String community = RosterFixtures.community();
        OffsetDateTime day = LocalDate.now().plusDays(1).atTime(8, 0).atOffset(CITY);
        String post = GRAPHQL.data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id activeFrom } }",
                Map.of("in", Map.of("communityId", community, "name", RosterFixtures.unique("卡口"), "kind", "CHECKPOINT",
                        "requiredHeadcount", 1, "aroundTheClock", true, "activeFrom", day.plusHours(12).toString())))
                .getString("createDutyPost.id");
        RosterFixtures.rotation(post, 1, 12);
        List<Map<String, Object>> gaps = GRAPHQL.data(GAPS, Map.of("c", community, "from", day.toString(),
                "to", day.plusHours(24).toString())).getList("coverageGaps");
        // the day shift is before the post starts: only the night shift's 12 hours are short
        assertEquals(List.of(12), gaps.stream().map(g -> ((List<?>) g.get("hours")).size()).toList());
        assertEquals(day.plusHours(12).toInstant(), OffsetDateTime.parse((String) gaps.get(0).get("from")).toInstant());
    }

    @Test
    void updatingAPostChangesOnlyWhatItNames() {
        String community = RosterFixtures.community();
        String post = RosterFixtures.post(community, "PATROL", 1);
        String name = RosterFixtures.unique("巡逻岗");
        Map<String, Object> updated = GRAPHQL.data("mutation($p: ID!, $n: String!) { updateDutyPost(id: $p,"
                        + " change: { name: $n, requiredHeadcount: 4 }) { name requiredHeadcount kind aroundTheClock } }",
                Map.of("p", post, "n", name)).getMap("updateDutyPost");
        assertEquals(Map.of("name", name, "requiredHeadcount", 4, "kind", "PATROL", "aroundTheClock", false), updated);
        GRAPHQL.post("mutation($p: ID!) { updateDutyPost(id: $p, change: { requiredHeadcount: 0 }) { id } }",
                Map.of("p", post)).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void aStreetSeesTheGapsOfItsCommunities() {
        String community = RosterFixtures.community();
        String street = GRAPHQL.data("query($c: ID!) { orgUnit(id: $c) { parent { id } } }", Map.of("c", community))
                .getString("orgUnit.parent.id");
        String post = RosterFixtures.post(community, "PATROL", 1);
        RosterFixtures.rotation(post, 1, 8);
        OffsetDateTime day = LocalDate.now().plusDays(1).atTime(8, 0).atOffset(CITY);
        List<Map<String, Object>> atStreet = GRAPHQL.data(GAPS, Map.of("c", street, "from", day.toString(),
                "to", day.plusHours(24).toString())).getList("coverageGaps");
        // Three empty 8 h shifts: every one of the 24 post-hours is listed.
        assertEquals(24, atStreet.stream().mapToInt(g -> ((List<?>) g.get("hours")).size()).sum());
        assertEquals(3, atStreet.size());
    }

    @Test
    void onDutyNamesThePeopleAtAPostAtATime() {
        String community = RosterFixtures.community();
        String post = RosterFixtures.post(community, "CHECKPOINT", 1);
        List<String> shifts = RosterFixtures.rotation(post, 1, 12);
        String person = RosterFixtures.volunteer(community);
        signUp(shifts.get(1), person);
        OffsetDateTime night = LocalDate.now().plusDays(1).atTime(23, 0).atOffset(CITY);
        List<String> ids = GRAPHQL.data("query($p: ID!, $at: DateTime) { onDuty(postId: $p, at: $at) { volunteer { id } } }",
                Map.of("p", post, "at", night.toString())).getList("onDuty.volunteer.id");
        assertEquals(List.of(person), ids);
    }

    @Test
    void hoursPerVolunteerAddUpTheirShifts() {
        String community = RosterFixtures.community();
        String post = RosterFixtures.post(community, "CHECKPOINT", 1);
        List<String> shifts = RosterFixtures.rotation(post, 2, 12);
        String person = RosterFixtures.volunteer(community);
        signUp(shifts.get(0), person);
        signUp(shifts.get(2), person);
        OffsetDateTime start = LocalDate.now().atStartOfDay().atOffset(CITY);
        List<Map<String, Object>> hours = GRAPHQL.data("query($c: ID!, $f: DateTime!, $t: DateTime!) {"
                        + " volunteerHours(community: $c, from: $f, to: $t) { hours shifts volunteer { id } } }",
                Map.of("c", community, "f", start.toString(), "t", start.plusDays(4).toString())).getList("volunteerHours");
        assertEquals(1, hours.size());
        assertEquals(24.0, ((Number) hours.get(0).get("hours")).doubleValue());
        assertEquals(2, hours.get(0).get("shifts"));
    }

    @Test
    void aCommunityCanSetStricterLimits() {
        String community = RosterFixtures.community();
        GRAPHQL.data("mutation($c: ID!) { setRosterRules(community: $c, maxHoursPer24h: 8) }", Map.of("c", community));
        String post = RosterFixtures.post(community, "CHECKPOINT", 1);
        List<String> shifts = RosterFixtures.rotation(post, 1, 12);
        signUp(shifts.get(0), RosterFixtures.volunteer(community))
                .body("errors[0].extensions.code", equalTo("MAX_HOURS_EXCEEDED"));
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        GRAPHQL.post(GAPS, Map.of("c", RosterFixtures.community(), "from", "2031-01-02T00:00:00Z", "to", "2031-01-01T00:00:00Z"))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }
}
