package org.epicontrol.notice.replica;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.StreamingReplica;
import org.epicontrol.testsupport.StreamingReplicaTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * notice-service with a real hot standby of its database as read replica (test-support's StreamingReplica: streaming
 * replication from the embedded primary). Which pool a read used is told by the standby's replay: paused, the
 * standby does not have what was just published, the primary has it.
 */
@QuarkusTest
@TestProfile(PublicReadsFromReplicaTest.WithReplica.class)
class PublicReadsFromReplicaTest {

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // max-lag far above the test's pauses: here the replica's staleness shows who reads it (bounded staleness
            // has its own test, ReplicaLagBoundTest).
            return Map.of("notices.read-replica.retry-after", "1s", "notices.read-replica.max-lag", "10m");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StreamingReplicaTestResource.class,
                    Map.of("database", "notices", "url-property", "notices.read-replica.url")));
        }
    }

    private static final String DISTRICT = "备库县";
    /** The first test's own district: what the other publishes stays out of its listings. */
    private static final String ONLY_HERE = "备库甲县";
    private static final int YEAR = 2025;
    private static final String AS_OF = "2025-12-10";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private static final String RISK_LEVEL = """
            query($a: String!, $d: Date) { riskLevel(address: $a, asOf: $d) { designated level { code } } }""";
    private static final String RISK_AREAS = """
            query($d: Date, $district: String) { riskAreas(asOf: $d, district: $district, first: 50) {
              edges { node { area { fullName } } } } }""";
    private static final String RISK_COUNTS = "query($d: Date) { riskCounts(asOf: $d) { district level areas } }";
    private static final String RISK_TREND = """
            query($from: Date!, $to: Date!, $district: String) { riskTrend(from: $from, to: $to, district: $district) {
              date district level count } }""";
    private static final String SEARCH = "query($t: String!) { searchAreas(text: $t) { fullName } }";

    private static StreamingReplica standby() {
        return StreamingReplicaTestResource.replica();
    }

    @Test
    void anonymousLookUpsReadTheStandbyWhileThoseWhoPublishReadThePrimary() {
        standby().pauseReplay();
        try {
            // Writes go to the primary: routed to the standby they would fail (read-only transaction).
            publish(9301, ONLY_HERE, "备库甲小区");
            assertEquals(List.of(), publicMap(GRAPHQL, ONLY_HERE), "the standby has not replayed the publication");
            assertFalse(designated(GRAPHQL, ONLY_HERE, "备库甲小区"));
            assertEquals(List.of(), countsOf(GRAPHQL, ONLY_HERE));
            assertEquals(List.of(), trendOf(GRAPHQL, ONLY_HERE));
            assertEquals(List.of(), GRAPHQL.data(SEARCH, Map.of("t", "备库甲")).getList("searchAreas"));

            GraphQLClient publisher = Staff.publisher();
            assertTrue(designated(publisher, ONLY_HERE, "备库甲小区"), "a publisher reads the primary: their map at once");
            assertEquals(List.of(ONLY_HERE + "备库甲小区"), publicMap(publisher, ONLY_HERE));
            assertEquals(1, countsOf(publisher, ONLY_HERE).size());
            assertEquals(List.of(ONLY_HERE + "备库甲小区"),
                    Staff.editor().data(SEARCH, Map.of("t", "备库甲")).getList("searchAreas.fullName"));
        } finally {
            standby().resumeReplay();
        }
        await("the publication reaches anonymous callers once replayed", () -> designated(GRAPHQL, ONLY_HERE, "备库甲小区"));
        assertTrue(publicMap(GRAPHQL, ONLY_HERE).contains(ONLY_HERE + "备库甲小区"));
        assertEquals(1, countsOf(GRAPHQL, ONLY_HERE).size());
        assertEquals(List.of(ONLY_HERE + "备库甲小区"), GRAPHQL.data(SEARCH, Map.of("t", "备库甲")).getList("searchAreas.fullName"));
    }

    @Test
    void aStandbyThatIsDownLeavesThePublicLookUpsToThePrimaryUntilItIsBack() {
        standby().stop();
        try {
            publish(9302, DISTRICT, "备库乙小区");
            assertTrue(designated(GRAPHQL, DISTRICT, "备库乙小区"), "answered, by the primary: the publication is there at once");
            assertTrue(publicMap(GRAPHQL, DISTRICT).contains(DISTRICT + "备库乙小区"));
            RestAssured.get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Read replica' }.data.public-reads", startsWith("primary"));
            RestAssured.get("/q/metrics").then().statusCode(200)
                    .body(containsString("notices_read_replica_fallbacks_total{reason=\"unavailable\""));
        } finally {
            standby().startAgain();
        }
        standby().awaitReplayed(BOUND);

        // Back on the standby once it has rested (retry-after: 1 s here): a paused standby shows by its stale answer.
        standby().pauseReplay();
        try {
            publish(9303, DISTRICT, "备库丙小区");
            assertTrue(designated(Staff.publisher(), DISTRICT, "备库丙小区"));
            await("anonymous callers read the standby again", () -> !designated(GRAPHQL, DISTRICT, "备库丙小区"));
        } finally {
            standby().resumeReplay();
        }
        await("and see the publication once it is replayed", () -> designated(GRAPHQL, DISTRICT, "备库丙小区"));
    }

    @Test
    void theReadinessCheckSaysThePublicLookUpsReadAStandby() {
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Read replica' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Read replica' }.data.configured", equalTo(true))
                .body("checks.find { it.name == 'Read replica' }.data.standby", equalTo(true));
    }

    private static void publish(int number, String district, String area) {
        JsonPath imported = Notices.importText(Notices.synthetic(number, 12, 1, district, "HIGH", area), YEAR);
        assertTrue(imported.getBoolean("created"), imported::prettify);
    }

    private static boolean designated(GraphQLClient as, String district, String area) {
        return as.data(RISK_LEVEL, Map.of("a", district + area, "d", AS_OF)).getBoolean("riskLevel.designated");
    }

    private static List<String> publicMap(GraphQLClient as, String district) {
        return as.data(RISK_AREAS, Map.of("d", AS_OF, "district", district)).getList("riskAreas.edges.node.area.fullName");
    }

    private static List<Map<String, Object>> countsOf(GraphQLClient as, String district) {
        List<Map<String, Object>> counts = as.data(RISK_COUNTS, Map.of("d", AS_OF)).getList("riskCounts");
        return counts.stream().filter(c -> district.equals(c.get("district"))).toList();
    }

    private static List<Object> trendOf(GraphQLClient as, String district) {
        return as.data(RISK_TREND, Map.of("from", "2025-11-30", "to", AS_OF, "district", district)).getList("riskTrend");
    }

    /** Polls until the condition holds, at most {@link #BOUND}: replication is asynchronous. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + BOUND);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
