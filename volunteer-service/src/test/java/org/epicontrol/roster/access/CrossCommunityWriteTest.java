package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.access.World.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.access.World.Who.ADMIN_OF_A;
import static org.epicontrol.roster.access.World.Who.GRID_WORKER_OF_A;
import static org.epicontrol.roster.access.World.Who.VOLUNTEER_OF_A;
import static org.epicontrol.roster.access.World.Who.VOLUNTEER_OF_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Writes of community A's staff and volunteers that name an object of community B in any argument (a volunteer, a
 * shift, a unit, an assignment, a swap, a wish, a team): each is refused with FORBIDDEN at the mutation, before any
 * rule reads B's object (no NOT_QUALIFIED naming its kinds), and the database, audit trail included, is unchanged.
 */
@QuarkusTest
class CrossCommunityWriteTest {

    /** A write by {@code who}, its arguments prepared fresh by a system administrator. */
    record Write(String name, Who who, String mutation, Function<World, Map<String, Object>> prepare) {
        @Override
        public String toString() {
            return name + " by " + who;
        }
    }

    private static final Supplier<World> WORLD = World.perClass();

    @Inject
    Pool pool;

    static List<Write> writes() {
        return List.of(
                new Write("assignVolunteer of B's volunteer to A's shift", ADMIN_OF_A, ASSIGN_VOLUNTEER,
                        w -> Map.of("s", w.shift(w.communityA), "v", w.volunteerB)),
                new Write("assignVolunteer of B's unqualified volunteer to A's party-member post", ADMIN_OF_A,
                        ASSIGN_VOLUNTEER, w -> Map.of("s", shiftOf(RosterFixtures.post(w.communityA, "PATROL", 2,
                                "PARTY_MEMBER")), "v", w.volunteerB)),
                new Write("assignVolunteer of A's volunteer to B's shift", ADMIN_OF_A, ASSIGN_VOLUNTEER,
                        w -> Map.of("s", w.shift(w.communityB), "v", w.volunteerA)),
                new Write("signUp of B's volunteer for A's shift", ADMIN_OF_A, SIGN_UP,
                        w -> Map.of("s", w.shift(w.communityA), "v", w.volunteerB)),
                new Write("signUp of himself for B's shift", VOLUNTEER_OF_A, SIGN_UP,
                        w -> Map.of("s", w.shift(w.communityB), "v", w.volunteerA)),
                new Write("assignTask of A's task to B's volunteer", ADMIN_OF_A, ASSIGN_TASK,
                        w -> Map.of("t", w.task(w.gridA), "v", w.volunteerB)),
                new Write("assignTask of A's task to B's volunteer", GRID_WORKER_OF_A, ASSIGN_TASK,
                        w -> Map.of("t", w.task(w.gridA), "v", w.volunteerB)),
                new Write("assignResponsibility for A's grid to B's volunteer", ADMIN_OF_A, ASSIGN_RESPONSIBILITY,
                        w -> Map.of("u", w.gridA, "v", w.volunteerB)),
                new Write("assignResponsibility for B's grid to A's volunteer", ADMIN_OF_A, ASSIGN_RESPONSIBILITY,
                        w -> Map.of("u", w.gridB, "v", w.volunteerA)),
                new Write("proposeSwap of his shift to B's volunteer", VOLUNTEER_OF_A, PROPOSE_SWAP,
                        w -> Map.of("a", w.assignment(w.shift(w.communityA), w.volunteerA), "to", w.volunteerB)),
                new Write("proposeSwap of A's shift to B's volunteer", ADMIN_OF_A, PROPOSE_SWAP,
                        w -> Map.of("a", w.assignment(w.shift(w.communityA), w.volunteerA), "to", w.volunteerB)),
                new Write("proposeSwap in exchange for a shift of B", ADMIN_OF_A, PROPOSE_EXCHANGE, w -> {
                    String colleague = RosterFixtures.volunteer(w.communityA);
                    return Map.of("a", w.assignment(w.shift(w.communityA), w.volunteerA), "to", colleague,
                            "toA", w.assignment(w.shift(w.communityB), colleague));
                }),
                new Write("acceptSwap for B's volunteer", ADMIN_OF_A, ACCEPT_SWAP,
                        w -> Map.of("w", swapToB(w), "v", w.volunteerB)),
                new Write("declineSwap for B's volunteer", ADMIN_OF_A, DECLINE_SWAP,
                        w -> Map.of("w", swapToB(w), "v", w.volunteerB)),
                new Write("acceptSwap of a swap of A", VOLUNTEER_OF_B, ACCEPT_SWAP,
                        w -> Map.of("w", swapToB(w), "v", w.volunteerB)),
                new Write("claimWish of A's wish for B's volunteer", ADMIN_OF_A, CLAIM_WISH,
                        w -> Map.of("w", wish(w.communityA), "v", w.volunteerB)),
                new Write("claimWish of A's wish for himself", VOLUNTEER_OF_B, CLAIM_WISH,
                        w -> Map.of("w", wish(w.communityA), "v", w.volunteerB)),
                new Write("createVolunteer in B's team", ADMIN_OF_A, CREATE_VOLUNTEER,
                        w -> Map.of("in", Map.of("name", "新人", "communityId", w.communityA, "teamId", team(w.communityB)))),
                new Write("cancelAssignment on B's shift", ADMIN_OF_A, CANCEL_ASSIGNMENT,
                        w -> Map.of("a", w.assignment(w.shift(w.communityB), w.volunteerB))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void aWriteNamingAnotherCommunitysObjectIsRefusedAndChangesNothing(Write write) {
        Map<String, Object> variables = new HashMap<>(write.prepare().apply(WORLD.get()));
        String before = State.of(pool);

        JsonPath answer = WORLD.get().as(write.who()).post(write.mutation(), variables).extract().jsonPath();

        assertEquals("FORBIDDEN", answer.getString("errors[0].extensions.code"), answer::prettify);
        String operation = answer.getList("errors[0].path").get(0).toString();
        assertNull(answer.get("data." + operation), answer::prettify);
        assertFalse(answer.getString("errors[0].message").contains("PARTY_MEMBER")
                || answer.getString("errors[0].message").contains("none of them"), "B's volunteer's kinds stay unread");
        assertEquals(before, State.of(pool), "a refused write changes nothing, audit trail included");
    }

    private static final String ASSIGN_VOLUNTEER =
            "mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }";
    private static final String SIGN_UP = "mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id } }";
    private static final String ASSIGN_TASK = "mutation($t: ID!, $v: ID!) { assignTask(taskId: $t, volunteerId: $v) { id } }";
    private static final String ASSIGN_RESPONSIBILITY =
            "mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v) { id } }";
    private static final String PROPOSE_SWAP =
            "mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id } }";
    private static final String PROPOSE_EXCHANGE = "mutation($a: ID!, $to: ID!, $toA: ID!) {"
            + " proposeSwap(assignmentId: $a, toVolunteerId: $to, toAssignmentId: $toA) { id } }";
    private static final String ACCEPT_SWAP = "mutation($w: ID!, $v: ID!) { acceptSwap(swapId: $w, volunteerId: $v) { id } }";
    private static final String DECLINE_SWAP = "mutation($w: ID!, $v: ID!) { declineSwap(swapId: $w, volunteerId: $v) { id } }";
    private static final String CLAIM_WISH = "mutation($w: ID!, $v: ID!) { claimWish(wishId: $w, volunteerId: $v) { id } }";
    private static final String CREATE_VOLUNTEER = "mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }";
    private static final String CANCEL_ASSIGNMENT =
            "mutation($a: ID!) { cancelAssignment(assignmentId: $a, reason: \"生病\") { id } }";

    private static String shiftOf(String post) {
        return GRAPHQL.data("mutation($p: ID!) { createShift(postId: $p, startsAt: \"2034-03-01T08:00:00+08:00\","
                + " endsAt: \"2034-03-01T12:00:00+08:00\") { id } }", Map.of("p", post)).getString("createShift.id");
    }

    /** A hand-over of A's volunteer's shift offered to B's volunteer (only a system administrator may do that). */
    private static String swapToB(World w) {
        return GRAPHQL.data(PROPOSE_SWAP, Map.of("a", w.assignment(w.shift(w.communityA), w.volunteerA),
                "to", w.volunteerB)).getString("proposeSwap.id");
    }

    private static String wish(String community) {
        return GRAPHQL.data("mutation($c: ID!) { postWish(communityId: $c, household: \"1号楼\", kind: MEDICINE,"
                + " description: \"药\") { id } }", Map.of("c", community)).getString("postWish.id");
    }

    private static String team(String community) {
        return GRAPHQL.data("mutation($n: String!, $c: ID!) { createTeam(name: $n, communityId: $c) { id } }",
                Map.of("n", RosterFixtures.unique("队"), "c", community)).getString("createTeam.id");
    }
}
