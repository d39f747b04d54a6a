package org.epicontrol.roster.testing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.testing.RoundWorld.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.testing.RoundWorld.record;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every caller kind against every testing field and write: community A's round over its grids A1 (buildings A1a,
 * A1b) and A2 (A2a). Refused writes change nothing; refused reads are null with the error at their path.
 */
@QuarkusTest
class TestingAccessTest {

    private static final Set<Who> READERS_OF_A = EnumSet.of(Who.SYSTEM_ADMIN, Who.ADMIN_OF_A, Who.OFFICER_OF_DISTRICT,
            Who.GRID_WORKER_OF_A1, Who.GRID_WORKER_OF_A2, Who.RESPONSIBLE_FOR_A1, Who.CAPTAIN_OF_A1A, Who.VOLUNTEER_OF_A);
    private static final Set<Who> STAFF_OF_A = EnumSet.of(Who.SYSTEM_ADMIN, Who.ADMIN_OF_A, Who.OFFICER_OF_DISTRICT);
    private static final Set<Who> MANAGERS_OF_A = EnumSet.of(Who.SYSTEM_ADMIN, Who.ADMIN_OF_A);
    private static final String MISSED = """
            query($r: ID!, $u: ID) { testingRound(id: $r) { id
              missedHouseholds(unitId: $u) { totalCount edges { node { household { id } } } }
              tests(unitId: $u) { totalCount edges { node { status household { id } } } } } }""";

    private static RoundWorld world;
    private static String round;
    private static String doorOfA1a;
    private static String doorOfA2a;
    private static String positiveDoor;

    @Inject
    Pool pool;

    @BeforeEach
    void communityAHasARound() {
        if (world == null) {
            world = new RoundWorld(pool);
            List<String> a1a = world.households(world.a1a, 3, 3);
            doorOfA1a = a1a.get(0);
            positiveDoor = a1a.get(2);
            doorOfA2a = world.households(world.a2a, 1, 3).get(0);
            round = world.round(world.communityA);
            record(GRAPHQL, round, doorOfA2a, "NOT_AT_HOME", null, null);
        }
    }

    @Test
    void aRoundAndItsProgressAreReadByItsCommunitysPeopleOnly() {
        for (Who who : Who.values()) {
            ValidatableResponse answer = world.as(who).post("query($r: ID!) { testingRound(id: $r) { id"
                    + " progress { households missing byBuilding { unitLabel households } } } }", Map.of("r", round));
            if (READERS_OF_A.contains(who)) {
                answer.body("errors", nullValue()).body("data.testingRound.progress.households", equalTo(4));
            } else {
                refused(answer, who, "testingRound");
            }
        }
    }

    @Test
    void testingRoundsOfAUnitAreRefusedWhenOneIsOutsideTheCallersReach() {
        String rounds = "query($u: ID!) { testingRounds(unitId: $u) { id } }";
        for (Who who : Who.values()) {
            ValidatableResponse answer = world.as(who).post(rounds, Map.of("u", world.gridA1));
            if (READERS_OF_A.contains(who)) {
                answer.body("errors", nullValue()).body("data.testingRounds.id", equalTo(List.of(round)));
            } else {
                refused(answer, who, "testingRounds");
            }
        }
    }

    @Test
    void theWholeCommunitysHouseholdsAreListedToItsStaffOnly() {
        assertListedTo(null, STAFF_OF_A);
    }

    @Test
    void aGridsHouseholdsAreListedToItsGridWorkersByGroupOrResponsibilityToo() {
        Set<Who> allowed = EnumSet.copyOf(STAFF_OF_A);
        allowed.add(Who.GRID_WORKER_OF_A1);
        allowed.add(Who.RESPONSIBLE_FOR_A1);
        assertListedTo(world.gridA1, allowed);
    }

    @Test
    void aBuildingsHouseholdsAreListedToItsCaptainToo() {
        Set<Who> allowed = EnumSet.copyOf(STAFF_OF_A);
        allowed.addAll(List.of(Who.GRID_WORKER_OF_A1, Who.RESPONSIBLE_FOR_A1, Who.CAPTAIN_OF_A1A));
        assertListedTo(world.a1a, allowed);
    }

