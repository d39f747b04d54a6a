package org.epicontrol.roster.alert;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.epicontrol.roster.response.ResponseNotice;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AlertsOnResponsesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AlertsOnResponses listener;

    @Inject
    Vertx vertx;

    @Test
    void anOpenedResponseAlertsTheGridsWorkersAndTheCommunitysAdmins() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        listener.opened(response).await().atMost(WAIT);

        List<Map<String, Object>> forGrid = AlertWorld.alertsAbout(world.gridWorkerA1, response.responseId());
        assertEquals(1, forGrid.size(), forGrid.toString());
        Map<String, Object> alert = forGrid.get(0);
        assertEquals("RESPONSE_OPENED", alert.get("kind"));
        assertEquals("GRID_WORKERS", alert.get("audience"));
        assertEquals(Map.of("id", world.gridA1), alert.get("grid"));
        assertEquals(Map.of("id", world.communityA), alert.get("community"));
        assertEquals(response.areaId(), alert.get("areaId"));
        assertTrue(((String) alert.get("message")).contains(response.areaName()), alert.toString());
        assertTrue(((String) alert.get("message")).contains("第195号通告"), alert.toString());
        // the grid's worker by responsibility (no group) is in the same audience
        assertEquals(forGrid, AlertWorld.alertsAbout(world.responsibleForA1, response.responseId()));

        List<Map<String, Object>> forAdmins = AlertWorld.alertsAbout(world.adminA, response.responseId());
        assertEquals(1, forAdmins.size(), forAdmins.toString());
        assertEquals("COMMUNITY_ADMINS", forAdmins.get(0).get("audience"));
        assertEquals("RESPONSE_OPENED", forAdmins.get(0).get("kind"));
    }

    @Test
    void nobodyOutsideTheAudienceSeesTheAlerts() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        listener.opened(response).await().atMost(WAIT);

        assertEquals(List.of(), AlertWorld.alertsAbout(world.gridWorkerA2, response.responseId()), "another grid");
        assertEquals(List.of(), AlertWorld.alertsAbout(world.gridWorkerB1, response.responseId()), "another community");
        assertEquals(List.of(), AlertWorld.alertsAbout(world.adminB, response.responseId()), "another community's admin");
        assertEquals(List.of(), AlertWorld.alertsAbout(world.officer, response.responseId()), "not addressed to officers");
        assertEquals(List.of(), AlertWorld.alertsAbout(world.officerElsewhere, response.responseId()));
        assertEquals(List.of(), AlertWorld.alertsAbout(world.volunteerA, response.responseId()), "a plain volunteer");
        assertEquals(2, AlertWorld.alertsAbout(org.epicontrol.roster.RosterFixtures.GRAPHQL, response.responseId()).size(),
                "a system administrator sees both");
        org.epicontrol.roster.RosterFixtures.ANONYMOUS.post(AlertWorld.ALERTS, Map.of())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("data", equalTo(null));
    }

    @Test
    void aResponseAboveGridLevelAlertsTheGridWorkersOfEveryGridOfTheCommunity() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(null);
        listener.opened(response).await().atMost(WAIT);

        for (var worker : List.of(world.gridWorkerA1, world.gridWorkerA2, world.responsibleForA1)) {
            List<Map<String, Object>> alerts = AlertWorld.alertsAbout(worker, response.responseId());
            assertEquals(1, alerts.size(), alerts.toString());
            assertEquals(null, alerts.get(0).get("grid"));
        }
        assertEquals(List.of(), AlertWorld.alertsAbout(world.gridWorkerB1, response.responseId()));
    }

    @Test
    void aResponseToldTwiceOrConcurrentlyIsAlertedOnce() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(listener.opened(response).subscribeAsCompletionStage());
        }
        calls.forEach(CompletableFuture::join);
        listener.opened(response).await().atMost(WAIT);

        assertEquals(1, AlertWorld.alertsAbout(world.adminA, response.responseId()).size());
        assertEquals(1, AlertWorld.alertsAbout(world.gridWorkerA1, response.responseId()).size());
    }

    @Test
    void aClosedResponseTellsTheSamePeopleWithAClosingAlert() {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        listener.opened(response).await().atMost(WAIT);
        listener.closed(response).await().atMost(WAIT);
        listener.closed(response).await().atMost(WAIT);

        for (var caller : List.of(world.adminA, world.gridWorkerA1)) {
            List<String> kinds = AlertWorld.alertsAbout(caller, response.responseId()).stream()
                    .map(a -> (String) a.get("kind")).toList();
            assertEquals(List.of("RESPONSE_CLOSED", "RESPONSE_OPENED"), kinds, "newest first, each once");
        }
        assertTrue(AlertWorld.alertsAbout(world.adminA, response.responseId()).get(0).get("message").toString()
                .startsWith("【响应结束】"));
        assertEquals(List.of(), AlertWorld.alertsAbout(world.adminB, response.responseId()));
    }

    @Test
    void aListenerCalledOnAVertxEventLoopAsTheFeedConsumerDoesStoresItsAlerts() throws Exception {
        AlertWorld world = new AlertWorld();
        ResponseNotice response = world.response(world.gridA1);
        CompletableFuture<Void> done = new CompletableFuture<>();
        // an event-loop context is not the safe duplicated one Hibernate Reactive needs: the listener makes its own
        vertx.runOnContext(ignored -> listener.opened(response).subscribe().with(done::complete,
                done::completeExceptionally));
        done.get(30, TimeUnit.SECONDS);

        assertEquals(1, AlertWorld.alertsAbout(world.adminA, response.responseId()).size());
    }

    @Test
    void aResponseOfAnUnknownCommunityIsRefusedAndAlertsNobody() {
        AlertWorld world = new AlertWorld();
        ResponseNotice real = world.response(world.gridA1);
        ResponseNotice unknown = new ResponseNotice(real.responseId(), 999_999_999L, null, real.district(),
                real.areaId(), real.areaName(), real.level(), real.noticeId(), real.noticeNumber(),
                real.effectiveDate(), real.reason());
        assertThrows(RuntimeException.class, () -> listener.opened(unknown).await().atMost(WAIT));
        assertEquals(List.of(), AlertWorld.alertsAbout(org.epicontrol.roster.RosterFixtures.GRAPHQL, real.responseId()));
    }
}
