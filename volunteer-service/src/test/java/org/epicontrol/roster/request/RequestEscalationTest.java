package org.epicontrol.roster.request;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.task.Concurrently;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.request.RequestDeskTest.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The escalation job called with a clock: "now" is handed in, the delays are the configured ones. */
@QuarkusTest
class RequestEscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALERTS = """
            query { alerts(first: 500) { edges { node { id kind audience message requestId responseId
              request { id escalationLevel } community { id } } } } }""";

    @Inject
    RequestEscalations escalations;

    @Inject
    RequestsConfig config;

    @Inject
    Pool pool;

    /** Runs the job at {@code at} until nothing more is due (other tests' requests share the database). */
    private void escalateAt(OffsetDateTime at) {
        while (!escalations.escalateDue(at).await().atMost(WAIT).isEmpty()) {
            // next batch
        }
    }

    @Test
    void anOverdueRequestGoesToTheCommunitysAdminsThenAnHourLaterToTheDistrictsOfficersEachOnce() {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, world.householdA1, "ROUTINE");
        OffsetDateTime due = dueAt(id);

        escalateAt(due.minusMinutes(1));
        assertEquals(List.of(), alertsAbout(world.adminA, id), "not due yet");

        escalateAt(due.plusSeconds(1));
        escalateAt(due.plusSeconds(2));
        List<Map<String, Object>> admins = alertsAbout(world.adminA, id);
        assertEquals(1, admins.size(), "level 1 once: " + admins);
        assertEquals("REQUEST_ESCALATED", admins.get(0).get("kind"));
        assertEquals("COMMUNITY_ADMINS", admins.get(0).get("audience"));
        assertTrue(admins.get(0).get("message").toString().startsWith("【诉求督办】"), admins.toString());
        assertEquals(Map.of("id", id, "escalationLevel", 1), admins.get(0).get("request"));
        assertEquals(null, admins.get(0).get("responseId"));
        for (GraphQLClient outsider : List.of(world.adminB, world.officer, world.gridWorkerA1)) {
            assertEquals(List.of(), alertsAbout(outsider, id), "level 1 is for A's admins only");
        }

        escalateAt(due.plusSeconds(1).plus(config.escalateAfter()).minusMinutes(1));
        assertEquals(List.of(), alertsAbout(world.officer, id), "level 2 not due yet");

        escalateAt(due.plusSeconds(2).plus(config.escalateAfter()));
        escalateAt(due.plus(config.escalateAfter()).plusHours(5));
        List<Map<String, Object>> officers = alertsAbout(world.officer, id);
        assertEquals(1, officers.size(), "level 2 once: " + officers);
        assertEquals("DISTRICT_OFFICERS", officers.get(0).get("audience"));
        assertTrue(officers.get(0).get("message").toString().startsWith("【诉求升级】"), officers.toString());
        assertEquals(Map.of("id", id, "escalationLevel", 2), officers.get(0).get("request"));
        assertEquals(List.of(), alertsAbout(world.officerElsewhere, id));
        assertEquals(1, alertsAbout(world.adminA, id).size(), "level 2 is the officers'");
    }

    @Test
    void anUrgentRequestNobodyWasAssignedToEscalatesBeforeItsDueTime() {
        RequestWorld world = new RequestWorld(pool);
        String unassigned = world.take(world.communityA, null, "URGENT");
        String assigned = world.take(world.communityA, null, "EMERGENCY");
        world.adminA.data(RequestWorld.ASSIGN, vars("id", assigned, "v", world.assigneeId));
        OffsetDateTime received = OffsetDateTime.parse(GRAPHQL.data(RequestWorld.REQUEST, vars("id", unassigned))
                .getString("request.receivedAt"));

        escalateAt(received.plus(config.urgentUnassignedAfter()).minusSeconds(30));
        assertEquals(List.of(), alertsAbout(world.adminA, unassigned), "not yet");

        escalateAt(received.plus(config.urgentUnassignedAfter()).plusSeconds(1));
        List<Map<String, Object>> alerts = alertsAbout(world.adminA, unassigned);
        assertEquals(1, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).get("message").toString().contains("未派单"), alerts.toString());
        assertEquals(List.of(), alertsAbout(world.adminA, assigned), "assigned in time: waits for its due time");

        escalateAt(dueAt(assigned).plusSeconds(1));
        List<Map<String, Object>> overdue = alertsAbout(world.adminA, assigned);
        assertEquals(1, overdue.size(), "an assigned request past its due time escalates: " + overdue);
        assertTrue(overdue.get(0).get("message").toString().contains("超过办理时限"), overdue.toString());
    }

    @Test
    void aClosedRequestNeverEscalatesFurther() {
        RequestWorld world = new RequestWorld(pool);
        String closedInTime = world.take(world.communityA, null, "ROUTINE");
        String closedAfterLevelOne = world.take(world.communityA, null, "ROUTINE");
        String cancelled = world.take(world.communityA, null, "URGENT");
        GRAPHQL.data(RequestWorld.CLOSE, vars("id", closedInTime, "o", "已办结"));
        GRAPHQL.data(RequestWorld.CANCEL, vars("id", cancelled, "r", "重复来电"));
        OffsetDateTime due = dueAt(closedAfterLevelOne);
        escalateAt(due.plusSeconds(1));
        GRAPHQL.data(RequestWorld.CLOSE, vars("id", closedAfterLevelOne, "o", "已办结"));

        escalateAt(due.plus(config.escalateAfter()).plusHours(3));

        assertEquals(List.of(), alertsAbout(world.adminA, closedInTime));
        assertEquals(List.of(), alertsAbout(world.adminA, cancelled));
        assertEquals(1, alertsAbout(world.adminA, closedAfterLevelOne).size());
        assertEquals(List.of(), alertsAbout(world.officer, closedAfterLevelOne), "closed before level 2");
        assertEquals(1, GRAPHQL.data(RequestWorld.REQUEST, vars("id", closedAfterLevelOne))
                .getInt("request.escalationLevel"));
    }

    @Test
    void severalReplicasRunningTheJobTogetherRaiseEachLevelOnce() throws Exception {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, world.householdA2, "ROUTINE");
        OffsetDateTime due = dueAt(id).plusSeconds(1);
        OffsetDateTime levelTwo = due.plus(config.escalateAfter()).plusSeconds(1);

        for (OffsetDateTime at : List.of(due, levelTwo)) {
            Concurrently.run(List.of(
                    () -> { escalateAt(at); return null; },
                    () -> { escalateAt(at); return null; },
                    () -> { escalateAt(at); return null; }));
        }

        assertEquals(1, alertsAbout(world.adminA, id).size());
        assertEquals(1, alertsAbout(world.officer, id).size());
    }

    @Test
    void aRequestsAlertIsAcknowledgedLikeAnyAlert() {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, null, "ROUTINE");
        escalateAt(dueAt(id).plusSeconds(1));
        String alert = (String) alertsAbout(world.adminA, id).get(0).get("id");
        String ack = "mutation($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedBy } }";

        assertEquals("FORBIDDEN", world.adminB.post(ack, Map.of("id", alert)).extract().jsonPath()
                .getString("errors[0].extensions.code"), "B's admin is not its audience");
        assertEquals("admin-a", world.adminA.data(ack, Map.of("id", alert)).getString("acknowledgeAlert.acknowledgedBy"));
    }

    private static OffsetDateTime dueAt(String id) {
        return OffsetDateTime.parse(GRAPHQL.data(RequestWorld.REQUEST, vars("id", id)).getString("request.dueAt"));
    }

    private static List<Map<String, Object>> alertsAbout(GraphQLClient caller, String requestId) {
        List<Map<String, Object>> nodes = caller.data(ALERTS).getList("alerts.edges.node");
        return nodes.stream().filter(n -> requestId.equals(n.get("requestId"))).toList();
    }
}
