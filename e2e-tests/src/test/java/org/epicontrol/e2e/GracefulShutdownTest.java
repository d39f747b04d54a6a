package org.epicontrol.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import org.epicontrol.devsuite.SuiteLauncher.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a pod of notice-service does when Kubernetes stops it (SIGTERM): readiness goes DOWN, the request it is
 * answering still gets its answer, then the process exits and takes no more connections. The service runs as in
 * production (its built jar, prod profile: shutdown delay 5 s, timeout 30 s), as a second replica on the suite's
 * database; the test holds a table lock there so that a request is deterministically in flight.
 */
@ExtendWith(SuiteExtension.class)
class GracefulShutdownTest {
    private static final String RISK = "{ riskLevel(address: \"晋阳紫城4号楼10单元\", asOf: \"2022-11-30\") "
            + "{ designated level { code } notice { number } } }";
    /** quarkus.shutdown.delay and quarkus.shutdown.timeout of notice-service's prod profile. */
    private static final Duration DELAY = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1 as the gateway and the kubelet's probes speak it; no h2c upgrade
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final RunningSuite suite;

    GracefulShutdownTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void requestInFlightFinishesAfterSigterm() throws Exception {
        ServiceProcess replica = suite.startReplica("notice-service");
        Process process = replica.process();
        // the answer to expect, and the replica's connections and statements warmed up
        String expected = graphql(replica).join().body();
        JsonPath expectedJson = new JsonPath(expected);
        assertNull(expectedJson.get("errors"), expected);
        assertTrue(expectedJson.getBoolean("data.riskLevel.designated"), expected);

        CompletableFuture<HttpResponse<String>> inFlight;
        long sigterm;
        try (Connection db = suite.connectToDatabase("notices")) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("lock table area, designation_target, designation, notice in access exclusive mode");
            }
            inFlight = graphql(replica);
            assertTrue(Eventually.within(Duration.ofSeconds(10), () -> LockWaits.count(db) > 0),
                    "the request waits for the table lock");

            process.destroy(); // SIGTERM, as the kubelet sends it
            sigterm = System.nanoTime();
            assertTrue(Eventually.within(Duration.ofSeconds(3), () -> status(replica, "/q/health/ready") == 503),
                    "readiness DOWN at once, so that no new traffic is routed here");
            assertEquals(List.of("Graceful Shutdown"), readinessChecksDown(replica), "DOWN for the shutdown alone");
            // while the endpoint removal spreads through the cluster, requests that still arrive are served
            assertEquals(200, status(replica, "/q/health/live"), "still serving");
            // after the delay, Quarkus waits for the requests in flight (up to the timeout)
            assertTrue(Eventually.within(DELAY.plusSeconds(5),
                    () -> JsonLog.hasMessage(replica.log(), "Waiting for HTTP requests to complete")),
                    "the shutdown waits for the request in flight; see " + replica.log());
            Thread.sleep(1000);
            assertFalse(inFlight.isDone(), "still waiting for the lock");
            assertTrue(process.isAlive(), "the process waits for it");
            db.rollback(); // releases the lock
        }

        HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(expected, answer.body());

        long left = DELAY.plus(TIMEOUT).toNanos() - (System.nanoTime() - sigterm);
        assertTrue(process.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS), "exits within delay + timeout");
        assertTrue(Set.of(0, 143).contains(process.exitValue()), "exit status " + process.exitValue());
        assertTrue(JsonLog.hasMessage(replica.log(), "All HTTP requests complete"), replica.log().toString());
        assertThrows(ConnectException.class, () -> HTTP.send(get(replica, "/q/health/live"),
                HttpResponse.BodyHandlers.discarding()), "no new connections after exit");
    }

    private static CompletableFuture<HttpResponse<String>> graphql(ServiceProcess service) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("query", RISK));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(service.uri("/graphql"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(ServiceProcess service, String path) {
        return HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(5)).GET().build();
    }

    private static int status(ServiceProcess service, String path) {
        try {
            return HTTP.send(get(service, path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The names of the readiness checks that are DOWN. */
    private static List<String> readinessChecksDown(ServiceProcess service) {
        try {
            String body = HTTP.send(get(service, "/q/health/ready"), HttpResponse.BodyHandlers.ofString()).body();
            return new JsonPath(body).getList("checks.findAll { it.status == 'DOWN' }.name");
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
