package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.access.World.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.function.Supplier;

import static org.epicontrol.roster.access.World.Who.ADMIN_OF_A;
import static org.epicontrol.roster.access.World.Who.ADMIN_OF_B;
import static org.epicontrol.roster.access.World.Who.OFFICER_ELSEWHERE;
import static org.epicontrol.roster.access.World.Who.ANONYMOUS;
import static org.epicontrol.roster.access.World.Who.GRID_WORKER_OF_A;
import static org.epicontrol.roster.access.World.Who.OFFICER_OF_DISTRICT;
import static org.epicontrol.roster.access.World.Who.SYSTEM_ADMIN;
import static org.epicontrol.roster.access.World.Who.VOLUNTEER_OF_A;
import static org.epicontrol.roster.org.OrgFixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Role × operation, on community A's objects: every allowed case succeeds (and a write records its audit event),
 * every other one is refused with UNAUTHENTICATED (no token) or FORBIDDEN, and changes nothing.
 */
@QuarkusTest
class RosterAccessTest {

    /** An operation on objects of community A, prepared fresh for each case by a system administrator. */
    record Operation(String name, boolean write, Set<Who> allowed, Function<World, Call> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Call(String query, Map<String, Object> variables) {
    }

    private static final Supplier<World> WORLD = World.perClass();

    @Inject
    Pool pool;

    static World world() {
        return WORLD.get();
    }

    static List<Operation> operations() {
        return List.of(
                new Operation("createDutyPost", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A), w -> new Call(
                        "mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }",
                        Map.of("in", Map.of("communityId", w.communityA, "name", "岗" + System.nanoTime(),
                                "kind", "PATROL", "requiredHeadcount", 1)))),
                new Operation("createShift", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A), w -> new Call(
                        "mutation($p: ID!) { createShift(postId: $p, startsAt: \"2033-01-01T08:00:00+08:00\","
                                + " endsAt: \"2033-01-01T16:00:00+08:00\") { id } }",
                        Map.of("p", w.post(w.communityA)))),
                new Operation("cancelShift", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A), w -> new Call(
                        "mutation($s: ID!) { cancelShift(shiftId: $s, reason: \"暴雨\") { id } }",
                        Map.of("s", w.shift(w.communityA)))),
                new Operation("assignVolunteer", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A), w -> new Call(
                        "mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }",
                        Map.of("s", w.shift(w.communityA), "v", w.volunteerA))),
                new Operation("signUp", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, VOLUNTEER_OF_A), w -> new Call(
                        "mutation($s: ID!, $v: ID!) { signUp(shiftId: $s, volunteerId: $v) { id } }",
                        Map.of("s", w.shift(w.communityA), "v", w.volunteerA))),
                new Operation("cancelAssignment", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A), w -> new Call(
                        "mutation($a: ID!) { cancelAssignment(assignmentId: $a, reason: \"生病\") { id } }",
                        Map.of("a", w.assignment(w.shift(w.communityA), w.volunteerA)))),
                new Operation("proposeSwap", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, VOLUNTEER_OF_A), w -> new Call(
                        "mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id } }",
                        Map.of("a", w.assignment(w.shift(w.communityA), w.volunteerA),
                                "to", RosterFixtures.volunteer(w.communityA)))),
                new Operation("createVolunteer", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A), w -> new Call(
                        "mutation($in: VolunteerInput!) { createVolunteer(input: $in) { id } }",
                        Map.of("in", Map.of("name", "新人", "communityId", w.communityA)))),
                new Operation("setRosterRules", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A), w -> new Call(
                        "mutation($c: ID!) { setRosterRules(community: $c, maxHoursPer24h: 12) }",
                        Map.of("c", w.communityA))),
                new Operation("createTask", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, GRID_WORKER_OF_A), w -> new Call(
                        "mutation($in: TaskInput!) { createTask(input: $in) { id } }",
                        Map.of("in", Map.of("kind", "MEDICINE_PURCHASE", "unitId", w.gridA, "household", "2号楼")))),
                new Operation("assignTask", true, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, GRID_WORKER_OF_A), w -> new Call(
                        "mutation($t: ID!, $v: ID!) { assignTask(taskId: $t, volunteerId: $v) { id } }",
                        Map.of("t", w.task(w.gridA), "v", w.volunteerA))),
                new Operation("createOrgUnit", true, EnumSet.of(SYSTEM_ADMIN), w -> new Call(
                        "mutation($p: ID!, $n: String!) { createOrgUnit(kind: GRID, name: $n, parentId: $p) { id } }",
                        Map.of("p", w.communityA, "n", "网格" + System.nanoTime()))),
                new Operation("importOrganisation", true, EnumSet.of(SYSTEM_ADMIN), w -> new Call(
                        "mutation($csv: String!) { importOrganisation(csv: $csv) { stored } }",
                        Map.of("csv", "district,street,community,grid,building\n导入区" + System.nanoTime() + ",街,社区,,\n"))),
                new Operation("coverageGaps", false, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, OFFICER_OF_DISTRICT), w -> new Call(
                        "query($c: ID!) { coverageGaps(community: $c, from: \"2032-01-01T00:00:00Z\","
                                + " to: \"2032-01-02T00:00:00Z\") { from } }", Map.of("c", w.communityA))),
                // a grid worker of A works with A's people (task assignees, responsibilities): see RosterAccess
                new Operation("volunteer", false, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, OFFICER_OF_DISTRICT, VOLUNTEER_OF_A,
                        GRID_WORKER_OF_A),
                        w -> new Call("query($v: ID!) { volunteer(id: $v) { name } }", Map.of("v", w.volunteerA))),
                new Operation("shift", false, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, OFFICER_OF_DISTRICT, VOLUNTEER_OF_A),
                        w -> new Call("query($s: ID!) { shift(id: $s) { id assignments { id } } }",
                                Map.of("s", w.shift(w.communityA)))),
                new Operation("tasks", false, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, OFFICER_OF_DISTRICT, GRID_WORKER_OF_A),
                        w -> new Call("query($u: ID!) { tasks(unitId: $u) { edges { node { id } } } }",
                                Map.of("u", w.gridA))),
                // everyone responsible somewhere reads the trail, each of their own part (see AuditTrailTest)
                new Operation("rosterAuditTrail", false, EnumSet.of(SYSTEM_ADMIN, ADMIN_OF_A, ADMIN_OF_B, OFFICER_OF_DISTRICT,
                        OFFICER_ELSEWHERE),
                        w -> new Call("{ rosterAuditTrail(first: 5) { edges { node { action } } } }", Map.of())));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Operation operation : operations()) {
            for (Who who : Who.values()) {
                String expected = operation.allowed().contains(who) ? "allowed"
                        : who == ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN";
                cases.add(Arguments.of(operation, who, expected));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void eachRoleMayDoExactlyWhatThePolicySays(Operation operation, Who who, String expected) {
        Call call = operation.prepare().apply(world());
        long eventsBefore = count(pool, "audit_event");
        String stateBefore = State.of(pool);

        JsonPath answer = world().as(who).post(call.query(), new HashMap<>(call.variables())).extract().jsonPath();

        if (expected.equals("allowed")) {
            assertNull(answer.get("errors"), () -> "errors: " + answer.get("errors"));
            assertNotNull(answer.get("data." + operation.name()));
            if (operation.write()) {
                assertTrue(count(pool, "audit_event") > eventsBefore, "a write records its audit event");
            }
        } else {
            assertEquals(expected, answer.getString("errors[0].extensions.code"), () -> "answer: " + answer.prettify());
            assertEquals(List.of(operation.name()), answer.getList("errors[0].path"));
            assertTrue(answer.getString("errors[0].message").contains(operation.name()), "the message names the operation");
            assertNull(answer.get("data." + operation.name()));
            assertEquals(stateBefore, State.of(pool), "a refused operation changes nothing");
        }
    }
}
