package org.epicontrol.roster.alert;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.epicontrol.roster.response.ResponseNotice;
import org.epicontrol.roster.task.Concurrently;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class AcknowledgementTest {

    @Inject
    AlertsOnResponses listener;

    private String gridAlert(AlertWorld world, ResponseNotice response) {
        listener.opened(response).await().atMost(Duration.ofSeconds(30));
        return (String) AlertWorld.alertsAbout(world.gridWorkerA1, response.responseId()).get(0).get("id");
    }

    @Test
    void aMemberOfTheAudienceAcknowledgesAndALaterAcknowledgementSaysWhoWasFirst() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        String alert = gridAlert(world, response);

        JsonPath first = world.gridWorkerA1.data(AlertWorld.ACKNOWLEDGE, Map.of("id", alert));
        assertEquals("grid-a1", first.getString("acknowledgeAlert.acknowledgedBy"));
        assertNotNull(first.getString("acknowledgeAlert.acknowledgedAt"));

        JsonPath again = world.responsibleForA1.data(AlertWorld.ACKNOWLEDGE, Map.of("id", alert));
        assertEquals("grid-a1", again.getString("acknowledgeAlert.acknowledgedBy"), "the first acknowledgement stands");
        assertEquals(first.getString("acknowledgeAlert.acknowledgedAt"), again.getString("acknowledgeAlert.acknowledgedAt"));

        assertEquals(List.of(), world.gridWorkerA1.data(AlertWorld.ALERTS, Map.of("unack", true, "first", 500))
                .getList("alerts.edges.node.id"), "nothing left unacknowledged for the grid");
        assertEquals(1, world.adminA.data(AlertWorld.ALERTS, Map.of("unack", true, "first", 500))
                .getList("alerts.edges.node.id").size(), "the admins' alert is their own to acknowledge");
    }

    @Test
    void anyoneOutsideTheAudienceIsRefusedAndChangesNothing() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        String alert = gridAlert(world, response);

        for (GraphQLClient outsider : List.of(world.gridWorkerA2, world.gridWorkerB1, world.adminB, world.officer,
                world.volunteerA, world.adminA)) {
            outsider.post(AlertWorld.ACKNOWLEDGE, Map.of("id", alert))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("errors[0].path[0]", equalTo("acknowledgeAlert"))
                    .body("data", nullValue());
        }
        org.epicontrol.roster.RosterFixtures.ANONYMOUS.post(AlertWorld.ACKNOWLEDGE, Map.of("id", alert))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        world.gridWorkerA1.post(AlertWorld.ACKNOWLEDGE, Map.of("id", "999999999"))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        world.gridWorkerA1.post(AlertWorld.ACKNOWLEDGE, Map.of("id", "x1"))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));

        Map<String, Object> stored = AlertWorld.alertsAbout(world.gridWorkerA1, response.responseId()).get(0);
        assertNull(stored.get("acknowledgedAt"), stored.toString());
        assertNull(stored.get("acknowledgedBy"), stored.toString());
    }

    @Test
    void concurrentAcknowledgementsHaveOneWinnerThatEveryoneIsToldOf() throws Exception {
        AlertWorld world = new AlertWorld();
        for (int round = 0; round < 3; round++) {
            ResponseNotice response = world.response(world.gridA1);
            String alert = gridAlert(world, response);
            List<Callable<JsonPath>> calls = List.of(
                    () -> world.gridWorkerA1.data(AlertWorld.ACKNOWLEDGE, Map.of("id", alert)),
                    () -> world.responsibleForA1.data(AlertWorld.ACKNOWLEDGE, Map.of("id", alert)),
                    () -> world.gridWorkerA1.data(AlertWorld.ACKNOWLEDGE, Map.of("id", alert)));
            List<JsonPath> answers = Concurrently.run(calls);

            String winner = answers.get(0).getString("acknowledgeAlert.acknowledgedBy");
            String at = answers.get(0).getString("acknowledgeAlert.acknowledgedAt");
            for (JsonPath answer : answers) {
                assertEquals(winner, answer.getString("acknowledgeAlert.acknowledgedBy"));
                assertEquals(at, answer.getString("acknowledgeAlert.acknowledgedAt"));
            }
            Map<String, Object> stored = AlertWorld.alertsAbout(world.gridWorkerA1, response.responseId()).get(0);
            assertEquals(winner, stored.get("acknowledgedBy"));
            assertEquals(at, stored.get("acknowledgedAt"));
        }
    }

    @Test
    void alertsPageNewestFirstWithCursors() {
        AlertWorld world = new AlertWorld();
        for (int i = 0; i < 3; i++) {
            listener.opened(world.response(world.gridA1)).await().atMost(Duration.ofSeconds(30));
        }
        JsonPath first = world.adminA.data(AlertWorld.ALERTS, Map.of("first", 2));
        List<String> ids = first.getList("alerts.edges.node.id");
        assertEquals(2, ids.size());
        assertEquals(true, first.getBoolean("alerts.pageInfo.hasNextPage"));
        JsonPath rest = world.adminA.data(AlertWorld.ALERTS,
                Map.of("first", 2, "after", first.getString("alerts.pageInfo.endCursor")));
        List<String> more = rest.getList("alerts.edges.node.id");
        assertEquals(1, more.size());
        assertEquals(false, rest.getBoolean("alerts.pageInfo.hasNextPage"));
        List<Long> all = java.util.stream.Stream.concat(ids.stream(), more.stream()).map(Long::parseLong).toList();
        assertEquals(all.stream().sorted(java.util.Comparator.reverseOrder()).toList(), all, "newest first");

        world.adminA.post(AlertWorld.ALERTS, Map.of("first", 0))
                .body("errors[0].extensions.code", equalTo("INVALID_PAGE_SIZE"));
        for (String cursor : List.of("bm90LWEtY3Vyc29y", org.epicontrol.common.Cursor.encode(Alerts.CURSOR, "x1"),
                org.epicontrol.common.Cursor.encode("task", "1"))) {
            world.adminA.post(AlertWorld.ALERTS, Map.of("after", cursor))
                    .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"))
                    .body("data", nullValue());
        }
    }
}
