package org.epicontrol.roster.people;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.mobilisation.Town;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TeamTest {

    private static final String TEAM = "id name kind leader { id } members { id } community { id }";

    private Town town;

    @BeforeEach
    void town() {
        town = new Town();
    }

    @Test
    void aTeamHasAKindAndItsLeaderIsItsFirstMember() {
        String leader = RosterFixtures.volunteer(town.communityA, "PARTY_MEMBER");
        town.adminA.post("mutation($n: String!, $c: ID!, $l: ID!) { createTeam(name: $n, communityId: $c,"
                                + " kind: TEMPORARY_PARTY_BRANCH, leaderId: $l) { " + TEAM + " } }",
                        Map.of("n", RosterFixtures.unique("临时党支部"), "c", town.communityA, "l", leader))
                .body("errors", nullValue())
                .body("data.createTeam.kind", equalTo("TEMPORARY_PARTY_BRANCH"))
                .body("data.createTeam.leader.id", equalTo(leader))
                .body("data.createTeam.members.id", containsInAnyOrder(leader))
                .body("data.createTeam.community.id", equalTo(town.communityA));
    }

    @Test
    void aPersonIsInSeveralTeams() {
        String person = RosterFixtures.volunteer(town.communityA);
        String meals = team(town.adminA, town.communityA, "MEAL_DELIVERY");
        String party = team(town.adminA, town.communityA, "PARTY_TEAM");
        add(town.adminA, meals, person).body("data.addTeamMember.members.id", containsInAnyOrder(person));
        add(town.adminA, party, person).body("errors", nullValue());
        GRAPHQL.post("query($v: ID!) { volunteer(id: $v) { teams { id kind } } }", Map.of("v", person))
                .body("data.volunteer.teams.id", containsInAnyOrder(meals, party));
        add(town.adminA, meals, person).body("errors[0].extensions.code", equalTo("ALREADY_MEMBER"));
    }

    @Test
    void aMemberLeavesButTheLeaderCannot() {
        String leader = RosterFixtures.volunteer(town.communityA);
        String member = RosterFixtures.volunteer(town.communityA);
        String team = town.adminA.data("mutation($n: String!, $c: ID!, $l: ID!) { createTeam(name: $n, communityId: $c,"
                        + " leaderId: $l) { id kind } }", Map.of("n", RosterFixtures.unique("队"), "c", town.communityA, "l", leader))
                .getString("createTeam.id");
        add(town.adminA, team, member);
        remove(town.adminA, team, member).body("data.removeTeamMember.members.id", containsInAnyOrder(leader));
        remove(town.adminA, team, member).body("errors[0].extensions.code", equalTo("NOT_A_MEMBER"));
        remove(town.adminA, team, leader).body("errors[0].extensions.code", equalTo("LEADER_CANNOT_LEAVE"));
        GRAPHQL.post("query($v: ID!) { volunteer(id: $v) { teams { id } } }", Map.of("v", leader))
                .body("data.volunteer.teams.id", containsInAnyOrder(team));
    }

    @Test
    void aCommunitysTeamTakesOnlyItsOwnCommunitysVolunteers() {
        String team = team(town.adminA, town.communityA, "PARTY_TEAM");
        String outsider = RosterFixtures.volunteer(town.communityB);
        // the administrator of A may not even name B's volunteer
        add(town.adminA, team, outsider).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        // a system administrator may, but the team is A's
        add(GRAPHQL, team, outsider).body("errors[0].extensions.code", equalTo("OTHER_COMMUNITY"));
        GRAPHQL.post("query($v: ID!) { volunteer(id: $v) { teams { id } } }", Map.of("v", outsider))
                .body("data.volunteer.teams", hasSize(0));
    }

    @Test
    void aCityWideTeamIsStaffedBySystemAdministratorsOnly() {
        String cityWide = GRAPHQL.data("mutation($n: String!) { createTeam(name: $n, kind: PARTY_TEAM) { id community { id } } }",
                Map.of("n", RosterFixtures.unique("银行先锋队"))).getString("createTeam.id");
        String person = RosterFixtures.volunteer(town.communityA);
        add(town.adminA, cityWide, person).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        add(GRAPHQL, cityWide, person).body("data.addTeamMember.members.id", containsInAnyOrder(person))
                .body("data.addTeamMember.community", nullValue());
        town.adminA.post("mutation($n: String!) { createTeam(name: $n) { id } }", Map.of("n", RosterFixtures.unique("队")))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aLeaderOfAnotherCommunityIsRefusedAndNoTeamIsMade() {
        String name = RosterFixtures.unique("队");
        town.adminA.post("mutation($n: String!, $c: ID!, $l: ID!) { createTeam(name: $n, communityId: $c, leaderId: $l) { id } }",
                        Map.of("n", name, "c", town.communityA, "l", RosterFixtures.volunteer(town.communityB)))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        // the name is still free: nothing was stored
        team(town.adminA, town.communityA, name, "OTHER");
    }

    @Test
    void createVolunteerWithATeamMakesThemAMember() {
        String team = team(town.adminA, town.communityA, "MEAL_DELIVERY");
        Map<String, Object> input = new HashMap<>();
        input.put("name", RosterFixtures.unique("送餐员"));
        input.put("communityId", town.communityA);
        input.put("teamId", team);
        String person = town.adminA.data("mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id teams { id } } }",
                Map.of("in", input)).getString("createVolunteer.id");
        GRAPHQL.post("query($v: ID!) { volunteer(id: $v) { teams { id members { id } } } }", Map.of("v", person))
                .body("data.volunteer.teams[0].id", equalTo(team))
                .body("data.volunteer.teams[0].members.id", containsInAnyOrder(person));
    }

    private static String team(GraphQLClient admin, String community, String kind) {
        return team(admin, community, RosterFixtures.unique("队"), kind);
    }

    private static String team(GraphQLClient admin, String community, String name, String kind) {
        return admin.data("mutation($n: String!, $c: ID!, $k: TeamKind) { createTeam(name: $n, communityId: $c, kind: $k) { id } }",
                Map.of("n", name, "c", community, "k", kind)).getString("createTeam.id");
    }

    private static io.restassured.response.ValidatableResponse add(GraphQLClient admin, String team, String volunteer) {
        return admin.post("mutation($t: ID!, $v: ID!) { addTeamMember(teamId: $t, volunteerId: $v) { " + TEAM + " } }",
                Map.of("t", team, "v", volunteer));
    }

    private static io.restassured.response.ValidatableResponse remove(GraphQLClient admin, String team, String volunteer) {
        return admin.post("mutation($t: ID!, $v: ID!) { removeTeamMember(teamId: $t, volunteerId: $v) { " + TEAM + " } }",
                Map.of("t", team, "v", volunteer));
    }
}
