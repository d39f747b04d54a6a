package org.epicontrol.notice.resilience;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.epicontrol.notice.Notices;
import org.epicontrol.testsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DatabaseRestartTest {

    private static final String RISK = "{ riskLevel(address: \"晋阳紫城4号楼10单元\", asOf: \"2022-11-30\") { level { code } } }";

    @Test
    void theServiceServesAgainAfterItsDatabaseRestartsWithoutBeingRestartedItself() {
        Notices.importFixtures();
        assertEquals("LOW", GRAPHQL.data(RISK).getString("riskLevel.level.code"));

        PostgresTestResource.server().stopServer();
        try {
            assertTrue(within(Duration.ofSeconds(30), () -> readiness() == 503), "readiness goes down with the database");
            assertEquals(200, RestAssured.get("/q/health/live").statusCode(), "liveness stays up: no restart wanted");
        } finally {
            PostgresTestResource.server().startAgain();
        }
        assertTrue(within(Duration.ofSeconds(30), () -> readiness() == 200), "readiness comes back");
        assertTrue(within(Duration.ofSeconds(15), () -> GRAPHQL.post(RISK, Map.of()).extract().path("errors") == null),
                "queries are answered again over fresh connections");
        assertEquals("LOW", GRAPHQL.data(RISK).getString("riskLevel.level.code"));
    }

    private static int readiness() {
        return RestAssured.get("/q/health/ready").statusCode();
    }

    private static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
