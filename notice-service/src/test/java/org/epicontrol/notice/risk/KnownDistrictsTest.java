package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.notice.feed.AreaEventLog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * riskLevel keeps the public district names in memory ({@link KnownDistricts}): a district a publication makes
 * public is recognised right after it, whether this pod published it or another one did.
 */
@QuarkusTest
class KnownDistrictsTest {

    private static final String ISSUER = "区名缓存测试办";
    private static final LocalDate DAY = LocalDate.parse("2025-09-01");
    private static final String QUERY = """
            query($address: String!, $asOf: Date) {
              riskLevel(address: $address, asOf: $asOf) { designated level { code } matchedArea { fullName } } }""";

    @Inject
    Pool db;

    @Test
    void aDistrictFirstPublishedHereIsRecognisedRightAfterThePublication() {
        // the names are in memory before the district exists
        assertNull(riskLevel("缓存甲区缓存甲小区").get("matchedArea"));
        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 1, DAY, "ALERT", null,
                List.of(RiskMapOracle.item("缓存甲区", "缓存甲小区", "HIGH"))));
        Map<String, Object> answer = riskLevel("缓存甲区缓存甲小区");
        assertEquals(true, answer.get("designated"));
        assertEquals("缓存甲区缓存甲小区", ((Map<?, ?>) answer.get("matchedArea")).get("fullName"));
    }

    @Test
    void aDistrictAnotherPodPublishedIsRecognisedOnTheFirstAddressNamingIt() {
        assertNull(riskLevel("缓存乙区缓存乙小区").get("matchedArea"));
        String id = RiskMapOracle.draft(RiskMapOracle.input(ISSUER, 2, DAY, "ALERT", null,
                List.of(RiskMapOracle.item("缓存乙区", "缓存乙小区", "LOW"))));
        assertNull(riskLevel("缓存乙区缓存乙小区").get("matchedArea"), "a draft's district is not public");
        publishedElsewhere(Long.parseLong(id));
        Map<String, Object> answer = riskLevel("缓存乙区缓存乙小区");
        assertEquals(true, answer.get("designated"));
        assertEquals("LOW", ((Map<?, ?>) answer.get("level")).get("code"));
        assertEquals("缓存乙区缓存乙小区", ((Map<?, ?>) answer.get("matchedArea")).get("fullName"));
    }

    /** What another pod's publication writes (status, map), without this pod's service knowing of it. */
    private void publishedElsewhere(long id) {
        SqlConnection c = db.getConnection().await().indefinitely();
        try {
            var tx = c.begin().await().indefinitely();
            c.preparedQuery("select count(*) from pg_advisory_xact_lock($1)").execute(Tuple.of(AreaEventLog.LOCK))
                    .await().indefinitely();
            c.preparedQuery("update notice set status = 'PUBLISHED', published_at = now() where id = $1")
                    .execute(Tuple.of(id)).await().indefinitely();
            c.preparedQuery("select count(*) from risk_map_publish($1)").execute(Tuple.of(id)).await().indefinitely();
            tx.commit().await().indefinitely();
        } finally {
            c.closeAndAwait();
        }
    }

    private static Map<String, Object> riskLevel(String address) {
        Map<String, Object> answer = GRAPHQL.data(QUERY, Map.of("address", address, "asOf", DAY.plusDays(1).toString()))
                .getMap("riskLevel");
        assertTrue(answer != null, address);
        return answer;
    }
}
