package org.epicontrol.roster.selfservice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.signUp;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A volunteer's own work over the API (myShifts, myOpenShifts, mySwapRequests, myHours), signed in with their own
 * token: each volunteer has a community of their own, so the lists are exactly what each test made.
 */
@QuarkusTest
class SelfServiceTest {

    private static final String MY_SHIFTS = "query($f: DateTime!, $t: DateTime!) { myShifts(from: $f, to: $t) {"
            + " id status shift { id startsAt } } }";
    private static final String MY_OPEN = "query($f: DateTime!, $t: DateTime!, $n: Int) {"
            + " myOpenShifts(from: $f, to: $t, first: $n) { id startsAt post { id } } }";
    private static final String MY_SWAPS = "{ mySwapRequests { id status createdAt toVolunteer { id }"
            + " fromAssignment { id volunteer { id } shift { id } } toAssignment { id shift { id } } } }";
    private static final String MY_HOURS = "query($f: DateTime!, $t: DateTime!) { myHours(from: $f, to: $t) {"
            + " hours shifts volunteer { id } } }";
    private static final String PROPOSE = "mutation($a: ID!, $to: ID!, $toA: ID) {"
            + " proposeSwap(assignmentId: $a, toVolunteerId: $to, toAssignmentId: $toA) { id } }";

    /** Day 1..31 of May 2032, in the city's zone: ahead of any test run. */
    private static String at(int day, int hour) {
        return String.format("2032-05-%02dT%02d:00:00+08:00", day, hour);
    }

    private static final Map<String, Object> MAY = window(at(1, 0), at(31, 0));

