package org.epicontrol.gateway.subscribe;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.testing.TransportWsTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Federated subscriptions over graphql-transport-ws through the gateway, against real test subgraphs. */
@QuarkusTest
@QuarkusTestResource(value = SubscriptionSubgraphsResource.class, restrictToAnnotatedClass = true)
class TransportWsSubscriptionTest {
    static final String SUBSCRIPTION = "subscription { noticePublished { id title volunteersOnCall } }";
    static final String EVENT = "{\"noticePublished\":{\"__typename\":\"Notice\",\"id\":\"n1\",\"title\":\"Flood\"}}";

    @TestHTTPResource("/graphql")
    URL graphql;

    @ConfigProperty(name = "test.notices.control", defaultValue = "unset")
    String control;

    @ConfigProperty(name = "test.volunteers.url", defaultValue = "unset")
    String volunteersUrl;

    SubgraphControl notices;

    @BeforeEach
    void noSubscriptionLeftOver() throws Exception {
        notices = new SubgraphControl(control);
        assertEquals(0, notices.awaitSubscriptions(n -> n == 0));
    }

    @AfterEach
    void allSubscriptionsEnd() throws Exception {
        assertEquals(0, notices.awaitSubscriptions(n -> n == 0), "a subgraph subscription outlived its clients");
    }

