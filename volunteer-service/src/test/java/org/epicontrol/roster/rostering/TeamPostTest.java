package org.epicontrol.roster.rostering;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Posts asking for a team: who may say so, and the proposal putting teammates together on their shifts. */
@QuarkusTest
class TeamPostTest {

    private static final String SET = "mutation($p: ID!, $a: Boolean!) { setDutyPostAsksForTeam(postId: $p,"
            + " asksForTeam: $a) { id asksForTeam } }";

    private static boolean asksForTeam(String post) {
        return GRAPHQL.data("query($p: ID!) { dutyPost(id: $p) { asksForTeam } }", Map.of("p", post))
                .getBoolean("dutyPost.asksForTeam");
    }

    private static String team(String community, String leader, String... members) {
        String team = GRAPHQL.data("mutation($n: String!, $c: ID!, $l: ID) { createTeam(name: $n, communityId: $c,"
                        + " leaderId: $l) { id } }",
                Map.of("n", RosterFixtures.unique("党员突击队"), "c", community, "l", leader)).getString("createTeam.id");
        for (String member : members) {
            GRAPHQL.data("mutation($t: ID!, $v: ID!) { addTeamMember(teamId: $t, volunteerId: $v) { id } }",
                    Map.of("t", team, "v", member));
        }
        return team;
    }

    @Test
    void theCommunitysAdminSetsWhetherAPostAsksForATeamOnTheTrail() {
        Week w = new Week(1);
        String post = RosterFixtures.post(w.town.communityA, "CHECKPOINT", 2);
        assertEquals(false, asksForTeam(post));
        w.town.adminA.post(SET, Map.of("p", post, "a", true))
                .body("errors", nullValue())
                .body("data.setDutyPostAsksForTeam.asksForTeam", equalTo(true));
        assertEquals(true, asksForTeam(post));
        assertEquals(List.of("SET_POST_ASKS_FOR_TEAM"), GRAPHQL.data("query($id: ID!) { rosterAuditTrail("
                        + "targetType: \"DutyPost\", targetId: $id, actor: \"admin-a\") { edges { node { action } } } }",
                Map.of("id", post)).getList("rosterAuditTrail.edges.node.action"));
        w.town.adminA.post(SET, Map.of("p", post, "a", false)).body("errors", nullValue());
        assertEquals(false, asksForTeam(post));
    }

    @Test
    void anotherCommunitysAdminAnOfficerAndAVolunteerAreRefusedAndNothingChanges() {
        Week w = new Week(1);
        String post = RosterFixtures.post(w.town.communityA, "CHECKPOINT", 2);
        TestTokens account = TestTokens.user(RosterFixtures.unique("volunteer")).roles("volunteer");
        RosterFixtures.linkedVolunteer(w.town.communityA, account.subject(), "RESIDENT");
        GraphQLClient volunteer = RosterFixtures.ANONYMOUS.bearer(account.sign());
        for (GraphQLClient outsider : List.of(w.town.adminB, w.town.officer, volunteer, RosterFixtures.ANONYMOUS)) {
            outsider.post(SET, Map.of("p", post, "a", true))
                    .body("data.setDutyPostAsksForTeam", nullValue())
                    .body("errors[0].path[0]", equalTo("setDutyPostAsksForTeam"));
        }
        w.town.adminB.post(SET, Map.of("p", post, "a", true)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(false, asksForTeam(post));
        assertEquals(List.of(), GRAPHQL.data("query($id: ID!) { rosterAuditTrail(targetType: \"DutyPost\", targetId: $id)"
                + " { edges { node { action } } } }", Map.of("id", post)).getList("rosterAuditTrail.edges.node.action")
                .stream().filter("SET_POST_ASKS_FOR_TEAM"::equals).toList());
    }

    @Test
    void badIdsAreTypedErrors() {
        Week w = new Week(1);
        w.town.adminA.post(SET, Map.of("p", "not-a-number", "a", true))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        GRAPHQL.post(SET, Map.of("p", "987654321", "a", true))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void onAPostAskingForATeamTheProposalPutsTeammatesTogether() {
        Week w = new Week(1);
        String post = RosterFixtures.post(w.town.communityA, "CHECKPOINT", 2);
        w.town.adminA.post(SET, Map.of("p", post, "a", true)).body("errors", nullValue());
        String shift = w.shift(post, 0, 8, 12, 2);
        List<String> people = w.volunteers(4, "RESIDENT");
        // the teammates are the last two: an order-first fill would take the first two
        team(w.town.communityA, people.get(2), people.get(3));

        JsonPath done = Week.done(w.town.adminA, w.propose(w.town.adminA, 1));
        assertEquals(2, done.getInt("rosterProposal.placesFilled"));
        Set<String> proposed = new HashSet<>(done.getList("rosterProposal.places.volunteer.id"));
        assertEquals(Set.of(people.get(2), people.get(3)), proposed);
        Week.apply(w.town.adminA, done.getString("rosterProposal.id"), null).body("errors", nullValue());
        assertEquals(Set.of(people.get(2), people.get(3)), new HashSet<>(Week.peopleOn(shift)));
    }
}