    private void assertListedTo(String unit, Set<Who> allowed) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("r", round);
        vars.put("u", unit);
        for (Who who : Who.values()) {
            ValidatableResponse answer = world.as(who).post(MISSED, vars);
            if (allowed.contains(who)) {
                answer.body("errors", nullValue())
                        .body("data.testingRound.missedHouseholds.totalCount", notNullValue())
                        .body("data.testingRound.tests.totalCount", notNullValue());
            } else if (READERS_OF_A.contains(who)) {
                // the round is theirs to read, the households listed are not: the lists are refused at their own
                // paths (non-null fields, so the round above them is null too)
                answer.body("data.testingRound", nullValue())
                        .body("errors.extensions.code", everyItem(equalTo("FORBIDDEN")))
                        .body("errors.path", hasItem(List.of("testingRound", "missedHouseholds")))
                        .body("errors.path", hasItem(List.of("testingRound", "tests")));
            } else {
                refused(answer, who, "testingRound");
            }
        }
    }

    @Test
    void aHouseholdIsRecordedByItsBuildingsGridWorkerAndCaptainAndTheAdministrators() {
        Set<Who> allowed = EnumSet.of(Who.SYSTEM_ADMIN, Who.ADMIN_OF_A, Who.GRID_WORKER_OF_A1, Who.RESPONSIBLE_FOR_A1,
                Who.CAPTAIN_OF_A1A);
        int n = 0;
        for (Who who : Who.values()) {
            long before = records();
            // a different reason each time, so that an allowed recording is always new
            ValidatableResponse answer = record(world.as(who), round, doorOfA1a, "NOT_AT_HOME", null, "外出" + n++);
            if (allowed.contains(who)) {
                answer.body("errors", nullValue())
                        .body("data.recordHouseholdTest.status", equalTo("NOT_AT_HOME"));
                assertEquals(before + 1, records(), who.name());
            } else {
                refused(answer, who, "recordHouseholdTest");
                assertEquals(before, records(), who + " changed nothing");
            }
        }
    }

    @Test
    void aPositiveResultAndACorrectionAreRecordedByStaffOnlyNotByTheCaptain() {
        Set<Who> allowed = EnumSet.of(Who.SYSTEM_ADMIN, Who.ADMIN_OF_A, Who.GRID_WORKER_OF_A1, Who.RESPONSIBLE_FOR_A1);
        String door = positiveDoor;
        int n = 0;
        for (Who who : Who.values()) {
            long before = records();
            ValidatableResponse positive = record(world.as(who), round, door, "POSITIVE", n++ % 3, null);
            ValidatableResponse correction = record(world.as(who), round, door, "NOT_AT_HOME", null, "更正" + n, true);
            if (allowed.contains(who)) {
                positive.body("errors", nullValue());
                correction.body("errors", nullValue()).body("data.recordHouseholdTest.status", equalTo("NOT_AT_HOME"));
                assertEquals(before + 2, records());
            } else {
                refused(positive, who, "recordHouseholdTest");
                refused(correction, who, "recordHouseholdTest");
                assertEquals(before, records(), who + " changed nothing");
            }
        }
    }

    @Test
    void roundsAreCreatedTaskedAndCompletedByTheCommunitysAdministrators() {
        for (Who who : Who.values()) {
            long rounds = world.scalar("select count(*) from testing_round");
            long tasks = world.scalar("select count(*) from task");
            ValidatableResponse created = world.as(who).post("mutation($in: TestingRoundInput!) {"
                    + " createTestingRound(input: $in) { id } }",
                    Map.of("in", Map.of("unitId", world.gridA1, "date", "2022-11-23")));
            ValidatableResponse tasked = world.as(who).post("mutation($r: ID!) { generateMissedTasks(roundId: $r) {"
                    + " id } }", Map.of("r", round));
            if (MANAGERS_OF_A.contains(who)) {
                created.body("errors", nullValue());
                tasked.body("errors", nullValue());
            } else {
                refused(created, who, "createTestingRound");
                refused(tasked, who, "generateMissedTasks");
                assertEquals(rounds, world.scalar("select count(*) from testing_round"));
                assertEquals(tasks, world.scalar("select count(*) from task"));
                refused(world.as(who).post("mutation($r: ID!) { completeTestingRound(id: $r) { id } }",
                        Map.of("r", round)), who, "completeTestingRound");
            }
        }
    }

    @Test
    void aHouseholdTestOfAnotherBuildingIsNotShownThroughItsHousehold() {
        // the captain records in A1a; the HouseholdTest answered to a write is the caller's own, and its household
        // field applies the household's rule all the same
        record(world.as(Who.CAPTAIN_OF_A1A), round, doorOfA1a, "TESTED", null, null)
                .body("errors", nullValue());
        world.as(Who.CAPTAIN_OF_A1A).post("mutation($r: ID!, $h: ID!) { recordHouseholdTest(roundId: $r,"
                        + " householdId: $h, status: TESTED) { status household { id } } }",
                        Map.of("r", round, "h", doorOfA2a))
                .body("data.recordHouseholdTest", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    private long records() {
        return world.scalar("select count(*) from household_test_record where round_id = $1", Long.parseLong(round));
    }

    private static void refused(ValidatableResponse answer, Who who, String field) {
        answer.body("data." + field, nullValue())
                .body("errors[0].extensions.code", equalTo(who == Who.ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN"));
    }
}
