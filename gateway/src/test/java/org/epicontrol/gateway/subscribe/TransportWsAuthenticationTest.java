package org.epicontrol.gateway.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.testing.TransportWsTestClient;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * With OIDC on: tokens at {@code connection_init} checked as on HTTP, forwarded to the subgraph's subscription, and
 * the connection closed when the token expires; heartbeats (a short ping interval here).
 */
@QuarkusTest
@TestProfile(TransportWsAuthenticationTest.OidcAndQuickPings.class)
@QuarkusTestResource(value = SubscriptionSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class TransportWsAuthenticationTest {

    public static class OidcAndQuickPings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "gateway.subscriptions.ping-interval", "1s");
        }
    }

    @TestHTTPResource("/graphql")
    URL graphql;

    @ConfigProperty(name = "test.notices.control", defaultValue = "unset")
    String control;

    @Test
    void tokenInTheInitPayloadIsVerifiedAndForwardedToTheSubgraph() throws Exception {
        SubgraphControl notices = new SubgraphControl(control);
        String token = TestTokens.user("alice").roles("volunteer").sign();
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            assertEquals("connection_ack", client.init(Map.of("Authorization", "Bearer " + token)).get("type"));
            client.subscribe("1", TransportWsSubscriptionTest.SUBSCRIPTION);
            assertTrue(notices.awaitSubscriptions(n -> n >= 1) >= 1);
            Map<String, Object> stats = notices.stats();
            assertEquals(Map.of("Authorization", "Bearer " + token), stats.get("init"));
            assertEquals("Bearer " + token, ((Map<?, ?>) stats.get("upgradeHeaders")).get("authorization"));
        }
        notices.awaitSubscriptions(n -> n == 0);
    }

    @Test
    void refusedTokenInTheInitPayloadClosesWith4403() throws Exception {
        String expired = TestTokens.user("alice").roles("volunteer").expired().sign();
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            client.send(Map.of("type", "connection_init", "payload", Map.of("authorization", "Bearer " + expired)));
            assertEquals(4403, client.closeCode(10));
        }
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "not-a-token")));
            assertEquals(4403, client.closeCode(10));
        }
    }

    @Test
    void refusedTokenOnTheUpgradeIsRefusedBeforeTheSocketOpens() {
        String tampered = TestTokens.tampered(TestTokens.user("alice").roles("volunteer").sign());
        assertThrows(Exception.class, () -> TransportWsTestClient.connect(graphql.toString(), "Bearer " + tampered));
    }

    @Test
    void connectionIsClosedWith4403WhenItsTokenExpires() throws Exception {
        String token = TestTokens.user("alice").roles("volunteer").expiresInSeconds(3).sign();
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), "Bearer " + token)) {
            assertEquals("connection_ack", client.init(null).get("type"));
            assertEquals(4403, client.closeCode(15));
            assertTrue(client.closeReason().contains("expired"), client.closeReason());
        }
    }

    @Test
    void clientThatAnswersNoPingIsClosedWith4408() throws Exception {
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            client.ignorePings();
            assertEquals("connection_ack", client.init(null).get("type"));
            assertEquals(4408, client.closeCode(10));
        }
    }

    @Test
    void clientThatAnswersPingsStaysConnected() throws Exception {
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            assertEquals("connection_ack", client.init(null).get("type"));
            assertEquals(null, client.closeCode(4));
        }
    }
}
