package org.epicontrol.roster.shift;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.signUp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SignUpRulesTest {


    @Test
    void aVolunteerSignsUpForAnOpenPlace() {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "PATROL", 2), 1, "08", "16");
        signUp(shift, RosterFixtures.volunteer(community, "RESIDENT"))
                .body("data.signUp.status", equalTo("ACTIVE"));
        assertEquals(1, onShift(shift));
    }

    @Test
    void aFullShiftRefusesTheNextPerson() {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "PATROL", 1), 1, "08", "16");
        signUp(shift, RosterFixtures.volunteer(community));
        signUp(shift, RosterFixtures.volunteer(community))
                .body("errors[0].extensions.code", equalTo("SHIFT_FULL"))
                .body("errors[0].path[0]", equalTo("signUp"));
        assertEquals(1, onShift(shift));
    }

    @Test
    void aPartyMemberVanguardPostRefusesSomeoneWhoIsNotAPartyMember() {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "PARTY_MEMBER_VANGUARD", 3, "PARTY_MEMBER",
                "IN_SERVICE_PARTY_MEMBER"), 1, "08", "16");
        signUp(shift, RosterFixtures.volunteer(community, "VETERAN"))
                .body("errors[0].extensions.code", equalTo("NOT_QUALIFIED"))
                .body("errors[0].message", containsString("PARTY_MEMBER"));
        signUp(shift, RosterFixtures.volunteer(community, "IN_SERVICE_PARTY_MEMBER"))
                .body("data.signUp.status", equalTo("ACTIVE"));
        assertEquals(1, onShift(shift));
    }

    @Test
    void onePersonIsNeverOnTwoOverlappingShifts() {
        String community = RosterFixtures.community();
        String person = RosterFixtures.volunteer(community);
        signUp(shift(RosterFixtures.post(community, "PATROL", 1), 2, "08", "16"), person);
        String overlapping = shift(RosterFixtures.post(community, "CHECKPOINT", 1), 2, "12", "20");
        signUp(overlapping, person).body("errors[0].extensions.code", equalTo("OVERLAPPING_SHIFT"));
        assertEquals(0, onShift(overlapping));
    }

    @Test
    void moreThanTwelveHoursWithinADayAreRefused() {
        String community = RosterFixtures.community();
        String person = RosterFixtures.volunteer(community);
        signUp(shift(RosterFixtures.post(community, "PATROL", 1), 3, "08", "16"), person);
        String evening = shift(RosterFixtures.post(community, "CHECKPOINT", 1), 3, "16", "22");
        signUp(evening, person).body("errors[0].extensions.code", equalTo("MAX_HOURS_EXCEEDED"))
                .body("errors[0].message", containsString("14 h"));
        assertEquals(0, onShift(evening));
    }

    @Test
    void lessThanEightHoursOfRestBetweenShiftsIsRefused() {
        String community = RosterFixtures.community();
        String person = RosterFixtures.volunteer(community);
        signUp(shift(RosterFixtures.post(community, "PATROL", 1), 4, "08", "12"), person);
        String afternoon = shift(RosterFixtures.post(community, "CHECKPOINT", 1), 4, "14", "18");
        signUp(afternoon, person).body("errors[0].extensions.code", equalTo("MIN_REST_VIOLATED"));
        String evening = shift(RosterFixtures.post(community, "DELIVERY", 1), 4, "20", "23");
        signUp(evening, person).body("data.signUp.status", equalTo("ACTIVE"));
    }

    @Test
    void fiftyConcurrentSignUpsForTheLastThreePlacesAcceptExactlyThree() throws Exception {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "CHECKPOINT", 5), 5, "08", "20");
        signUp(shift, RosterFixtures.volunteer(community));
        signUp(shift, RosterFixtures.volunteer(community));
        // Fifty volunteers, each signed in with an account of their own and signing up themselves.
        List<String> people = new ArrayList<>();
        List<GraphQLClient> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TestTokens token = TestTokens.user("volunteer" + i).roles("volunteer");
            people.add(RosterFixtures.linkedVolunteer(community, token.subject()));
            clients.add(RosterFixtures.ANONYMOUS.bearer(token.sign()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                String person = people.get(i);
                GraphQLClient client = clients.get(i);
                calls.add(() -> {
                    var json = signUp(client, shift, person).extract().jsonPath();
                    return json.get("errors") == null ? "OK" : json.getString("errors[0].extensions.code");
                });
            }
            int accepted = 0;
            int full = 0;
            for (Future<String> f : pool.invokeAll(calls)) {
                String result = f.get();
                accepted += result.equals("OK") ? 1 : 0;
                full += result.equals("SHIFT_FULL") ? 1 : 0;
            }
            assertEquals(3, accepted);
            assertEquals(47, full);
        } finally {
            pool.shutdown();
        }
        assertEquals(5, onShift(shift));
    }

    @Test
    void aCancelledPlaceCanBeTakenAgain() {
        String community = RosterFixtures.community();
        String shift = shift(RosterFixtures.post(community, "PATROL", 1), 6, "08", "16");
        String assignment = signUp(shift, RosterFixtures.volunteer(community)).extract().path("data.signUp.id");
        GRAPHQL.post("mutation($a: ID!) { cancelAssignment(assignmentId: $a, reason: \"  \") { id } }", Map.of("a", assignment))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        GRAPHQL.data("mutation($a: ID!) { cancelAssignment(assignmentId: $a, reason: \"家中有事\") { status } }", Map.of("a", assignment));
        signUp(shift, RosterFixtures.volunteer(community)).body("data.signUp.status", equalTo("ACTIVE"));
    }

    static String shift(String post, int day, String fromHour, String toHour) {
        return GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", post, "s", at(day, fromHour), "e", at(day, toHour)))
                .getString("createShift.id");
    }

    /** A time on a day of March 2031, in the city's zone: far enough ahead to sign up for. */
    private static String at(int day, String hour) {
        return String.format("2031-03-%02dT%s:00:00+08:00", day, hour);
    }

    static int onShift(String shift) {
        return GRAPHQL.data("query($s: ID!) { shift(id: $s) { assignments { id } } }", Map.of("s", shift))
                .getList("shift.assignments").size();
    }
}
