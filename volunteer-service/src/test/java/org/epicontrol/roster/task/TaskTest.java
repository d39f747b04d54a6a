package org.epicontrol.roster.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.roster.org.OrgFixtures;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.epicontrol.roster.org.OrgFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.count;
import static org.epicontrol.roster.org.OrgFixtures.volunteer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TaskTest {

    private static final String FIELDS = "id kind status household areaId failureReason dueAt unit { id kind } assignee { id }";
    private static final String CREATE = "mutation($input: TaskInput!) { createTask(input: $input) { " + FIELDS + " } }";
    private static final String ASSIGN = "mutation($task: ID!, $volunteer: ID!) { assignTask(taskId: $task, volunteerId: $volunteer) { "
            + FIELDS + " } }";
    private static final String COMPLETE = "mutation($task: ID!) { completeTask(taskId: $task) { " + FIELDS + " } }";
    private static final String FAIL = "mutation($task: ID!, $reason: String!) { failTask(taskId: $task, reason: $reason) { "
            + FIELDS + " } }";
    private static final String REOPEN = "mutation($task: ID!) { reopenTask(taskId: $task) { " + FIELDS + " } }";
    private static final String TASKS = """
            query($unit: ID!, $status: TaskStatus, $first: Int, $after: String) {
              tasks(unitId: $unit, status: $status, first: $first, after: $after) {
                edges { cursor node { id household status } } pageInfo { hasNextPage endCursor } } }""";

    @Inject
    Pool pool;

    @Inject
    TaskQueries taskQueries;

    @Test
    void aTaskGoesFromOpenToAssignedToDone() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String volunteer = volunteer(branch.community(), "党员甲");
        JsonPath created = create(input(branch.building1(), "1单元101")).extract().jsonPath().setRootPath("data.createTask");
        assertEquals("OPEN", created.getString("status"));
        assertEquals("BUILDING", created.getString("unit.kind"));
        assertEquals(OffsetDateTime.parse("2022-11-20T10:00:00Z").toInstant(),
                OffsetDateTime.parse(created.getString("dueAt")).toInstant());
        String task = created.getString("id");

        GRAPHQL.post(ASSIGN, Map.of("task", task, "volunteer", volunteer))
                .body("data.assignTask.status", equalTo("ASSIGNED"))
                .body("data.assignTask.assignee.id", equalTo(volunteer));
        GRAPHQL.post(COMPLETE, Map.of("task", task))
                .body("data.completeTask.status", equalTo("DONE"))
                .body("data.completeTask.assignee.id", equalTo(volunteer));
    }

    @Test
    void failingNeedsAReasonAndABlankReasonChangesNothing() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String task = assignedTask(branch);

        GRAPHQL.post(FAIL, Map.of("task", task, "reason", "   "))
                .body("data.failTask", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        assertEquals("ASSIGNED", status(task));

        GRAPHQL.post(FAIL, Map.of("task", task, "reason", "家中无人,电话未接"))
                .body("data.failTask.status", equalTo("FAILED"))
                .body("data.failTask.failureReason", equalTo("家中无人,电话未接"));
    }

    @Test
    void aFailedTaskIsReopenedWithoutAssigneeAndCanBeAssignedAgain() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String task = assignedTask(branch);
        GRAPHQL.data(FAIL, Map.of("task", task, "reason", "拒绝开门"));

        GRAPHQL.post(REOPEN, Map.of("task", task))
                .body("data.reopenTask.status", equalTo("OPEN"))
                .body("data.reopenTask.assignee", nullValue())
                .body("data.reopenTask.failureReason", nullValue());
        String other = volunteer(branch.community(), "党员乙");
        GRAPHQL.post(ASSIGN, Map.of("task", task, "volunteer", other))
                .body("data.assignTask.assignee.id", equalTo(other));
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String volunteer = volunteer(branch.community(), "党员丙");
        String open = create(input(branch.grid(), null)).extract().path("data.createTask.id");

        refused(GRAPHQL.post(COMPLETE, Map.of("task", open)), "completed");
        refused(GRAPHQL.post(FAIL, Map.of("task", open, "reason", "无人")), "failed");
        refused(GRAPHQL.post(REOPEN, Map.of("task", open)), "reopened");
        assertEquals("OPEN", status(open));

        GRAPHQL.data(ASSIGN, Map.of("task", open, "volunteer", volunteer));
        refused(GRAPHQL.post(ASSIGN, Map.of("task", open, "volunteer", volunteer)), "assigned");
        GRAPHQL.data(COMPLETE, Map.of("task", open));
        refused(GRAPHQL.post(REOPEN, Map.of("task", open)), "reopened");
        refused(GRAPHQL.post(FAIL, Map.of("task", open, "reason", "无人")), "failed");
        refused(GRAPHQL.post(ASSIGN, Map.of("task", open, "volunteer", volunteer)), "assigned");
        assertEquals("DONE", status(open));

        GRAPHQL.post(COMPLETE, Map.of("task", "987654321")).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void assigningToAnUnknownOrInactiveVolunteerLeavesTheTaskOpen() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String task = create(input(branch.building2(), "2单元")).extract().path("data.createTask.id");
        String retired = volunteer(branch.community(), "退出者");
        pool.preparedQuery("update volunteer set active = false where id = $1").execute(Tuple.of(Long.parseLong(retired)))
                .await().indefinitely();

        GRAPHQL.post(ASSIGN, Map.of("task", task, "volunteer", "999999"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].message", containsString("volunteer"));
        GRAPHQL.post(ASSIGN, Map.of("task", task, "volunteer", retired))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        assertEquals("OPEN", status(task));
    }

    @Test
    void aTaskIsForAGridOrABuildingAndBadInputStoresNothing() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        long before = count(pool, "task");

        create(input(branch.community(), null)).body("data.createTask", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        create(input("999999", null)).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        create(input(branch.grid(), "户".repeat(201))).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        Map<String, Object> badKind = input(branch.grid(), null);
        badKind.put("kind", "PARTY");
        create(badKind).body("errors", notNullValue());

        assertEquals(before, count(pool, "task"));
    }

    @Test
    void tasksOfAUnitIncludeEverythingBelowItAndPageByCursor() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        OrgFixtures.Branch elsewhere = OrgFixtures.branch();
        String a = create(input(branch.building1(), "101")).extract().path("data.createTask.id");
        String b = create(input(branch.building2(), "201")).extract().path("data.createTask.id");
        String c = create(input(branch.grid(), null)).extract().path("data.createTask.id");
        create(input(elsewhere.building1(), "101"));
        GRAPHQL.data(ASSIGN, Map.of("task", b, "volunteer", volunteer(branch.community(), "党员丁")));

        JsonPath all = tasks(branch.district(), null, null, null);
        assertEquals(List.of(a, b, c), all.getList("edges.node.id"));
        assertEquals(List.of(a), tasks(branch.building1(), null, null, null).getList("edges.node.id"));
        assertEquals(List.of(a, c), tasks(branch.street(), "OPEN", null, null).getList("edges.node.id"));

        JsonPath first = tasks(branch.community(), null, 2, null);
        assertEquals(List.of(a, b), first.getList("edges.node.id"));
        assertEquals(true, first.getBoolean("pageInfo.hasNextPage"));
        JsonPath second = tasks(branch.community(), null, 2, first.getString("pageInfo.endCursor"));
        assertEquals(List.of(c), second.getList("edges.node.id"));
        assertEquals(false, second.getBoolean("pageInfo.hasNextPage"));

        GRAPHQL.post(TASKS, Map.of("unit", branch.grid(), "first", 0)).body("errors[0].extensions.code", equalTo("INVALID_PAGE_SIZE"));
        GRAPHQL.post(TASKS, Map.of("unit", "999999")).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void ofTwentyConcurrentAssignmentsOfOneTaskExactlyOneWins() throws Exception {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String task = create(input(branch.building1(), "3单元302")).extract().path("data.createTask.id");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(volunteer(branch.community(), "志愿者" + i));
        }

        List<JsonPath> answers = Concurrently.run(people.stream()
                .map(p -> (Callable<JsonPath>) () -> GRAPHQL.post(ASSIGN,
                        Map.of("task", task, "volunteer", p)).extract().jsonPath()).toList());

        List<String> winners = answers.stream().filter(a -> a.get("errors") == null)
                .map(a -> a.getString("data.assignTask.assignee.id")).toList();
        assertEquals(1, winners.size());
        assertEquals(19, answers.stream().filter(a -> "INVALID_TRANSITION".equals(a.getString("errors[0].extensions.code")))
                .count());
        assertEquals(Long.parseLong(winners.get(0)), OrgFixtures.scalar(pool, "select assignee_id from task where id = $1",
                Long.parseLong(task)));
    }

    @Test
    void openTasksOfAreasCoverTasksNamingTheAreaAndTasksInLinkedUnits() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String areaOfTask = OrgFixtures.unique("area");
        String areaOfGrid = OrgFixtures.unique("area");
        GRAPHQL.data("mutation($u: ID!, $a: ID!) { linkArea(unitId: $u, areaId: $a) { id } }",
                Map.of("u", branch.grid(), "a", areaOfGrid));
        Map<String, Object> named = input(branch.building1(), "101");
        named.put("areaId", areaOfTask);
        String t1 = create(named).extract().path("data.createTask.id");
        String t2 = create(input(branch.building2(), "201")).extract().path("data.createTask.id");
        String t3 = create(input(branch.grid(), null)).extract().path("data.createTask.id");
        GRAPHQL.data(ASSIGN, Map.of("task", t3, "volunteer", volunteer(branch.community(), "党员戊")));

        List<List<Task>> open = taskQueries.openForAreas(List.of(areaOfTask, areaOfGrid, "no-such-area"))
                .await().indefinitely();

        assertEquals(List.of(t1), open.get(0).stream().map(Task::id).toList());
        assertEquals(List.of(t1, t2), open.get(1).stream().map(Task::id).toList());
        assertEquals(List.of(), open.get(2));
    }

    private String assignedTask(OrgFixtures.Branch branch) {
        String task = create(input(branch.building1(), "4单元401")).extract().path("data.createTask.id");
        GRAPHQL.data(ASSIGN, Map.of("task", task, "volunteer", volunteer(branch.community(), "党员")));
        return task;
    }

    private static void refused(ValidatableResponse response, String verb) {
        response.body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"))
                .body("errors[0].message", containsString("can be " + verb));
    }

    private static ValidatableResponse create(Map<String, Object> input) {
        return GRAPHQL.post(CREATE, Map.of("input", input));
    }

    private static Map<String, Object> input(String unitId, String household) {
        Map<String, Object> in = new HashMap<>();
        in.put("kind", "DOOR_TO_DOOR_TESTING");
        in.put("unitId", unitId);
        in.put("household", household);
        in.put("description", "上门核酸采样");
        in.put("dueAt", "2022-11-20T18:00:00+08:00");
        return in;
    }

    private static JsonPath tasks(String unit, String status, Integer first, String after) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("unit", unit);
        vars.put("status", status);
        vars.put("first", first);
        vars.put("after", after);
        return GRAPHQL.data(TASKS, vars).setRootPath("data.tasks");
    }

    private String status(String task) {
        return pool.preparedQuery("select status from task where id = $1").execute(Tuple.of(Long.parseLong(task)))
                .await().indefinitely().iterator().next().getString("status");
    }
}
