package org.epicontrol.roster.rostering;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RosterProposalTest {

    @Test
    void aProposalFillsEveryPlaceUnderTheRulesAndAppliesThroughAssignVolunteersRulesOnce() {
        Week w = new Week(2);
        String checkpoint = RosterFixtures.post(w.town.communityA, "CHECKPOINT", 2);
        String vanguard = RosterFixtures.post(w.town.communityA, "PARTY_MEMBER_VANGUARD", 1, "PARTY_MEMBER");
        List<String> shifts = new java.util.ArrayList<>(w.rotation(checkpoint, 2, 2));
        shifts.addAll(w.rotation(vanguard, 2, 1));
        List<String> party = w.volunteers(3, "PARTY_MEMBER");
        w.volunteers(7, "RESIDENT");
        // one checkpoint place is taken already: 11 open places
        RosterFixtures.signUp(shifts.get(0), party.get(0)).body("errors", nullValue());

        String proposal = w.propose(w.town.adminA, 2);
        JsonPath done = Week.done(w.town.adminA, proposal);
        assertEquals(11, done.getInt("rosterProposal.placesTotal"));
        assertEquals(11, done.getInt("rosterProposal.placesFilled"));
        assertTrue(done.getString("rosterProposal.score").startsWith("0hard/0medium"), done.getString("rosterProposal.score"));
        List<Map<String, Object>> places = done.getList("rosterProposal.places");
        assertEquals(11, places.size());
        for (Map<String, Object> place : places) {
            assertNull(place.get("openReason"));
            assertNotNull(place.get("volunteer"));
        }

        Week.apply(w.town.adminA, proposal, null)
                .body("errors", nullValue())
                .body("data.applyRosterProposal.applied", hasSize(11))
                .body("data.applyRosterProposal.refused", hasSize(0));
        for (int i = 0; i < 4; i++) {
            assertEquals(2, Week.assignedOn(shifts.get(i)));
            assertEquals(1, Week.assignedOn(shifts.get(4 + i)));
        }
        // the vanguard post got party members only (qualification), as assignVolunteer would insist
        Set<String> onVanguard = new HashSet<>();
        for (int i = 4; i < 8; i++) {
            onVanguard.addAll(GRAPHQL.data("query($s: ID!) { shift(id: $s) { assignments { volunteer { id } } } }",
                    Map.of("s", shifts.get(i))).getList("shift.assignments.volunteer.id"));
        }
        assertTrue(party.containsAll(onVanguard), onVanguard.toString());

        // applying again books nobody twice: every place answered applied, with the same assignments
        JsonPath again = Week.apply(w.town.adminA, proposal, null).body("errors", nullValue()).extract().jsonPath();
        assertEquals(11, again.getList("data.applyRosterProposal.applied").size());
        assertEquals(0, again.getList("data.applyRosterProposal.refused").size());
        for (int i = 0; i < 4; i++) {
            assertEquals(2, Week.assignedOn(shifts.get(i)));
        }
    }

    @Test
    void twoAdminsApplyingAtOnceBookEachPlaceOnceAndBothSeeTheSameAssignments() throws Exception {
        Week w = new Week(2);
        String post = RosterFixtures.post(w.town.communityA, "CHECKPOINT", 1);
        List<String> shifts = w.rotation(post, 2, 1);
        w.volunteers(4, "RESIDENT");
        String proposal = w.propose(w.town.adminA, 2);
        assertEquals(4, Week.done(w.town.adminA, proposal).getInt("rosterProposal.placesFilled"));

        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<JsonPath> apply = () -> Week.apply(w.town.adminA, proposal, null)
                    .body("errors", nullValue()).extract().jsonPath();
            var first = two.submit(apply);
            var second = two.submit(apply);
            JsonPath a = first.get();
            JsonPath b = second.get();
            for (JsonPath answer : List.of(a, b)) {
                assertEquals(4, answer.getList("data.applyRosterProposal.applied").size());
                assertEquals(0, answer.getList("data.applyRosterProposal.refused").size());
            }
            assertEquals(new HashSet<>(a.<String>getList("data.applyRosterProposal.applied.assignmentId")),
                    new HashSet<>(b.<String>getList("data.applyRosterProposal.applied.assignmentId")));
        } finally {
            two.shutdown();
        }
        for (String shift : shifts) {
            assertEquals(1, Week.assignedOn(shift));
        }
    }

    @Test
    void aPlaceMadeStaleByASignUpIsRefusedAloneWithItsRulesCode() {
        Week w = new Week(1);
        String post = RosterFixtures.post(w.town.communityA, "PATROL", 1);
        String contested = w.shift(post, 0, 8, 8, 1);
        String other = w.shift(post, 0, 16, 4, 1);
        w.volunteers(3, "RESIDENT");
        String proposal = w.propose(w.town.adminA, 1);
        JsonPath done = Week.done(w.town.adminA, proposal);
        assertEquals(2, done.getInt("rosterProposal.placesFilled"));
        // meanwhile somebody signs up for the contested shift, which had one place
        String latecomer = RosterFixtures.volunteer(w.town.communityA, "RESIDENT");
        RosterFixtures.signUp(contested, latecomer).body("errors", nullValue());

        JsonPath applied = Week.apply(w.town.adminA, proposal, null).body("errors", nullValue()).extract().jsonPath();
        List<Map<String, Object>> refused = applied.getList("data.applyRosterProposal.refused");
        assertEquals(1, refused.size());
        assertEquals("SHIFT_FULL", refused.get(0).get("code"));
        assertEquals(List.of(other), applied.getList("data.applyRosterProposal.applied.shift.id"));
        assertEquals(1, Week.assignedOn(contested));
        assertEquals(1, Week.assignedOn(other));
    }

    @Test
    void aCommunityWhereNotEveryPlaceCanBeFilledSaysWhichAndWhy() {
        Week w = new Week(1);
        String veterans = RosterFixtures.post(w.town.communityA, "VETERAN_VANGUARD", 1, "VETERAN");
        String medics = RosterFixtures.post(w.town.communityA, "TESTING_ORDER", 1, "PARTY_MEMBER");
        String noVeteran = w.shift(veterans, 0, 8, 12, 1);
        String partyAway = w.shift(medics, 0, 8, 12, 1);
        String member = w.volunteers(1, "PARTY_MEMBER").get(0);
        w.volunteers(2, "RESIDENT");
        // the only party member is away that day
        GRAPHQL.data("mutation($v: ID!, $f: DateTime!, $t: DateTime!) { addAvailabilityException(volunteerId: $v,"
                        + " from: $f, to: $t, reason: \"出差\") { volunteerId } }",
                Map.of("v", member, "f", Week.at(w.first, 0), "t", Week.at(w.first, 24)));

        JsonPath done = Week.done(w.town.adminA, w.propose(w.town.adminA, 1));
        assertEquals(2, done.getInt("rosterProposal.placesTotal"));
        assertEquals(0, done.getInt("rosterProposal.placesFilled"));
        Map<String, String> why = new java.util.HashMap<>();
        for (Map<String, Object> place : done.<Map<String, Object>>getList("rosterProposal.places")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> shift = (Map<String, Object>) place.get("shift");
            why.put((String) shift.get("id"), (String) place.get("openReason"));
        }
        assertEquals(Map.of(noVeteran, "NO_QUALIFIED_VOLUNTEER", partyAway, "ALL_QUALIFIED_UNAVAILABLE"), why);
        // nothing to apply: each open place refused as open
        Week.apply(w.town.adminA, done.getString("rosterProposal.id"), List.of("1"))
                .body("data.applyRosterProposal.refused[0].code", equalTo("PLACE_OPEN"));
    }

    @Test
    void badInputIsATypedErrorAndStoresNothing() {
        Week w = new Week(1);
        Map<String, Object> backwards = Map.of("c", w.town.communityA, "f", w.to(1), "t", w.from());
        w.town.adminA.post("mutation($c: ID!, $f: DateTime!, $t: DateTime!) { proposeRoster(communityId: $c, from: $f,"
                        + " to: $t) { id } }", backwards)
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        Map<String, Object> tooLong = Map.of("c", w.town.communityA, "f", w.from(), "t", w.to(1),
                "o", Map.of("timeBudgetSeconds", 100000));
        w.town.adminA.post("mutation($c: ID!, $f: DateTime!, $t: DateTime!, $o: RosterProposalOptions) {"
                        + " proposeRoster(communityId: $c, from: $f, to: $t, options: $o) { id } }", tooLong)
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"))
                .body("errors[0].path[0]", equalTo("proposeRoster"));
    }
}
