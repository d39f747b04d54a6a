package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.notice.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public look-ups' round trips to PostgreSQL (issue 17: CPU per look-up): riskLevel reads the deciding notice and
 * level in the risk map's statement, riskAreas the levels in its page's statement; neither reads the level vocabulary
 * beside it, and riskLevel not its notice either. Counted by the database itself (pg_stat_statements), each statement told apart by a piece
 * of its text.
 */
@QuarkusTest
class RiskLookupRoundTripsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final Map<String, String> STATEMENTS = new TreeMap<>(Map.of(
            "map", "from unnest($1::bigint[]) with ordinality",
            "page", "order by l.area_id limit $3) l",
            "vocabulary", "from risk_level order by severity",
            "notice", "from notice n where n.id = any($1)"));

    private static final String RISK = """
            query($address: String!, $asOf: Date) { riskLevel(address: $address, asOf: $asOf) {
              designated since level { code name severity } notice { number issueDate } designation { text } } }""";

    private static final String PAGE = """
            { riskAreas(asOf: "2022-11-30", district: "小店区", first: 5) {
                edges { node { area { fullName } level { code name severity } notice { number } } } } }""";

    @Inject
    Pool pool;

    @BeforeEach
    void fixturesAndCounts() {
        Notices.importFixtures();
        pool.query("create extension if not exists pg_stat_statements").execute().await().atMost(WAIT);
    }

    @Test
    void riskLevelReadsItsNoticeAndLevelInTheMapStatement() {
        risk(); // prepares the statements
        Map<String, Long> calls = statementsOf(() -> {
            JsonPath r = risk();
            assertTrue(r.getBoolean("designated"));
            assertEquals("LOW", r.getString("level.code"));
            assertNotNull(r.getString("level.name"));
            assertEquals(194, r.getInt("notice.number"));
            assertEquals("2022-11-30", r.getString("since"));
        });
        assertEquals(Map.of("map", 1L, "page", 0L, "vocabulary", 0L, "notice", 0L), calls);
    }

    @Test
    void aRiskAreasPageIsOneStatementWithItsLevels() {
        page();
        Map<String, Long> calls = statementsOf(() -> {
            List<Map<String, Object>> nodes = page();
            assertFalse(nodes.isEmpty());
            for (Map<String, Object> node : nodes) {
                @SuppressWarnings("unchecked")
                Map<String, Object> level = (Map<String, Object>) node.get("level");
                assertNotNull(level.get("code"));
                assertNotNull(level.get("name"), "the level comes with its name from the vocabulary");
            }
        });
        // The entries' notices are one batch for the whole page (RiskGraphQLApi.notice), on the primary.
        assertEquals(Map.of("map", 0L, "page", 1L, "vocabulary", 0L, "notice", 1L), calls);
    }

    private static JsonPath risk() {
        return GRAPHQL.data(RISK, Map.of("address", "晋阳紫城4号楼10单元", "asOf", "2022-11-30"))
                .setRootPath("data.riskLevel");
    }

    private static List<Map<String, Object>> page() {
        return GRAPHQL.data(PAGE).getList("riskAreas.edges.node");
    }

    /** How often each statement ran while {@code work} did. */
    private Map<String, Long> statementsOf(Runnable work) {
        pool.query("select pg_stat_statements_reset()").execute().await().atMost(WAIT);
        work.run();
        Map<String, Long> calls = new TreeMap<>();
        for (Map.Entry<String, String> statement : STATEMENTS.entrySet()) {
            calls.put(statement.getKey(), pool.preparedQuery("select coalesce(sum(calls), 0) as n from pg_stat_statements"
                            + " where dbid = (select oid from pg_database where datname = current_database())"
                            + " and strpos(query, $1) > 0 and query not like '%pg_stat_statements%'")
                    .execute(Tuple.of(statement.getValue())).await().atMost(WAIT).iterator().next().getLong("n"));
        }
        return calls;
    }
}
