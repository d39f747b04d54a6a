package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The maintained risk map under racing publications, and with a notice that takes effect later: today's answer is
 * today's, the notice's level appears from its date.
 */
@QuarkusTest
class RiskMapConsistencyTest {

    private static final String DISTRICT = "并发县";
    private static final String ISSUER = "一致性测试办";

    @Inject
    Pool db;

    @Test
    void publicationsRacingOverTheSameAreasLeaveTheMapARebuildWouldCompute() throws Exception {
        LocalDate day = LocalDate.parse("2025-06-10");
        List<String> drafts = new ArrayList<>();
        String[] levels = {"HIGH", "LOW"};
        for (int i = 0; i < 6; i++) {
            // every notice names the same compound (and one of its buildings), on overlapping days
            drafts.add(RiskMapOracle.draft(RiskMapOracle.input(ISSUER, 100 + i, day.plusDays(i % 3), "ALERT", null,
                    List.of(RiskMapOracle.item(DISTRICT, "并发甲小区", levels[i % 2]),
                            RiskMapOracle.item(DISTRICT, "并发甲小区" + (1 + i % 3) + "号楼", levels[(i + 1) % 2])))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            CompletableFuture.allOf(drafts.stream()
                    .map(id -> CompletableFuture.runAsync(() -> RiskMapOracle.publish(id), pool))
                    .toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        RiskMapOracle oracle = new RiskMapOracle(db);
        for (LocalDate asOf = day.minusDays(1); asOf.isBefore(day.plusDays(4)); asOf = asOf.plusDays(1)) {
            assertEquals(oracle.areas(asOf, DISTRICT), RiskMapOracle.riskAreas(asOf, DISTRICT), "riskAreas at " + asOf);
            assertEquals(oracle.counts(asOf), RiskMapOracle.riskCounts(asOf), "riskCounts at " + asOf);
        }
        assertEquals(4, RiskMapOracle.riskAreas(day.plusDays(3), DISTRICT).size(), "the compound and its three buildings");
        List<String> tables = oracle.maintainedAndRebuilt();
        assertEquals(tables.get(1), tables.get(0), "maintained tables = rebuilt ones");
    }

    @Test
    void aNoticeTakingEffectLaterLeavesTodaysAnswerAndCountsFromItsDate() {
        LocalDate issued = LocalDate.now().minusDays(1);
        LocalDate effective = issued.plusDays(10);
        String district = "未来县";
        var in = RiskMapOracle.input(ISSUER, 200, effective, "ALERT", null,
                List.of(RiskMapOracle.item(district, "未来甲小区", "HIGH")));
        in.put("issueDate", issued.toString());
        RiskMapOracle.published(in);

        String today = org.epicontrol.notice.Notices.GRAPHQL.data("{ riskCounts { district level areas } }")
                .getList("riskCounts").toString();
        assertFalse(today.contains(district), today);
        assertTrue(RiskMapOracle.riskAreas(effective.minusDays(1), district).isEmpty());
        assertTrue(RiskMapOracle.riskCounts(effective.minusDays(1)).stream().noneMatch(c -> c.startsWith(district)));
        assertEquals(1, RiskMapOracle.riskAreas(effective, district).size());
        assertTrue(RiskMapOracle.riskCounts(effective).contains(district + "/HIGH=1"));
        assertTrue(RiskMapOracle.riskCounts(effective.plusDays(300)).contains(district + "/HIGH=1"));
        assertEquals(new RiskMapOracle(db).counts(effective), RiskMapOracle.riskCounts(effective));
    }
}
