package org.epicontrol.notice.replica;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.StreamingReplica;
import org.epicontrol.testsupport.StreamingReplicaTestResource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bounded staleness on a real hot standby (test-support's StreamingReplica): max-lag 2 s here. A replica whose replay
 * is paused while the primary publishes falls behind by more than max-lag, and the anonymous look-ups are answered by
 * the primary (fresh, fallback reason {@code lag}) until it has caught up; an idle primary does not make a caught-up
 * replica look behind. Which database answered shows by the paused replay: only the replica can answer stale.
 */
@QuarkusTest
@TestProfile(ReplicaLagBoundTest.SmallMaxLag.class)
class ReplicaLagBoundTest {

    public static class SmallMaxLag implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notices.read-replica.max-lag", "2s", "notices.read-replica.lag-check-every", "250ms",
                    "notices.read-replica.retry-after", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StreamingReplicaTestResource.class,
                    Map.of("database", "notices", "url-property", "notices.read-replica.url")));
        }
    }

    private static final Logger LOG = Logger.getLogger(ReplicaLagBoundTest.class);
    private static final Duration MAX_LAG = Duration.ofSeconds(2);
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String DISTRICT = "滞后县";
    private static final int YEAR = 2025;
    private static final String AS_OF = "2025-12-20";
    private static final String RISK_LEVEL = """
            query($a: String!, $d: Date) { riskLevel(address: $a, asOf: $d) { designated } }""";
    private static final Pattern LAG_FALLBACKS =
            Pattern.compile("(?m)^notices_read_replica_fallbacks_total\\{[^}]*reason=\"lag\"[^}]*} (\\S+)");
    private static final Pattern LAG_GAUGE = Pattern.compile("(?m)^notices_read_replica_lag_seconds(?:\\{[^}]*})? (\\S+)");

    private static int nextNumber = 9400;

    private static StreamingReplica standby() {
        return StreamingReplicaTestResource.replica();
    }

    @Test
    void aReplicaBehindByMoreThanMaxLagLeavesAnonymousLookUpsToThePrimaryUntilItHasCaughtUp() {
        standby().awaitReplayed(BOUND);
        double before = lagFallbacks();
        standby().pauseReplay();
        try {
            String area = "滞后甲小区";
            publish(area);
            await("anonymous riskLevel answered fresh, by the primary, once the replica is more than max-lag behind",
                    () -> designated(area));
            assertTrue(lagFallbacks() > before, () -> "counted as fallback, reason lag: " + replicaMetrics());
            JsonPath check = readiness();
            assertTrue(check.getString("public-reads").startsWith("primary (replica lag"), check::prettify);
            assertTrue(check.getLong("lag-ms") > MAX_LAG.toMillis(), check::prettify);
            assertTrue(lagGauge() > MAX_LAG.toSeconds(), "notices_read_replica_lag_seconds above max-lag");
            RestAssured.get("/q/health/ready").then().statusCode(200);
        } finally {
            standby().resumeReplay();
        }
        await("the public reads back on the replica once it has caught up",
                () -> "replica".equals(readiness().getString("public-reads")));
        assertTrue(lagGauge() < MAX_LAG.toSeconds());
        assertAnonymousReadsTheReplica("back on the replica");
    }

    @Test
    void anIdlePrimaryDoesNotMakeACaughtUpReplicaLookBehind() throws Exception {
        standby().awaitReplayed(BOUND);
        sleep(MAX_LAG.multipliedBy(3));
        LOG.infof("after %s without writes: now() - pg_last_xact_replay_timestamp() on the standby = %.1f s "
                + "(what a timestamp measure would call the lag); the measured lag: %s", MAX_LAG.multipliedBy(3),
                replayTimestampAge(), readiness().getString("lag"));
        JsonPath check = readiness();
        assertEquals("replica", check.getString("public-reads"), check::prettify);
        assertTrue(check.getLong("lag-ms") < MAX_LAG.toMillis(), check::prettify);
        double before = lagFallbacks();
        designated("滞后无此小区");
        assertEquals(before, lagFallbacks(), "no fallback for lag");
        assertAnonymousReadsTheReplica("after a quiet spell longer than max-lag");
    }

    /**
     * Shows an anonymous look-up reads the replica: with its replay paused, a publication is answered stale. Only
     * within max-lag of the publication (after that the primary answers, rightly): an attempt too slow for that, seen
     * by the lag fallback it counted, is tried again.
     */
    private void assertAnonymousReadsTheReplica(String when) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            String area = "滞后" + Notices.stems(nextNumber) + "小区";
            String draft = Notices.importDraft(Notices.synthetic(nextNumber++, 12, 10, DISTRICT, "HIGH", area), YEAR)
                    .getString("notice.id");
            standby().awaitReplayed(BOUND);
            double before = lagFallbacks();
            standby().pauseReplay();
            boolean fresh;
            try {
                Staff.publisher().data(Notices.PUBLISH, Map.of("id", draft));
                fresh = designated(area);
                assertTrue(designatedAs(Staff.publisher(), area), "published on the primary");
            } finally {
                standby().resumeReplay();
            }
            if (!fresh) {
                return;
            }
            if (lagFallbacks() == before) {
                fail(when + ": an anonymous look-up answered fresh with the replica paused and not lagging: it read the primary");
            }
            LOG.infof("%s: attempt %d took longer than max-lag, trying again", when, attempt);
        }
        fail(when + ": three publications in a row were answered by the primary");
    }

    private static void publish(String area) {
        JsonPath imported = Notices.importText(Notices.synthetic(nextNumber++, 12, 10, DISTRICT, "HIGH", area), YEAR);
        assertTrue(imported.getBoolean("created"), imported::prettify);
    }

    private static boolean designated(String area) {
        return designatedAs(GRAPHQL, area);
    }

    private static boolean designatedAs(org.epicontrol.testsupport.GraphQLClient as, String area) {
        return as.data(RISK_LEVEL, Map.of("a", DISTRICT + area, "d", AS_OF)).getBoolean("riskLevel.designated");
    }

    private static JsonPath readiness() {
        JsonPath health = RestAssured.get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        return health.setRootPath("checks.find { it.name == 'Read replica' }.data");
    }

    private static double lagFallbacks() {
        Matcher m = LAG_FALLBACKS.matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double lagGauge() {
        Matcher m = LAG_GAUGE.matcher(metrics());
        assertTrue(m.find(), "the gauge notices_read_replica_lag_seconds");
        return Double.parseDouble(m.group(1));
    }

    private static String replicaMetrics() {
        return metrics().lines().filter(l -> l.contains("replica")).toList().toString();
    }

    private static String metrics() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double replayTimestampAge() throws SQLException {
        try (Connection c = standby().connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select extract(epoch from now() - pg_last_xact_replay_timestamp())")) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + BOUND);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
