package org.epicontrol.gateway.subscribe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscriptions over HTTP: GraphQL over SSE and Apollo's multipart subscriptions, through the gateway. */
@QuarkusTest
@QuarkusTestResource(value = SubscriptionSubgraphsResource.class, restrictToAnnotatedClass = true)
class HttpSubscriptionsTest {
    private static final String BODY = "{\"query\":\"" + TransportWsSubscriptionTest.SUBSCRIPTION + "\"}";

    @TestHTTPResource("/graphql")
    URL graphql;

    @ConfigProperty(name = "test.notices.control", defaultValue = "unset")
    String control;

    private final java.util.List<Stream<String>> open = new java.util.ArrayList<>();

    @AfterEach
    void allSubscriptionsEnd() throws Exception {
        open.forEach(Stream::close); // the client goes away

        assertEquals(0, new SubgraphControl(control).awaitSubscriptions(n -> n == 0));
    }

    /** The response's lines as they arrive. */
    private BlockingQueue<String> stream(String accept) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(graphql.toString())).header("content-type", "application/json")
                .header("accept", accept).POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        open.add(response.body());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            response.body().forEach(lines::add);
            lines.add("<end>");
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String lineContaining(BlockingQueue<String> lines, String text) throws InterruptedException {
        for (String line = lines.poll(10, TimeUnit.SECONDS); line != null; line = lines.poll(10, TimeUnit.SECONDS)) {
            if (line.contains(text) || line.equals("<end>")) {
                return line;
            }
        }
        return null;
    }

    @Test
    void sseStreamsEachEventWithTheOtherSubgraphsFieldThenCompletes() throws Exception {
        SubgraphControl notices = new SubgraphControl(control);
        BlockingQueue<String> lines = stream("text/event-stream");
        assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
        notices.publish(TransportWsSubscriptionTest.EVENT);
        assertEquals("event: next", lineContaining(lines, "event:"));
        assertEquals("data: {\"data\":{\"noticePublished\":{\"id\":\"n1\",\"title\":\"Flood\",\"volunteersOnCall\":20}}}",
                lineContaining(lines, "data:"));
        notices.completeAll();
        assertEquals("event: complete", lineContaining(lines, "event:"));
    }

    @Test
    void sseSubscriptionEndsWithAnErrorWhenTheSubgraphGoesAway() throws Exception {
        SubgraphControl notices = new SubgraphControl(control);
        BlockingQueue<String> lines = stream("text/event-stream");
        assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
        notices.goAway();
        String data = lineContaining(lines, "data:");
        assertNotNull(data);
        assertTrue(data.contains("SUBSCRIPTION_SUBGRAPH_CLOSED"), data);
        assertEquals("event: complete", lineContaining(lines, "event: complete"));
    }

    @Test
    void multipartStreamsPayloadsAndEndsWithTransportErrorsWhenTheSubgraphGoesAway() throws Exception {
        SubgraphControl notices = new SubgraphControl(control);
        BlockingQueue<String> lines = stream("multipart/mixed;subscriptionSpec=\"1.0\", application/json");
        assertEquals(1, notices.awaitSubscriptions(n -> n == 1));
        notices.publish(TransportWsSubscriptionTest.EVENT);
        assertEquals("{\"payload\":{\"data\":{\"noticePublished\":{\"id\":\"n1\",\"title\":\"Flood\","
                + "\"volunteersOnCall\":20}}}}", lineContaining(lines, "payload"));
        notices.goAway();
        String last = lineContaining(lines, "payload");
        assertTrue(last.startsWith("{\"payload\":null,\"errors\":[") && last.contains("SUBSCRIPTION_SUBGRAPH_CLOSED"),
                last);
        assertEquals("--graphql--", lineContaining(lines, "--graphql--"));
    }

    @Test
    void invalidSubscriptionOverSseIsRefusedWithJsonErrors() {
        given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("query", "subscription { noticePublished { nope } }")).post("/graphql")
                .then().body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }

    @Test
    void subscriptionAskedForPlainJsonIsRefused() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", TransportWsSubscriptionTest.SUBSCRIPTION)).post("/graphql")
                .then().body("errors[0].extensions.code", equalTo("SUBSCRIPTION_TRANSPORT_REQUIRED"));
    }
}
