package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publication path of the maintained risk map (risk_map_publish, migration V12: the three sets of areas a
 * publication changes in one pass) on named cases: after each publication the map answers what recomputing the
 * level of every designated area answers, on every day around it, and its tables equal a rebuild. Each test has
 * its own district.
 */
@QuarkusTest
class RiskMapPublicationTest {

    private static final String ISSUER = "发布路径测试办";
    private static final LocalDate DAY = LocalDate.parse("2025-08-10");

    @Inject
    Pool db;

    @Test
    void aCorrectionThenACancellationHandTheAreasBackToTheEarlierNotice() {
        String district = "更正县";
        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 1, DAY, "ALERT", null,
                List.of(RiskMapOracle.item(district, "更正甲小区", "LOW"))));
        String high = RiskMapOracle.published(RiskMapOracle.input(ISSUER, 2, DAY.plusDays(2), "ALERT", null,
                List.of(RiskMapOracle.item(district, "更正甲小区1号楼", "HIGH"),
                        RiskMapOracle.item(district, "更正甲小区2号楼", "HIGH"))));
        String corrected = RiskMapOracle.published(RiskMapOracle.input(ISSUER, 3, DAY.plusDays(4), "UPDATE", high,
                List.of(RiskMapOracle.item(district, "更正甲小区1号楼", "MEDIUM"))));
        assertMapAsRecomputed(district);
        assertEquals("MEDIUM", levelOf(district, "更正甲小区1号楼", DAY.plusDays(5)));
        // the correction ended the second building's HIGH: the compound's LOW decides it again
        assertEquals("LOW", levelOf(district, "更正甲小区2号楼", DAY.plusDays(5)));
        assertEquals("HIGH", levelOf(district, "更正甲小区2号楼", DAY.plusDays(3)));

        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 4, DAY.plusDays(6), "CANCEL", corrected, List.of()));
        assertMapAsRecomputed(district);
        assertEquals("LOW", levelOf(district, "更正甲小区1号楼", DAY.plusDays(7)));
        assertEquals("MEDIUM", levelOf(district, "更正甲小区1号楼", DAY.plusDays(5)));
    }

    @Test
    void aNoticeEffectiveBeforeTheLatestOneDecidesOnlyUntilTheLatestOnesDate() {
        String district = "往日县";
        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 11, DAY.plusDays(10), "ALERT", null,
                List.of(RiskMapOracle.item(district, "往日甲小区", "LOW"))));
        // published afterwards, effective earlier: from its date until the later notice's
        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 12, DAY, "ALERT", null,
                List.of(RiskMapOracle.item(district, "往日甲小区", "HIGH"))));
        assertMapAsRecomputed(district);
        assertEquals("-", levelOf(district, "往日甲小区", DAY.minusDays(1)));
        assertEquals("HIGH", levelOf(district, "往日甲小区", DAY.plusDays(9)));
        assertEquals("LOW", levelOf(district, "往日甲小区", DAY.plusDays(10)));
    }

    @Test
    void overlappingNoticesOnTheSameAreaCountItOnceADay() {
        String district = "重叠县";
        for (int i = 0; i < 4; i++) {
            RiskMapOracle.published(RiskMapOracle.input(ISSUER, 21 + i, DAY.plusDays(i * 2L), "ALERT", null,
                    List.of(RiskMapOracle.item(district, "重叠甲小区", i % 2 == 0 ? "HIGH" : "LOW"),
                            RiskMapOracle.item(district, "重叠甲小区" + (1 + i % 2) + "号楼", i % 2 == 0 ? "LOW" : "HIGH"))));
        }
        assertMapAsRecomputed(district);
        for (int d = 0; d < 9; d++) {
            int areas = RiskMapOracle.riskCounts(DAY.plusDays(d)).stream().filter(c -> c.startsWith(district + "/"))
                    .mapToInt(c -> Integer.parseInt(c.substring(c.indexOf('=') + 1))).sum();
            // the compound and both buildings, the second one through its compound before it was named
            assertEquals(3, areas, "areas of the map on day " + d);
        }
    }

    @Test
    void anAreaFirstNamedByANoticeTakesItsEnclosingAreasLevelBeforeIt() {
        String district = "新楼县";
        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 31, DAY, "ALERT", null,
                List.of(RiskMapOracle.item(district, "新楼甲小区", "HIGH"))));
        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 32, DAY.plusDays(3), "ALERT", null,
                List.of(RiskMapOracle.item(district, "新楼甲小区", "LOW"))));
        // the building is new to the map (and to the registry): its whole history is its compound's until then
        RiskMapOracle.published(RiskMapOracle.input(ISSUER, 33, DAY.plusDays(6), "ALERT", null,
                List.of(RiskMapOracle.item(district, "新楼甲小区7号楼", "HIGH"))));
        assertMapAsRecomputed(district);
        assertEquals("HIGH", levelOf(district, "新楼甲小区7号楼", DAY.plusDays(1)));
        assertEquals("LOW", levelOf(district, "新楼甲小区7号楼", DAY.plusDays(4)));
        assertEquals("HIGH", levelOf(district, "新楼甲小区7号楼", DAY.plusDays(6)));
        assertTrue(RiskMapOracle.riskCounts(DAY.plusDays(1)).contains(district + "/HIGH=2"));
        assertTrue(RiskMapOracle.riskCounts(DAY.plusDays(4)).contains(district + "/LOW=2"));
    }

    /** Maintained answers = recomputed ones on every day around the tests' dates, and tables = a rebuild. */
    private void assertMapAsRecomputed(String district) {
        RiskMapOracle oracle = new RiskMapOracle(db);
        for (LocalDate asOf = DAY.minusDays(2); asOf.isBefore(DAY.plusDays(14)); asOf = asOf.plusDays(1)) {
            assertEquals(oracle.areas(asOf, district), RiskMapOracle.riskAreas(asOf, district), "riskAreas at " + asOf);
            assertEquals(oracle.counts(asOf), RiskMapOracle.riskCounts(asOf), "riskCounts at " + asOf);
        }
        List<String> tables = oracle.maintainedAndRebuilt();
        assertEquals(tables.get(1), tables.get(0), "maintained tables = rebuilt ones");
    }

    /** The level riskLevel gives the address at asOf ("-": none). */
    private static String levelOf(String district, String area, LocalDate asOf) {
        String answer = RiskMapOracle.riskLevel(district + area, asOf).get(1);
        return answer.equals("-") ? answer : answer.substring(0, answer.indexOf('/'));
    }
}
