package org.epicontrol.roster.testing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.task.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.testing.RoundWorld.record;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Door-to-door tasks for the households a round missed, their completion, and closing the round. */
@QuarkusTest
class MissedTasksTest {

    private static final String GENERATE = "mutation($r: ID!) { generateMissedTasks(roundId: $r) {"
            + " id kind household status description unit { id } } }";
    private static final String COMPLETE_ROUND = "mutation($r: ID!) { completeTestingRound(id: $r) { id status } }";
    private static final String MISSING = "query($r: ID!) { testingRound(id: $r) { status progress { missing } } }";

    @Inject
    Pool pool;

    @Test
    void oneTaskPerMissedHouseholdAtItsBuildingNamedByItsAddress() {
        RoundWorld world = new RoundWorld(pool);
        List<String> first = world.households(world.a1a, 3, 2);
        List<String> second = world.households(world.a1b, "", 1, 2);
        String round = world.round(world.gridA1);
        record(GRAPHQL, round, first.get(0), "TESTED", null, null);
        record(GRAPHQL, round, first.get(1), "NOT_AT_HOME", null, "出差");

        JsonPath tasks = GRAPHQL.data(GENERATE, Map.of("r", round)).setRootPath("data.generateMissedTasks");
        assertEquals(3, tasks.getList("id").size());
        assertEquals(List.of("DOOR_TO_DOOR_TESTING"), tasks.getList("kind").stream().distinct().toList());
        assertEquals(List.of("1幢1单元102", "1幢1单元103", "2幢101"), tasks.getList("household"));
        assertEquals(List.of(world.a1a, world.a1a, world.a1b), tasks.getList("unit.id"));
        assertEquals("第1轮核酸检测未检到户，上门补检", tasks.getString("[0].description"));
        assertEquals(List.of(first.get(1), first.get(2), second.get(0)).stream().map(Long::parseLong).toList(),
                householdsOfTasks(round));
    }

