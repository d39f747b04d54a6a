package org.epicontrol.roster.rostering;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moves of people already assigned (allowMoves): proposed where they buy fairness, applied as the person leaving and
 * the newcomer assigned in one transaction, a stale move refused alone with the old assignment standing.
 */
@QuarkusTest
class RosterMovesTest {

    /** One post, day shifts (08–20) on every other day; all of them the busy person's. */
    private record Overloaded(Week week, List<String> shifts, String busy, List<String> idle) {
    }

    private static Overloaded overloaded(int shifts, int idle) {
        Week w = new Week(2 * shifts);
        String post = RosterFixtures.post(w.town.communityA, "CHECKPOINT", 1);
        String busy = w.volunteers(1, "RESIDENT").get(0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < shifts; i++) {
            String shift = w.shift(post, 2 * i, 8, 12, 1);
            Week.assign(shift, busy);
            ids.add(shift);
        }
        return new Overloaded(w, ids, busy, w.volunteers(idle, "RESIDENT"));
    }

    @Test
    void withoutAllowMovesNobodyAlreadyAssignedMoves() {
        Overloaded o = overloaded(2, 2);
        JsonPath done = Week.done(o.week().town.adminA, o.week().propose(o.week().town.adminA, 4));
        assertFalse(done.getBoolean("rosterProposal.allowMoves"));
        assertEquals(0, done.getInt("rosterProposal.placesTotal"));
        assertEquals(0, done.getInt("rosterProposal.placesMoved"));
        assertEquals(List.of(), done.getList("rosterProposal.places"));
    }

    @Test
    void allowMovesProposesAMoveWhereItSpreadsHoursFairlyAndApplyingItSwapsThePeopleOnce() {
        // 24 h for one person, none for two others: one shift moving to an idle person is fairer (576 → 288) by more
        // than a move costs; a second move buys nothing
        Overloaded o = overloaded(2, 2);
        JsonPath done = Week.done(o.week().town.adminA, o.week().propose(o.week().town.adminA, 4, true));
        assertTrue(done.getBoolean("rosterProposal.allowMoves"));
        assertEquals(1, done.getInt("rosterProposal.placesMoved"), done.prettify());
        List<Map<String, Object>> places = done.getList("rosterProposal.places");
        assertEquals(1, places.size());
        Map<String, Object> move = places.get(0);
        assertEquals(true, move.get("move"));
        assertEquals(Map.of("id", o.busy()), move.get("leaving"));
        @SuppressWarnings("unchecked")
        String newcomer = ((Map<String, String>) move.get("volunteer")).get("id");
        assertTrue(o.idle().contains(newcomer), newcomer);
        @SuppressWarnings("unchecked")
        String shift = ((Map<String, String>) move.get("shift")).get("id");

        JsonPath applied = Week.apply(o.week().town.adminA, done.getString("rosterProposal.id"), null)
                .body("errors", nullValue()).extract().jsonPath();
        assertEquals(1, applied.getList("data.applyRosterProposal.applied").size());
        assertEquals(0, applied.getList("data.applyRosterProposal.refused").size());
        assertEquals(List.of(newcomer), Week.peopleOn(shift));
        String other = o.shifts().get(0).equals(shift) ? o.shifts().get(1) : o.shifts().get(0);
        assertEquals(List.of(o.busy()), Week.peopleOn(other));
        // the old assignment ended as cancelAssignment ends one, on the trail with the new one
        String ended = (String) move.get("replacesAssignmentId");
        assertEquals(List.of("ASSIGN", "CANCEL_ASSIGNMENT"), GRAPHQL.data("query($id: ID!) { rosterAuditTrail("
                + "targetType: \"Assignment\", targetId: $id) { edges { node { action } } } }", Map.of("id", ended))
                .<String>getList("rosterAuditTrail.edges.node.action").stream().sorted().toList());

        // applying again moves nobody twice
        Week.apply(o.week().town.adminA, done.getString("rosterProposal.id"), null).body("errors", nullValue());
        assertEquals(List.of(newcomer), Week.peopleOn(shift));
    }

    @Test
    void aMoveMadeStaleByTheNewcomersSignUpElsewhereIsRefusedAloneAndThePersonLeavingStays() {
        // 48 h for one person, two idle: two moves are the fairest for their cost
        Overloaded o = overloaded(4, 2);
        JsonPath done = Week.done(o.week().town.adminA, o.week().propose(o.week().town.adminA, 8, true));
        List<Map<String, Object>> moves = done.getList("rosterProposal.places");
        assertEquals(2, moves.size(), done.prettify());
        Map<String, Object> stale = moves.get(0);
        @SuppressWarnings("unchecked")
        String staleShift = ((Map<String, String>) stale.get("shift")).get("id");
        @SuppressWarnings("unchecked")
        String staleNewcomer = ((Map<String, String>) stale.get("volunteer")).get("id");
        @SuppressWarnings("unchecked")
        String keptShift = ((Map<String, String>) moves.get(1).get("shift")).get("id");
        @SuppressWarnings("unchecked")
        String keptNewcomer = ((Map<String, String>) moves.get(1).get("volunteer")).get("id");
        // meanwhile the newcomer signs up for another post's shift at the same hours
        int day = 2 * o.shifts().indexOf(staleShift);
        String elsewhere = o.week().shift(RosterFixtures.post(o.week().town.communityA, "PATROL", 1), day, 8, 12, 1);
        RosterFixtures.signUp(elsewhere, staleNewcomer).body("errors", nullValue());

        JsonPath applied = Week.apply(o.week().town.adminA, done.getString("rosterProposal.id"), null)
                .body("errors", nullValue()).extract().jsonPath();
        assertEquals(List.of("OVERLAPPING_SHIFT"), applied.getList("data.applyRosterProposal.refused.code"));
        assertEquals(List.of(stale.get("placeId")), applied.getList("data.applyRosterProposal.refused.placeId"));
        assertEquals(List.of(o.busy()), Week.peopleOn(staleShift), "the person leaving stays: nothing changed");
        assertEquals(List.of(keptNewcomer), Week.peopleOn(keptShift));
    }
}
