package org.epicontrol.roster.alert;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.response.ResponseNotice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The escalation job called with a clock: "now" is handed in, the delay is the configured one. */
@QuarkusTest
class EscalationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ESCALATION_OF = """
            query { alerts(first: 500) { edges { node { id kind responseId escalationOf { id kind audience } } } } }""";

    @Inject
    AlertsOnResponses listener;

    @Inject
    Escalations escalations;

    @Inject
    AlertsConfig config;

    /** Runs the job at {@code at} until nothing more is due (other tests' alerts share the database). */
    private void escalateAt(OffsetDateTime at) {
        while (!escalations.escalateDue(at).await().atMost(WAIT).isEmpty()) {
            // next batch
        }
    }

    @Test
    void anAlertNobodyAcknowledgedInTimeEscalatesToTheDistrictsOfficersOnce() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        listener.opened(response).await().atMost(WAIT);
        // the admins acknowledge, the grid workers do not
        String adminsAlert = (String) AlertWorld.alertsAbout(world.adminA, response.responseId()).get(0).get("id");
        world.adminA.data(AlertWorld.ACKNOWLEDGE, Map.of("id", adminsAlert));

        escalateAt(OffsetDateTime.now().plus(config.escalateAfter()).minusMinutes(1));
        assertEquals(List.of(), AlertWorld.alertsAbout(world.officer, response.responseId()), "not yet due");

        OffsetDateTime due = OffsetDateTime.now().plus(config.escalateAfter()).plusSeconds(1);
        escalateAt(due);
        escalateAt(due.plusHours(2));

        List<Map<String, Object>> forOfficer = AlertWorld.alertsAbout(world.officer, response.responseId());
        assertEquals(1, forOfficer.size(), "escalated once, and only the unacknowledged alert: " + forOfficer);
        Map<String, Object> escalation = forOfficer.get(0);
        assertEquals("ESCALATION", escalation.get("kind"));
        assertEquals("DISTRICT_OFFICERS", escalation.get("audience"));
        assertTrue(escalation.get("message").toString().startsWith("【逾期未确认】网格员"), escalation.toString());
        assertEquals(Map.of("id", world.communityA), escalation.get("community"));

        Map<String, Object> original = AlertWorld.alertsAbout(world.gridWorkerA1, response.responseId()).get(0);
        assertNotNull(original.get("escalatedAt"), original.toString());
        assertEquals(List.of(), AlertWorld.alertsAbout(world.officerElsewhere, response.responseId()));
        assertEquals(List.of(), AlertWorld.alertsAbout(world.gridWorkerA1, response.responseId()).stream()
                .filter(a -> "ESCALATION".equals(a.get("kind"))).toList(), "the escalation is the officers'");
    }

    @Test
    void theLinkToTheOriginalShowsItOnlyToItsOwnAudience() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        listener.opened(response).await().atMost(WAIT);
        escalateAt(OffsetDateTime.now().plus(config.escalateAfter()).plusSeconds(1));

        var officers = world.officer.post(ESCALATION_OF).extract().jsonPath();
        List<Map<String, Object>> nodes = officers.getList("data.alerts.edges.node");
        int at = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (String.valueOf(response.responseId()).equals(nodes.get(i).get("responseId"))) {
                at = i;
            }
        }
        assertTrue(at >= 0, "the officer has the escalation: " + nodes);
        assertEquals(null, nodes.get(at).get("escalationOf"), "the grid workers' alert is not the officer's");
        world.officer.post(ESCALATION_OF)
                .body("errors.find { it.path[2] == " + at + " }.extensions.code", equalTo("FORBIDDEN"))
                .body("errors.find { it.path[2] == " + at + " }.path[4]", equalTo("escalationOf"));

        List<Map<String, Object>> asAdmin = RosterFixtures.GRAPHQL.data(ESCALATION_OF).getList("alerts.edges.node");
        @SuppressWarnings("unchecked")
        Set<String> linked = asAdmin.stream()
                .filter(n -> String.valueOf(response.responseId()).equals(n.get("responseId"))
                        && "ESCALATION".equals(n.get("kind")))
                .map(n -> (Map<String, Object>) n.get("escalationOf"))
                .map(original -> original.get("kind") + " " + original.get("audience"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("RESPONSE_OPENED GRID_WORKERS", "RESPONSE_OPENED COMMUNITY_ADMINS"), linked,
                "a system administrator follows each escalation to its original");
    }

    @Test
    void closingAlertsAndAlertsOfAResponseAlreadyClosedDoNotEscalate() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        listener.opened(response).await().atMost(WAIT);
        listener.closed(response).await().atMost(WAIT);

        escalateAt(OffsetDateTime.now().plus(config.escalateAfter()).plusHours(1));

        assertEquals(List.of(), AlertWorld.alertsAbout(world.officer, response.responseId()));
        AlertWorld.alertsAbout(world.adminA, response.responseId())
                .forEach(a -> assertEquals(null, a.get("escalatedAt"), a.toString()));
    }

    @Test
    void severalReplicasRunningTheJobTogetherEscalateEachAlertOnce() throws Exception {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        listener.opened(response).await().atMost(WAIT);
        OffsetDateTime due = OffsetDateTime.now().plus(config.escalateAfter()).plusMinutes(1);

        org.epicontrol.roster.task.Concurrently.run(List.of(
                () -> { escalateAt(due); return null; },
                () -> { escalateAt(due); return null; },
                () -> { escalateAt(due); return null; }));

        assertEquals(2, AlertWorld.alertsAbout(world.officer, response.responseId()).size(),
                "one escalation for each of the two unacknowledged alerts");
    }
}
