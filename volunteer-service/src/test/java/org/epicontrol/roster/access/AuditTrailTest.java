package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.access.World.Who;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.count;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every write leaves an event naming its actor, written with the change; staff read the events of their scope. */
@QuarkusTest
class AuditTrailTest {

    private static final String TRAIL = """
            query($type: String, $id: ID, $actor: String) { rosterAuditTrail(targetType: $type, targetId: $id, actor: $actor) {
              edges { node { at actor action targetType targetId details } } } }""";
    private static final Supplier<World> WORLD = World.perClass();

    @Inject
    Pool pool;

    static World world() {
        return WORLD.get();
    }

    @Test
    void aSignUpIsRecordedWithTheVolunteerAsActor() {
        String shift = world().shift(world().communityA);
        String assignment = RosterFixtures.signUp(world().as(Who.VOLUNTEER_OF_A), shift, world().volunteerA)
                .extract().path("data.signUp.id");

        List<Map<String, Object>> events = events(GRAPHQL, "Assignment", assignment);

        assertEquals(1, events.size());
        assertEquals("SIGN_UP", events.get(0).get("action"));
        assertEquals("vol-a", events.get(0).get("actor"));
        JsonPath details = JsonPath.from((String) events.get(0).get("details"));
        assertEquals(Long.parseLong(shift), details.getLong("shiftId"));
        assertEquals(Long.parseLong(world().volunteerA), details.getLong("volunteerId"));
    }

    @Test
    void aHandOverIsRecordedForTheOneWhoProposedAndTheOneWhoAccepted() {
        TestTokens colleagueToken = TestTokens.user("colleague").roles("volunteer");
        String colleague = RosterFixtures.linkedVolunteer(world().communityA, colleagueToken.subject());
        String mine = world().assignment(world().shift(world().communityA), world().volunteerA);
        String swap = world().as(Who.VOLUNTEER_OF_A).data(
                "mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id } }",
                Map.of("a", mine, "to", colleague)).getString("proposeSwap.id");
        RosterFixtures.ANONYMOUS.bearer(colleagueToken.sign()).data(
                "mutation($s: ID!, $v: ID!) { acceptSwap(swapId: $s, volunteerId: $v) { status } }",
                Map.of("s", swap, "v", colleague));

        List<Map<String, Object>> events = events(GRAPHQL, "SwapRequest", swap);

        // newest first
        assertEquals(List.of("HAND_OVER", "PROPOSE_SWAP"), events.stream().map(e -> e.get("action")).toList());
        assertEquals(List.of("colleague", "vol-a"), events.stream().map(e -> e.get("actor")).toList());
    }

    @Test
    void aCancellationIsRecordedWithItsReason() {
        String assignment = world().assignment(world().shift(world().communityA), world().volunteerA);
        world().as(Who.ADMIN_OF_A).data("mutation($a: ID!) { cancelAssignment(assignmentId: $a, reason: \"发烧\") { id } }",
                Map.of("a", assignment));

        List<Map<String, Object>> events = events(GRAPHQL, "Assignment", assignment);

        assertEquals(List.of("CANCEL_ASSIGNMENT", "SIGN_UP"), events.stream().map(e -> e.get("action")).toList());
        assertEquals("admin-a", events.get(0).get("actor"));
        assertEquals("发烧", JsonPath.from((String) events.get(0).get("details")).getString("reason"));
    }

    @Test
    void aRefusedWriteLeavesNoEvent() {
        String shift = GRAPHQL.data("mutation($p: ID!) { createShift(postId: $p, startsAt: \"2034-01-01T08:00:00+08:00\","
                        + " endsAt: \"2034-01-01T12:00:00+08:00\", requiredHeadcount: 1) { id } }",
                Map.of("p", world().post(world().communityA))).getString("createShift.id");
        RosterFixtures.signUp(shift, RosterFixtures.volunteer(world().communityA));
        long before = count(pool, "audit_event");

        RosterFixtures.signUp(world().as(Who.VOLUNTEER_OF_A), shift, world().volunteerA)
                .body("errors[0].extensions.code", equalTo("SHIFT_FULL"));

        assertEquals(before, count(pool, "audit_event"));
    }

    @Test
    void communityStaffReadTheEventsOfTheirOwnScopeOnly() {
        String postOfB = world().post(world().communityB);

        assertEquals(1, events(world().as(Who.ADMIN_OF_B), "DutyPost", postOfB).size());
        assertEquals(1, events(world().as(Who.OFFICER_OF_DISTRICT), "DutyPost", postOfB).size());
        assertEquals(List.of(), events(world().as(Who.ADMIN_OF_A), "DutyPost", postOfB));
        assertEquals(List.of(), events(world().as(Who.OFFICER_ELSEWHERE), "DutyPost", postOfB));
        List<Map<String, Object>> ownTrail = world().as(Who.ADMIN_OF_A)
                .data(TRAIL, new HashMap<>(Map.of("actor", "root"))).getList("rosterAuditTrail.edges.node");
        assertTrue(ownTrail.stream().noneMatch(e -> "DutyPost".equals(e.get("targetType")) && postOfB.equals(e.get("targetId"))));
        assertTrue(ownTrail.stream().anyMatch(e -> "DutyPost".equals(e.get("targetType"))), "A's own posts are there");
    }

    @Test
    void volunteersAndAnonymousCallersDoNotReadTheTrail() {
        world().as(Who.VOLUNTEER_OF_A).post(TRAIL, Map.of())
                .body("data.rosterAuditTrail", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world().as(Who.ANONYMOUS).post(TRAIL, Map.of())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    private static List<Map<String, Object>> events(GraphQLClient client, String type, String id) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("type", type);
        vars.put("id", id);
        return client.data(TRAIL, vars).getList("rosterAuditTrail.edges.node");
    }
}
