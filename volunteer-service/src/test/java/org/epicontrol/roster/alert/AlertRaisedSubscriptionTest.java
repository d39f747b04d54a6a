package org.epicontrol.roster.alert;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.roster.response.ResponseNotice;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** graphql-transport-ws on /graphql; the subscriber is whoever the upgrade request's token names. */
@QuarkusTest
class AlertRaisedSubscriptionTest {

    private static final String SUBSCRIBE = "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
            + "\"subscription { alertRaised { kind audience responseId community { id } } }\"}}";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    AlertsOnResponses listener;

    @Inject
    Pool pool;

    @Test
    void aSubscriberReceivesTheAlertsRaisedForThemAfterSubscribingAndNoOneElses() throws Exception {
        AlertWorld world = new AlertWorld();
        BlockingQueue<String> admin = new LinkedBlockingQueue<>();
        BlockingQueue<String> outsider = new LinkedBlockingQueue<>();
        WebSocket adminSocket = subscribe(world.adminAToken, admin);
        WebSocket outsiderSocket = subscribe(world.gridWorkerB1Token, outsider);
        try {
            ResponseNotice response = world.response(world.gridA1);
            listener.opened(response).await().atMost(Duration.ofSeconds(30));

            String next = admin.poll(10, TimeUnit.SECONDS);
            assertNotNull(next, "no alert pushed to the community's admin");
            assertTrue(next.contains("\"responseId\":\"" + response.responseId() + "\""), next);
            assertTrue(next.contains("\"audience\":\"COMMUNITY_ADMINS\""), next);
            assertTrue(next.contains("\"id\":\"" + world.communityA + "\""), next);
            assertNull(admin.poll(1, TimeUnit.SECONDS), "the grid workers' alert is not the admin's");
            assertNull(outsider.poll(1, TimeUnit.SECONDS), "another community's grid worker gets nothing");
        } finally {
            adminSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            outsiderSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void anAlertRaisedByAnotherReplicaReachesTheSubscribersHereOnlyOnceCommitted() throws Exception {
        AlertWorld world = new AlertWorld();
        BlockingQueue<String> admin = new LinkedBlockingQueue<>();
        WebSocket socket = subscribe(world.adminAToken, admin);
        try {
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

            String next = admin.poll(10, TimeUnit.SECONDS);
            assertNotNull(next, "no alert pushed");
            assertTrue(next.contains("\"responseId\":\"" + committed + "\""), "the committed one first: " + next);
            assertNull(admin.poll(1, TimeUnit.SECONDS), "a rolled-back alert is announced to nobody");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** Opens a socket with the token, subscribes, and answers once the subscription is registered. */
    private WebSocket subscribe(String token, BlockingQueue<String> pushed) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        URI ws = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .subprotocols("graphql-transport-ws")
                .buildAsync(ws, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String message = partial.toString();
                            (message.contains("\"next\"") || message.contains("\"error\"") ? pushed : messages)
                                    .add(message);
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\"}", true).get();
        String ack = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(ack);
        assertTrue(ack.contains("connection_ack"), ack);
        socket.sendText(SUBSCRIBE, true).get();
        // the subscriber's audiences are resolved from the token before alerts reach it
        Thread.sleep(500);
        return socket;
    }
}
