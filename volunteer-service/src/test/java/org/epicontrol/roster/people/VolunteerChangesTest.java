package org.epicontrol.roster.people;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.mobilisation.Town;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class VolunteerChangesTest {

    private static final AtomicInteger DAYS = new AtomicInteger();

    private Town town;

    @BeforeEach
    void town() {
        town = new Town();
    }

    @Test
    void theCommunitysAdministratorUpdatesWhatIsGivenAndKeepsTheRest() {
        String person = RosterFixtures.volunteer(town.communityA, "RESIDENT");
        Map<String, Object> change = new HashMap<>();
        change.put("name", "王建国");
        change.put("kinds", List.of("PARTY_MEMBER", "VETERAN"));
        change.put("skills", List.of("驾驶", "医护"));
        update(town.adminA, person, change)
                .body("errors", nullValue())
                .body("data.updateVolunteer.name", equalTo("王建国"))
                .body("data.updateVolunteer.kinds", contains("PARTY_MEMBER", "VETERAN"))
                .body("data.updateVolunteer.skills", contains("驾驶", "医护"))
                // the phone was not named: unchanged
                .body("data.updateVolunteer.phone", equalTo("13800000000"));
        update(town.adminA, person, Map.of("phone", "not a phone")).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        update(town.adminA, person, Map.of("name", " ")).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void anotherCommunitysAdministratorCannotUpdateNorDeactivate() {
        String person = RosterFixtures.volunteer(town.communityA, "RESIDENT");
        update(town.adminB, person, Map.of("name", "改名")).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        deactivate(town.adminB, person, "离开").body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GRAPHQL.post("query($v: ID!) { volunteer(id: $v) { name active } }", Map.of("v", person))
                .body("data.volunteer.active", equalTo(true))
                .body("data.volunteer.name", org.hamcrest.Matchers.startsWith("志愿者"));
    }

    @Test
    void deactivationCancelsComingAssignmentsAndRefusesNewOnes() {
        String person = RosterFixtures.volunteer(town.communityA);
        String post = RosterFixtures.post(town.communityA, "PATROL", 3);
        String coming = shift(post);
        String assignment = RosterFixtures.signUp(coming, person).extract().path("data.signUp.id");
        deactivate(town.adminA, person, "返岗复工").body("errors", nullValue())
                .body("data.deactivateVolunteer.active", equalTo(false));
        // the place is free again; the trail names the cancelled assignment and why
        GRAPHQL.post("query($s: ID!) { shift(id: $s) { assignments { id } } }", Map.of("s", coming))
                .body("data.shift.assignments", org.hamcrest.Matchers.empty());
        GRAPHQL.post("query($id: ID) { rosterAuditTrail(targetType: \"Volunteer\", targetId: $id, first: 1) {"
                        + " edges { node { action details } } } }", Map.of("id", person))
                .body("data.rosterAuditTrail.edges[0].node.action", equalTo("DEACTIVATE_VOLUNTEER"))
                .body("data.rosterAuditTrail.edges[0].node.details", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("\"cancelledAssignments\": [" + assignment + "]"),
                        org.hamcrest.Matchers.containsString("返岗复工")));
        RosterFixtures.signUp(shift(post), person).body("errors[0].extensions.code", equalTo("VOLUNTEER_INACTIVE"));
        GRAPHQL.post("mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }",
                        Map.of("s", shift(post), "v", person))
                .body("errors[0].extensions.code", equalTo("VOLUNTEER_INACTIVE"));
        deactivate(town.adminA, person, "again").body("errors[0].extensions.code", equalTo("VOLUNTEER_INACTIVE"));
    }

    @Test
    void aDeactivationNeedsAReasonAndChangesNothingWithoutOne() {
        String person = RosterFixtures.volunteer(town.communityA);
        deactivate(town.adminA, person, "  ").body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        GRAPHQL.post("query($v: ID!) { volunteer(id: $v) { active } }", Map.of("v", person))
                .body("data.volunteer.active", equalTo(true));
    }

    @Test
    void aDeactivatedAccountNoLongerActsAsThatVolunteer() {
        TestTokens token = TestTokens.user("leaving").roles("volunteer");
        String person = RosterFixtures.linkedVolunteer(town.communityA, token.subject());
        String colleague = RosterFixtures.volunteer(town.communityA);
        GraphQLClient account = RosterFixtures.ANONYMOUS.bearer(token.sign());
        String read = "query($v: ID!) { volunteer(id: $v) { id } }";
        // read once, so that the account's scope is kept
        account.post(read, Map.of("v", colleague)).body("data.volunteer.id", equalTo(colleague));
        deactivate(town.adminA, person, "搬离本社区").body("errors", nullValue());
        account.post(read, Map.of("v", colleague)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        RosterFixtures.signUp(account, shift(RosterFixtures.post(town.communityA, "PATROL", 2)), person)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void updatesAndDeactivationsAreOnTheAuditTrail() {
        String person = RosterFixtures.volunteer(town.communityA);
        update(town.adminA, person, Map.of("skills", List.of("消杀")));
        deactivate(town.adminA, person, "身体原因");
        town.adminA.post("query($id: ID) { rosterAuditTrail(targetType: \"Volunteer\", targetId: $id) { edges { node { action } } } }",
                        Map.of("id", person))
                .body("data.rosterAuditTrail.edges.node.action", hasItem("DEACTIVATE_VOLUNTEER"))
                .body("data.rosterAuditTrail.edges.node.action", hasItem("UPDATE_VOLUNTEER"));
    }

    /** A 4 h shift tomorrow-and-later, each on a day of its own, so one person may take any of them. */
    private static String shift(String post) {
        LocalDate day = LocalDate.now().plusDays(2 + DAYS.getAndIncrement());
        return GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                        Map.of("p", post, "s", day + "T08:00:00+08:00", "e", day + "T12:00:00+08:00"))
                .getString("createShift.id");
    }

    private static io.restassured.response.ValidatableResponse update(GraphQLClient admin, String id, Map<String, Object> change) {
        return admin.post("mutation($id: ID!, $in: VolunteerUpdate!) { updateVolunteer(id: $id, input: $in) {"
                + " name kinds skills phone } }", Map.of("id", id, "in", change));
    }

    private static io.restassured.response.ValidatableResponse deactivate(GraphQLClient admin, String id, String reason) {
        return admin.post("mutation($id: ID!, $r: String!) { deactivateVolunteer(id: $id, reason: $r) { id active } }",
                Map.of("id", id, "r", reason));
    }
}