    private TransportWsTestClient subscribed(String query) throws Exception {
        TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null);
        assertEquals("connection_ack", client.init(null).get("type"));
        client.subscribe("1", query);
        return client;
    }

    @Test
    void eventCarriesTheEntityFieldOfTheOtherSubgraph() throws Exception {
        try (TransportWsTestClient client = subscribed(SUBSCRIPTION)) {
            assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
            notices.publish(EVENT);
            Map<String, Object> next = client.next(10);
            assertEquals(Map.of("id", "1", "type", "next", "payload", Map.of("data", Map.of("noticePublished",
                    Map.of("id", "n1", "title", "Flood", "volunteersOnCall", 20)))), next);
            String query = (String) notices.stats().get("query");
            assertTrue(query.startsWith("subscription"), query);
        }
    }

    @Test
    void identicalSubscriptionsShareOneSubgraphSubscriptionAndOneEntityFetchPerEvent() throws Exception {
        int subscribesBefore = ((Number) notices.stats().get("subscribes")).intValue();
        int entityFetchesBefore = given().get(volunteersUrl).then().extract().path("requests");
        try (TransportWsTestClient a = subscribed(SUBSCRIPTION); TransportWsTestClient b = subscribed(SUBSCRIPTION)) {
            assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
            // b's subscription is admitted asynchronously: a query on b's socket answered means b's came first
            b.send(Map.of("id", "q", "type", "subscribe", "payload", Map.of("query", "{ __typename }")));
            assertEquals("q", b.next(10).get("id"));
            assertEquals("complete", b.next(10).get("type"));
            notices.publish(EVENT);
            assertEquals("Flood", title(a.next(10)));
            assertEquals("Flood", title(b.next(10)));
            assertEquals(1, ((Number) notices.stats().get("subscribes")).intValue() - subscribesBefore);
            int entityFetches = given().get(volunteersUrl).then().extract().path("requests");
            assertEquals(1, entityFetches - entityFetchesBefore);
        }
    }

    @Test
    void subgraphGoingAwayEndsTheSubscriptionWithAnError() throws Exception {
        try (TransportWsTestClient client = subscribed(SUBSCRIPTION)) {
            assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
            notices.goAway();
            Map<String, Object> error = client.next(10);
            assertNotNull(error);
            assertEquals("error", error.get("type"));
            assertEquals("1", error.get("id"));
            assertEquals("SUBSCRIPTION_SUBGRAPH_CLOSED", code(error));
        }
    }

    @Test
    void subgraphCompletingCompletesTheClient() throws Exception {
        try (TransportWsTestClient client = subscribed(SUBSCRIPTION)) {
            assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
            notices.completeAll();
            assertEquals(Map.of("id", "1", "type", "complete"), client.next(10));
        }
    }

    @Test
    void clientCompleteEndsTheSubgraphSubscription() throws Exception {
        try (TransportWsTestClient client = subscribed(SUBSCRIPTION)) {
            assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
            client.send(Map.of("id", "1", "type", "complete"));
            assertEquals(0, notices.awaitSubscriptions(n -> n == 0));
        }
    }

    @Test
    void slowClientIsDroppedWith4500AndItsSubgraphSubscriptionEnds() throws Exception {
        try (TransportWsTestClient client = subscribed(SUBSCRIPTION)) {
            assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
            client.stopReading();
            String big = "x".repeat(400_000);
            notices.publish("{\"noticePublished\":{\"__typename\":\"Notice\",\"id\":\"n1\",\"title\":\"" + big
                    + "\"}}", 150);
            assertEquals(0, notices.awaitSubscriptions(n -> n == 0), "the slow client's subscription still runs");
            client.resumeReading();
            assertEquals(4500, client.closeCode(30));
            long delivered = client.drain().stream().filter(m -> "next".equals(m.get("type"))).count();
            assertTrue(delivered < 150, "all " + delivered + " events were buffered for the slow client");
        }
    }

    @Test
    void connectionWithoutInitIsClosedWith4408() throws Exception {
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            assertEquals(4408, client.closeCode(10));
        }
    }

    @Test
    void subscribeBeforeInitIsClosedWith4401() throws Exception {
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            client.subscribe("1", SUBSCRIPTION);
            assertEquals(4401, client.closeCode(10));
        }
    }

    @Test
    void secondInitIsClosedWith4429() throws Exception {
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            client.init(null);
            client.send(Map.of("type", "connection_init"));
            assertEquals(4429, client.closeCode(10));
        }
    }

    @Test
    void idInUseIsClosedWith4409() throws Exception {
        try (TransportWsTestClient client = subscribed(SUBSCRIPTION)) {
            client.subscribe("1", SUBSCRIPTION);
            assertEquals(4409, client.closeCode(10));
        }
    }

    @Test
    void invalidMessageIsClosedWith4400() throws Exception {
        try (TransportWsTestClient client = TransportWsTestClient.connect(graphql.toString(), null)) {
            client.init(null);
            client.send(Map.of("type", "subscribe", "payload", Map.of("query", SUBSCRIPTION)));
            assertEquals(4400, client.closeCode(10));
        }
    }

    @Test
    void subscriptionsOverTheLimitPerConnectionGetAnError() throws Exception {
        try (TransportWsTestClient client = subscribed(SUBSCRIPTION)) {
            client.subscribe("2", SUBSCRIPTION);
            client.subscribe("3", SUBSCRIPTION);
            client.subscribe("4", SUBSCRIPTION);
            Map<String, Object> error = client.next(10);
            assertEquals("4", error.get("id"));
            assertEquals("SUBSCRIPTION_LIMIT_EXCEEDED", code(error));
        }
    }

    @Test
    void invalidOperationGetsAnErrorMessageAndNoSubgraphSubscription() throws Exception {
        try (TransportWsTestClient client = subscribed("subscription { noticePublished { nope } }")) {
            Map<String, Object> error = client.next(10);
            assertEquals("error", error.get("type"));
            assertEquals("GRAPHQL_VALIDATION_FAILED", code(error));
            assertEquals(0, notices.subscriptions());
        }
    }

    @Test
    void operationLimitsApplyToSubscribeMessages() throws Exception {
        String tooLarge = "subscription { noticePublished { id " + "title ".repeat(20_000) + "} }";
        try (TransportWsTestClient client = subscribed(tooLarge)) {
            Map<String, Object> error = client.next(10);
            assertEquals("error", error.get("type"));
            assertTrue(List.of("MAX_QUERY_SIZE_EXCEEDED", "MAX_TOKENS_EXCEEDED").contains(code(error)),
                    String.valueOf(error));
        }
    }

    @Test
    void queryOverTheSocketIsAnsweredOnceAndCompleted() throws Exception {
        try (TransportWsTestClient client = subscribed("{ __typename }")) {
            assertEquals(Map.of("id", "1", "type", "next", "payload", Map.of("data", Map.of("__typename", "Query"))),
                    client.next(10));
            assertEquals(Map.of("id", "1", "type", "complete"), client.next(10));
        }
    }

    @SuppressWarnings("unchecked")
    static String title(Map<String, Object> next) {
        assertNotNull(next, "no event arrived");
        Map<String, Object> payload = (Map<String, Object>) next.get("payload");
        return (String) ((Map<String, Object>) ((Map<String, Object>) payload.get("data")).get("noticePublished"))
                .get("title");
    }

    @SuppressWarnings("unchecked")
    static String code(Map<String, Object> errorMessage) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) errorMessage.get("payload");
        return (String) ((Map<String, Object>) errors.get(0).get("extensions")).get("code");
    }
}
