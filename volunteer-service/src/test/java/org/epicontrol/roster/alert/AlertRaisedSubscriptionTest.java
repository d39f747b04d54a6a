package org.epicontrol.roster.alert;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.roster.response.ResponseNotice;
import org.epicontrol.testsupport.GraphQLSubscription;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** graphql-transport-ws on /graphql; the subscriber is whoever the upgrade request's token names. */
@QuarkusTest
class AlertRaisedSubscriptionTest {

    private static final String ALERT_RAISED = "subscription { alertRaised { kind audience responseId community { id } } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    AlertsOnResponses listener;

    @Inject
    Pool pool;

    @Test
    void aSubscriberReceivesTheAlertsRaisedForThemAfterSubscribingAndNoOneElses() throws Exception {
        AlertWorld world = new AlertWorld();
        try (GraphQLSubscription admin = GraphQLSubscription.open(graphql, world.adminAToken, ALERT_RAISED);
             GraphQLSubscription outsider = GraphQLSubscription.open(graphql, world.gridWorkerB1Token, ALERT_RAISED)) {
            ResponseNotice response = world.response(world.gridA1);
            listener.opened(response).await().atMost(Duration.ofSeconds(30));

            String next = admin.next(10);
            assertNotNull(next, "no alert pushed to the community's admin");
            assertTrue(next.contains("\"responseId\":\"" + response.responseId() + "\""), next);
            assertTrue(next.contains("\"audience\":\"COMMUNITY_ADMINS\""), next);
            assertTrue(next.contains("\"id\":\"" + world.communityA + "\""), next);
            assertNull(admin.next(1), "the grid workers' alert is not the admin's");
            assertNull(outsider.next(1), "another community's grid worker gets nothing");
        }
    }

    @Test
    void anAlertRaisedByAnotherReplicaReachesTheSubscribersHereOnlyOnceCommitted() throws Exception {
        AlertWorld world = new AlertWorld();
        try (GraphQLSubscription admin = GraphQLSubscription.open(graphql, world.adminAToken, ALERT_RAISED)) {
            // another replica's writes are rows in the shared database, not calls into this instance
            String insert = "insert into alert (kind, audience, audience_unit_id, community_id, district_id,"
                    + " response_id, message) values ('RESPONSE_OPENED', 'COMMUNITY_ADMINS', $1, $1, $2, $3, '别处')";
            long rolledBack = world.response(null).responseId();
            assertThrows(IllegalStateException.class, () -> pool.withTransaction(tx -> tx.preparedQuery(insert)
                    .execute(Tuple.of(Long.parseLong(world.communityA), Long.parseLong(world.district), rolledBack))
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("rolled back"))))
                    .await().atMost(Duration.ofSeconds(30)));
            long committed = world.response(null).responseId();
            pool.withTransaction(tx -> tx.preparedQuery(insert)
                    .execute(Tuple.of(Long.parseLong(world.communityA), Long.parseLong(world.district), committed)))
                    .await().atMost(Duration.ofSeconds(30));

            String next = admin.next(10);
            assertNotNull(next, "no alert pushed");
            assertTrue(next.contains("\"responseId\":\"" + committed + "\""), "the committed one first: " + next);
            assertNull(admin.next(1), "a rolled-back alert is announced to nobody");
        }
    }

    @Test
    void anAnonymousSubscriberIsRefused() throws Exception {
        try (GraphQLSubscription anonymous = GraphQLSubscription.open(graphql, null, ALERT_RAISED)) {
            String refused = anonymous.next(10);
            assertNotNull(refused, "no refusal");
            assertTrue(refused.contains("UNAUTHENTICATED"), refused);
        }
    }
}