    private static Map<String, Object> window(String from, String to) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("f", from);
        vars.put("t", to);
        return vars;
    }

    /** A volunteer with a Keycloak account of their own. */
    private record Person(String id, GraphQLClient client) {
    }

    private static Person person(String community, String... kinds) {
        TestTokens token = TestTokens.user(RosterFixtures.unique("vol")).roles("volunteer");
        String id = RosterFixtures.linkedVolunteer(community, token.subject(), kinds);
        return new Person(id, RosterFixtures.ANONYMOUS.bearer(token.sign()));
    }

    private static String shift(String post, String start, String end, Integer headcount) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("p", post);
        vars.put("s", start);
        vars.put("e", end);
        vars.put("n", headcount);
        return GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!, $n: Int) {"
                + " createShift(postId: $p, startsAt: $s, endsAt: $e, requiredHeadcount: $n) { id } }", vars)
                .getString("createShift.id");
    }

    private static String iso(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String shift(String post, int day, int from, int to) {
        return shift(post, at(day, from), at(day, to), null);
    }

    private static String assignment(Person person, String shift) {
        return signUp(person.client(), shift, person.id()).extract().path("data.signUp.id");
    }

    @Test
    void myShiftsAreTheVolunteersActiveAssignmentsOverlappingTheWindowByStart() {
        String community = RosterFixtures.community();
        String post = RosterFixtures.post(community, "PATROL", 2);
        Person wang = person(community);
        Person li = person(community);
        String late = shift(post, 20, 8, 16);
        String early = shift(post, 10, 8, 16);
        String cancelled = shift(post, 12, 8, 16);
        String outside = shift(post, 31, 8, 16);
        String lateA = assignment(wang, late);
        String earlyA = assignment(wang, early);
        assignment(wang, cancelled);
        assignment(wang, outside);
        assignment(li, shift(post, 14, 8, 16));
        GRAPHQL.data("mutation($s: ID!) { cancelShift(shiftId: $s, reason: \"雨天\") { id } }", Map.of("s", cancelled));

        JsonPath mine = wang.client().data(MY_SHIFTS, window(at(1, 0), at(31, 0)));
        assertEquals(List.of(earlyA, lateA), mine.getList("myShifts.id"));
        assertEquals(List.of(early, late), mine.getList("myShifts.shift.id"));
        assertEquals(List.of("ACTIVE", "ACTIVE"), mine.getList("myShifts.status"));
        // a shift overlapping the window's edge is in it
        assertEquals(List.of(lateA), wang.client().data(MY_SHIFTS, window(at(20, 15), at(25, 0))).getList("myShifts.id"));
    }

    @Test
    void openShiftsAreThoseOfHisCommunityHeIsQualifiedForWithAFreePlaceNotYetHis() {
        String community = RosterFixtures.community();
        Person wang = person(community, "PARTY_MEMBER");
        Person other = person(community, "PARTY_MEMBER");
        String patrol = RosterFixtures.post(community, "PATROL", 1);
        String party = RosterFixtures.post(community, "PARTY_MEMBER_VANGUARD", 1, "PARTY_MEMBER");
        String veterans = RosterFixtures.post(community, "VETERAN_VANGUARD", 1, "VETERAN");
        String free = shift(patrol, 5, 8, 12);
        String partyShift = shift(party, 5, 10, 14);
        String veteransShift = shift(veterans, 5, 8, 12);          // not qualified: veterans only
        String full = shift(patrol, 6, 8, 12);
        assignment(other, full);                                   // full: its one place taken
        String mine = shift(patrol, 7, 8, 12);
        assignment(wang, mine);                                    // his already
        String cancelled = shift(patrol, 8, 8, 12);
        GRAPHQL.data("mutation($s: ID!) { cancelShift(shiftId: $s, reason: \"取消\") { id } }", Map.of("s", cancelled));
        String elsewhere = RosterFixtures.post(RosterFixtures.community(), "PATROL", 1);
        shift(elsewhere, 5, 8, 12);                                // another community's
        String late = shift(patrol, 9, 8, 12);

        // by start; the overlap of `free` and `partyShift` is the sign-up's to refuse, not filtered here
        assertEquals(List.of(free, partyShift, late), wang.client().data(MY_OPEN, MAY).getList("myOpenShifts.id"));
        Map<String, Object> two = new HashMap<>(MAY);
        two.put("n", 2);
        assertEquals(List.of(free, partyShift), wang.client().data(MY_OPEN, two).getList("myOpenShifts.id"));
        // a veteran of the community is offered the veterans' post, not the party members'
        Person veteran = person(community, "VETERAN");
        assertEquals(List.of(free, veteransShift, late), veteran.client().data(MY_OPEN, MAY).getList("myOpenShifts.id"));
    }

    @Test
    void aPostRequiringASkillIsOfferedOnlyToThoseWithIt() {
        String community = RosterFixtures.community();
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community);
        input.put("name", RosterFixtures.unique("送药岗"));
        input.put("kind", "DELIVERY");
        input.put("requiredHeadcount", 1);
        input.put("requiredSkill", "驾驶");
        String post = GRAPHQL.data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }",
                Map.of("in", input)).getString("createDutyPost.id");
        String delivery = shift(post, 11, 8, 12);
        TestTokens token = TestTokens.user(RosterFixtures.unique("driver")).roles("volunteer");
        Map<String, Object> driver = new HashMap<>();
        driver.put("name", RosterFixtures.unique("司机"));
        driver.put("communityId", community);
        driver.put("skills", List.of("驾驶"));
        driver.put("userId", token.subject());
        GRAPHQL.data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }", Map.of("in", driver));

        assertEquals(List.of(delivery), RosterFixtures.ANONYMOUS.bearer(token.sign()).data(MY_OPEN, MAY)
                .getList("myOpenShifts.id"));
        person(community).client().post(MY_OPEN, MAY).body("data.myOpenShifts", empty());
    }

    @Test
    void aShiftUnderWayIsNotOfferedAndATakenShiftMovesToMyShifts() {
        String community = RosterFixtures.community();
        Person wang = person(community);
        String post = RosterFixtures.post(community, "PATROL", 1);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.HOURS);
        shift(post, iso(now.minusHours(1)), iso(now.plusHours(3)), null);   // under way
        String next = shift(post, iso(now.plusHours(3)), iso(now.plusHours(7)), null);
        Map<String, Object> today = window(iso(now.minusDays(1)), iso(now.plusDays(1)));

        assertEquals(List.of(next), wang.client().data(MY_OPEN, today).getList("myOpenShifts.id"));
        assignment(wang, next);
        wang.client().post(MY_OPEN, today).body("data.myOpenShifts", empty());
        assertEquals(List.of(next), wang.client().data(MY_SHIFTS, today).getList("myShifts.shift.id"));
    }

    @Test
    void swapRequestsAreTheOpenOnesAddressedToHimAndThoseHeProposedNewestFirst() {
        String community = RosterFixtures.community();
        String post = RosterFixtures.post(community, "PATROL", 1);
        Person wang = person(community);
        Person li = person(community);
        Person zhang = person(community);
        String wangs = assignment(wang, shift(post, 3, 8, 12));
        String lis = assignment(li, shift(post, 4, 8, 12));
        String zhangs = assignment(zhang, shift(post, 5, 8, 12));
        String zhangsOther = assignment(zhang, shift(post, 6, 8, 12));
        String toWang = li.client().data(PROPOSE, Map.of("a", lis, "to", wang.id(), "toA", wangs)).getString("proposeSwap.id");
        String byWang = wang.client().data(PROPOSE, Map.of("a", wangs, "to", zhang.id())).getString("proposeSwap.id");
        String declined = zhang.client().data(PROPOSE, Map.of("a", zhangs, "to", wang.id())).getString("proposeSwap.id");
        wang.client().data("mutation($s: ID!, $v: ID!) { declineSwap(swapId: $s, volunteerId: $v) { id } }",
                Map.of("s", declined, "v", wang.id()));
        zhang.client().data(PROPOSE, Map.of("a", zhangsOther, "to", li.id()));   // between others

        JsonPath swaps = wang.client().data(MY_SWAPS);
        assertEquals(List.of(byWang, toWang), swaps.getList("mySwapRequests.id"));
        assertEquals(List.of("PROPOSED", "PROPOSED"), swaps.getList("mySwapRequests.status"));
        assertEquals(wang.id(), swaps.getString("mySwapRequests[0].fromAssignment.volunteer.id"));
        assertEquals(zhang.id(), swaps.getString("mySwapRequests[0].toVolunteer.id"));
        assertEquals(wang.id(), swaps.getString("mySwapRequests[1].toVolunteer.id"));
        assertEquals(wangs, swaps.getString("mySwapRequests[1].toAssignment.id"));
        assertEquals(null, swaps.getString("mySwapRequests[0].toAssignment"));
    }

    @Test
    void myHoursCountsHisTimeOnDutyInTheWindowAsVolunteerHoursDoes() {
        String community = RosterFixtures.community();
        String post = RosterFixtures.post(community, "PATROL", 2);
        Person wang = person(community);
        Person li = person(community);
        String day = shift(post, 15, 8, 20);
        assignment(wang, day);
        assignment(li, day);
        assignment(wang, shift(post, 17, 8, 12));

        JsonPath hours = wang.client().data(MY_HOURS, window(at(15, 14), at(20, 0)));
        assertEquals(10.0f, hours.getFloat("myHours.hours"));          // 6 h of the first (cut by the window), 4 h
        assertEquals(2, hours.getInt("myHours.shifts"));
        assertEquals(wang.id(), hours.getString("myHours.volunteer.id"));
        JsonPath staff = GRAPHQL.data("query($c: ID!, $f: DateTime!, $t: DateTime!) { volunteerHours(community: $c,"
                + " from: $f, to: $t) { hours volunteer { id } } }", Map.of("c", community, "f", at(15, 14), "t", at(20, 0)));
        assertEquals(10.0f, staff.getFloat("volunteerHours.find { it.volunteer.id == '" + wang.id() + "' }.hours"));
        wang.client().post(MY_HOURS, window(at(25, 0), at(26, 0)))
                .body("data.myHours.hours", equalTo(0.0f)).body("data.myHours.shifts", equalTo(0));
    }

    @Test
    void aWindowBackwardsOrLongerThan62DaysIsInvalidInput() {
        Person wang = person(RosterFixtures.community());
        List<Map<String, Object>> bad = List.of(window(at(10, 0), at(10, 0)), window(at(10, 0), at(9, 0)),
                window("2032-05-01T00:00:00+08:00", "2032-07-02T00:00:01+08:00"));
        for (Map<String, Object> window : bad) {
            for (String query : List.of(MY_SHIFTS, MY_OPEN, MY_HOURS)) {
                wang.client().post(query, window).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
            }
        }
        wang.client().post(MY_SHIFTS, window("2032-05-01T00:00:00+08:00", "2032-07-02T00:00:00+08:00"))
                .body("errors", nullValue());
        for (int first : new int[] {0, 201}) {
            Map<String, Object> vars = new HashMap<>(MAY);
            vars.put("n", first);
            wang.client().post(MY_OPEN, vars).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        }
    }

    @Test
    void anonymousIsRefusedAndAnAccountWithoutAVolunteerGetsNothing() {
        for (String query : List.of(MY_SHIFTS, MY_OPEN, MY_HOURS)) {
            RosterFixtures.ANONYMOUS.post(query, MAY).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        }
        RosterFixtures.ANONYMOUS.post(MY_SWAPS, Map.of()).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQLClient nobody = RosterFixtures.ANONYMOUS.bearer(TestTokens.user(RosterFixtures.unique("admin"))
                .roles("community-admin").sign());
        nobody.post(MY_SHIFTS, MAY).body("errors", nullValue()).body("data.myShifts", empty());
        nobody.post(MY_OPEN, MAY).body("errors", nullValue()).body("data.myOpenShifts", empty());
        nobody.post(MY_SWAPS, Map.of()).body("errors", nullValue()).body("data.mySwapRequests", empty());
        nobody.post(MY_HOURS, MAY).body("errors", nullValue()).body("data.myHours", nullValue());
    }
}