    @Test
    void generatingAgainMakesNoSecondTaskEvenConcurrently() throws Exception {
        RoundWorld world = new RoundWorld(pool);
        world.households(world.a1a, 4, 2);
        String round = world.round(world.a1a);
        List<Callable<List<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(() -> GRAPHQL.data(GENERATE, Map.of("r", round)).getList("generateMissedTasks.id"));
        }
        List<List<String>> answers = Concurrently.run(calls);
        for (List<String> answer : answers) {
            assertEquals(answers.get(0), answer);
        }
        assertEquals(4, answers.get(0).size());
        assertEquals(4, world.scalar("select count(*) from task where testing_round_id = $1", Long.parseLong(round)));
        assertEquals(answers.get(0), GRAPHQL.data(GENERATE, Map.of("r", round)).getList("generateMissedTasks.id"));
    }

    @Test
    void completingATaskRecordsItsHouseholdTestedWithItsHeadCount() {
        RoundWorld world = new RoundWorld(pool);
        List<String> doors = world.households(world.a1a, 2, 4);
        String round = world.round(world.a1a);
        record(GRAPHQL, round, doors.get(0), "NOT_AT_HOME", null, null);
        List<String> tasks = GRAPHQL.data(GENERATE, Map.of("r", round)).getList("generateMissedTasks.id");
        GRAPHQL.post(COMPLETE_ROUND, Map.of("r", round))
                .body("errors[0].extensions.code", equalTo("HOUSEHOLDS_MISSING"))
                .body("errors[0].extensions.missing", equalTo(2));

        String volunteer = RosterFixtures.volunteer(world.communityA);
        for (String task : tasks) {
            assignAndComplete(task, volunteer);
        }
        assertEquals(2, world.scalar("select count(*) from household_test where round_id = $1 and status = 'TESTED'"
                + " and tested_count = 4 and recorded_by = 'root'", Long.parseLong(round)));
        assertEquals(2, world.scalar("select count(*) from household_test_record where round_id = $1"
                + " and task_id is not null and applied", Long.parseLong(round)));
        GRAPHQL.post(MISSING, Map.of("r", round)).body("data.testingRound.progress.missing", equalTo(0));
        GRAPHQL.post(COMPLETE_ROUND, Map.of("r", round))
                .body("errors", nullValue())
                .body("data.completeTestingRound.status", equalTo("DONE"));
    }

    @Test
    void aTaskDoneDoesNotReplaceAnAccountedStatus() {
        RoundWorld world = new RoundWorld(pool);
        List<String> doors = world.households(world.a1a, 1, 3);
        String round = world.round(world.a1a);
        record(GRAPHQL, round, doors.get(0), "REFUSED", null, "拒绝开门");
        String task = GRAPHQL.data(GENERATE, Map.of("r", round)).getString("generateMissedTasks[0].id");
        assignAndComplete(task, RosterFixtures.volunteer(world.communityA));
        assertEquals(1, world.scalar("select count(*) from household_test where round_id = $1 and status = 'REFUSED'",
                Long.parseLong(round)));
        assertEquals(1, world.scalar("select count(*) from household_test_record where round_id = $1"
                + " and task_id is not null and not applied", Long.parseLong(round)));
    }

    @Test
    void aTaskOfAClosedRoundCompletesWithoutARecording() {
        RoundWorld world = new RoundWorld(pool);
        List<String> doors = world.households(world.a1a, 1, 3);
        String round = world.round(world.a1a);
        String task = GRAPHQL.data(GENERATE, Map.of("r", round)).getString("generateMissedTasks[0].id");
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null);
        GRAPHQL.post(COMPLETE_ROUND, Map.of("r", round)).body("data.completeTestingRound.status", equalTo("DONE"));
        assignAndComplete(task, RosterFixtures.volunteer(world.communityA));
        assertEquals(1, world.scalar("select count(*) from household_test_record where round_id = $1",
                Long.parseLong(round)));
        GRAPHQL.post(GENERATE, Map.of("r", round)).body("errors[0].extensions.code", equalTo("ROUND_CLOSED"));
    }

    @Test
    void aRoundClosesOnlyWhenEveryHouseholdIsAccountedFor() {
        RoundWorld world = new RoundWorld(pool);
        List<String> doors = world.households(world.a1a, 3, 2);
        String round = world.round(world.a1a);
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null);
        record(GRAPHQL, round, doors.get(1), "NOT_AT_HOME", null, null);
        GRAPHQL.post(COMPLETE_ROUND, Map.of("r", round))
                .body("data.completeTestingRound", nullValue())
                .body("errors[0].extensions.code", equalTo("HOUSEHOLDS_MISSING"))
                .body("errors[0].extensions.missing", equalTo(2));
        record(GRAPHQL, round, doors.get(1), "NOT_AT_HOME", null, "外出就医");
        record(GRAPHQL, round, doors.get(2), "ISOLATED", null, "集中隔离");
        GRAPHQL.post(COMPLETE_ROUND, Map.of("r", round))
                .body("data.completeTestingRound.status", equalTo("DONE"));
        GRAPHQL.post(COMPLETE_ROUND, Map.of("r", round))
                .body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
    }

    @Test
    void aRoundWithoutHouseholdsCompletes() {
        RoundWorld world = new RoundWorld(pool);
        String round = world.round(world.a2a);
        GRAPHQL.post(COMPLETE_ROUND, Map.of("r", round))
                .body("data.completeTestingRound.status", equalTo("DONE"));
    }

    private static void assignAndComplete(String task, String volunteer) {
        GRAPHQL.post("mutation($t: ID!, $v: ID!) { assignTask(taskId: $t, volunteerId: $v) { status } }",
                Map.of("t", task, "v", volunteer)).body("data.assignTask.status", equalTo("ASSIGNED"));
        GRAPHQL.post("mutation($t: ID!) { completeTask(taskId: $t) { status } }", Map.of("t", task))
                .body("errors", nullValue())
                .body("data.completeTask.status", equalTo("DONE"));
    }

    private List<Long> householdsOfTasks(String round) {
        List<Long> ids = new ArrayList<>();
        pool.preparedQuery("select household_id from task where testing_round_id = $1 order by id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(Long.parseLong(round))).await().indefinitely()
                .forEach(row -> ids.add(row.getLong("household_id")));
        return ids;
    }
}
