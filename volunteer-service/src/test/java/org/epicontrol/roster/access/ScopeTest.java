package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.access.World.Who;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scope of a community-admin and of a volunteer, case by case, each checked afterwards by a query. */
@QuarkusTest
class ScopeTest {

    private static final String SHIFT = "query($s: ID!) { shift(id: $s) { cancelled assignments { volunteer { id } } } }";
    private static final Supplier<World> WORLD = World.perClass();

    @Inject
    Pool pool;

    static World world() {
        return WORLD.get();
    }

    @Test
    void communityAdminCannotChangeAnotherCommunitysShift() {
        String shiftOfA = world().shift(world().communityA);
        String before = State.of(pool);

        world().as(Who.ADMIN_OF_B).post("mutation($s: ID!) { cancelShift(shiftId: $s, reason: \"不是我的\") { id } }",
                        Map.of("s", shiftOfA))
                .body("data.cancelShift", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world().as(Who.ADMIN_OF_B).post("mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }",
                        Map.of("s", shiftOfA, "v", world().volunteerB))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world().as(Who.ADMIN_OF_B).post("query($s: ID!) { shift(id: $s) { id } }", Map.of("s", shiftOfA))
                .body("data.shift", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        assertEquals(before, State.of(pool));
        GRAPHQL.post(SHIFT, Map.of("s", shiftOfA))
                .body("data.shift.cancelled", equalTo(false))
                .body("data.shift.assignments", equalTo(List.of()));
    }

    @Test
    void communityAdminManagesHisOwnCommunitysShift() {
        String shiftOfA = world().shift(world().communityA);
        world().as(Who.ADMIN_OF_A).data("mutation($s: ID!, $v: ID!) { assignVolunteer(shiftId: $s, volunteerId: $v) { id } }",
                Map.of("s", shiftOfA, "v", world().volunteerA));
        world().as(Who.ADMIN_OF_A).data("mutation($s: ID!) { cancelShift(shiftId: $s, reason: \"取消\") { id } }",
                Map.of("s", shiftOfA));
        GRAPHQL.post(SHIFT, Map.of("s", shiftOfA)).body("data.shift.cancelled", equalTo(true));
    }

    @Test
    void aVolunteerCannotSignUpSomeoneElse() {
        String shift = world().shift(world().communityA);
        String colleague = RosterFixtures.volunteer(world().communityA);

        RosterFixtures.signUp(world().as(Who.VOLUNTEER_OF_A), shift, colleague)
                .body("data.signUp", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        GRAPHQL.post(SHIFT, Map.of("s", shift)).body("data.shift.assignments", equalTo(List.of()));
        RosterFixtures.signUp(world().as(Who.VOLUNTEER_OF_A), shift, world().volunteerA)
                .body("data.signUp.status", equalTo("ACTIVE"));
        GRAPHQL.post(SHIFT, Map.of("s", shift))
                .body("data.shift.assignments.volunteer.id", equalTo(List.of(world().volunteerA)));
    }

    @Test
    void aVolunteerCannotSignUpForAnotherCommunitysShift() {
        String shiftOfB = world().shift(world().communityB);
        RosterFixtures.signUp(world().as(Who.VOLUNTEER_OF_A), shiftOfB, world().volunteerA)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GRAPHQL.post(SHIFT, Map.of("s", shiftOfB)).body("data.shift.assignments", equalTo(List.of()));
    }

    @Test
    void aVolunteerCannotSwapSomeoneElsesShift() {
        String shift = world().shift(world().communityA);
        String colleague = RosterFixtures.volunteer(world().communityA);
        String theirs = world().assignment(shift, colleague);
        String before = State.of(pool);

        world().as(Who.VOLUNTEER_OF_A).post("mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id } }",
                        Map.of("a", theirs, "to", world().volunteerA))
                .body("data.proposeSwap", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world().as(Who.VOLUNTEER_OF_A).post("mutation($a: ID!) { cancelAssignment(assignmentId: $a, reason: \"x\") { id } }",
                        Map.of("a", theirs))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        assertEquals(before, State.of(pool));
        GRAPHQL.post(SHIFT, Map.of("s", shift)).body("data.shift.assignments.volunteer.id", equalTo(List.of(colleague)));
    }

    @Test
    void aVolunteerCannotAcceptASwapInSomeoneElsesName() {
        String shift = world().shift(world().communityA);
        String mine = world().assignment(shift, world().volunteerA);
        String colleague = RosterFixtures.volunteer(world().communityA);
        String swap = world().as(Who.VOLUNTEER_OF_A).data(
                "mutation($a: ID!, $to: ID!) { proposeSwap(assignmentId: $a, toVolunteerId: $to) { id } }",
                Map.of("a", mine, "to", colleague)).getString("proposeSwap.id");

        world().as(Who.VOLUNTEER_OF_A).post("mutation($s: ID!, $v: ID!) { acceptSwap(swapId: $s, volunteerId: $v) { status } }",
                        Map.of("s", swap, "v", colleague))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world().as(Who.VOLUNTEER_OF_B).post("mutation($s: ID!, $v: ID!) { withdrawSwap(swapId: $s, volunteerId: $v) { status } }",
                        Map.of("s", swap, "v", world().volunteerB))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        GRAPHQL.post(SHIFT, Map.of("s", shift)).body("data.shift.assignments.volunteer.id", equalTo(List.of(world().volunteerA)));
    }

    @Test
    void aVolunteerSeesOnlyHisOwnHours() {
        String shift = world().shift(world().communityA);
        world().assignment(shift, world().volunteerA);
        world().assignment(shift, RosterFixtures.volunteer(world().communityA));
        OffsetDateTime start = OffsetDateTime.parse(GRAPHQL.data("query($s: ID!) { shift(id: $s) { startsAt } }",
                Map.of("s", shift)).getString("shift.startsAt"));
        String hours = "query($c: ID!, $f: DateTime!, $t: DateTime!) { volunteerHours(community: $c, from: $f, to: $t)"
                + " { volunteer { id } } }";
        Map<String, Object> window = Map.of("c", world().communityA, "f", start.minusDays(1).toString(),
                "t", start.plusDays(1).toString());

        List<String> seen = world().as(Who.VOLUNTEER_OF_A).data(hours, window).getList("volunteerHours.volunteer.id");

        assertEquals(List.of(world().volunteerA), seen);
        assertEquals(2, world().as(Who.ADMIN_OF_A).data(hours, window).getList("volunteerHours").size());
        world().as(Who.VOLUNTEER_OF_B).post(hours, window).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aGridWorkerManagesTasksOfHisGridButNotOfTheCommunitysOtherGrids() {
        String otherGrid = RosterFixtures.orgUnit("GRID", RosterFixtures.unique("二网格"), world().communityA);
        String mine = world().task(world().gridA);
        String notMine = world().task(otherGrid);

        world().as(Who.GRID_WORKER_OF_A).data("mutation($t: ID!, $v: ID!) { assignTask(taskId: $t, volunteerId: $v) { id } }",
                Map.of("t", mine, "v", world().volunteerA));
        world().as(Who.GRID_WORKER_OF_A).post("mutation($t: ID!, $v: ID!) { assignTask(taskId: $t, volunteerId: $v) { id } }",
                        Map.of("t", notMine, "v", world().volunteerA))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        GRAPHQL.post("query($u: ID!) { tasks(unitId: $u) { edges { node { status } } } }", Map.of("u", otherGrid))
                .body("data.tasks.edges.node.status", equalTo(List.of("OPEN")));
    }

    @Test
    void aDistrictOfficerReadsButDoesNotWrite() {
        world().as(Who.OFFICER_OF_DISTRICT).data("query($c: ID!) { community(id: $c) { volunteers { id } dutyPosts { id } } }",
                Map.of("c", world().communityA));
        world().as(Who.OFFICER_OF_DISTRICT).post("mutation($c: ID!) { setRosterRules(community: $c, maxHoursPer24h: 4) }",
                        Map.of("c", world().communityA))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world().as(Who.OFFICER_ELSEWHERE).post("query($c: ID!) { community(id: $c) { name volunteers { id } } }",
                        Map.of("c", world().communityA))
                .body("data.community.name", notNullValue())
                .body("data.community.volunteers", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path", equalTo(List.of("community", "volunteers")));
    }
}
