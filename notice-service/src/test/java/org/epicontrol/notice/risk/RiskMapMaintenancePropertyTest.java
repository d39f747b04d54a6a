package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A property of the maintained risk map: whatever sequence of notices, corrections and cancellations is published,
 * with whatever effective dates (past, out of order, in the future), riskAreas, riskCounts and riskTrend answer for
 * any date what recomputing the level in force of every designated area answers, and the tables equal a rebuild
 * from the notices. Drafts left unpublished change nothing. Random but seeded: replay with {@code -Drisk.seed=…},
 * more cases with {@code -Drisk.cases=…}.
 */
@QuarkusTest
class RiskMapMaintenancePropertyTest {

    private static final String DISTRICT = "性质县";
    private static final String[] COMPOUNDS = {"性质甲小区", "性质乙小区", "性质丙小区"};
    private static final String[] LEVELS = {"HIGH", "LOW", "MEDIUM"};
    private static final LocalDate START = LocalDate.parse("2025-03-01");
    private static final int DAYS = 40;

    @Inject
    Pool db;

    @Test
    void maintainedAnswersEqualRecomputedOnesForRandomPublicationsAndDates() {
        long seed = Long.getLong("risk.seed", System.nanoTime());
        int cases = Integer.getInteger("risk.cases", 4);
        Random random = new Random(seed);
        RiskMapOracle oracle = new RiskMapOracle(db);
        for (int c = 0; c < cases; c++) {
            String issuer = "性质测试" + c + "号办" + seed % 100000;
            List<String> published = new ArrayList<>();
            int number = 1;
            for (int op = 0; op < 8; op++) {
                LocalDate effective = START.plusDays(random.nextInt(DAYS));
                int kind = random.nextInt(10);
                String what;
                if (kind < 2 && !published.isEmpty()) {
                    String cancelled = published.remove(random.nextInt(published.size()));
                    RiskMapOracle.published(RiskMapOracle.input(issuer, number++, effective, "CANCEL", cancelled, List.of()));
                    what = "cancel " + cancelled;
                } else if (kind < 4 && !published.isEmpty()) {
                    String corrected = published.remove(random.nextInt(published.size()));
                    boolean wholeDistrict = random.nextInt(5) == 0;
                    published.add(publish(RiskMapOracle.input(issuer, number++, effective, "UPDATE",
                            corrected, items(random)), wholeDistrict));
                    what = "correct " + corrected + (wholeDistrict ? ", whole district" : "");
                } else if (kind < 5) {
                    RiskMapOracle.draft(RiskMapOracle.input(issuer, number++, effective, "ALERT", null, items(random)));
                    what = "draft";
                } else {
                    boolean wholeDistrict = random.nextInt(5) == 0;
                    published.add(publish(RiskMapOracle.input(issuer, number++, effective, "ALERT",
                            null, items(random)), wholeDistrict));
                    what = "notice" + (wholeDistrict ? ", whole district" : "");
                }
                String context = "seed " + seed + ", case " + c + ", op " + op + " (" + what + " from " + effective + ")";
                for (int d = 0; d < 3; d++) {
                    LocalDate asOf = START.plusDays(random.nextInt(DAYS + 10) - 5);
                    assertEquals(oracle.areas(asOf, DISTRICT), RiskMapOracle.riskAreas(asOf, DISTRICT),
                            "riskAreas at " + asOf + ", " + context);
                    assertEquals(oracle.counts(asOf), RiskMapOracle.riskCounts(asOf), "riskCounts at " + asOf + ", " + context);
                    String address = address(random);
                    List<String> answer = RiskMapOracle.riskLevel(address, asOf);
                    if (answer.get(0) != null) {
                        assertEquals(oracle.level(Long.parseLong(answer.get(0)), asOf, START.minusDays(10)), answer.get(1),
                                "riskLevel of " + address + " at " + asOf + ", " + context);
                    }
                }
            }
            Map<LocalDate, Set<String>> trend = RiskMapOracle.riskTrend(START.minusDays(2), START.plusDays(DAYS + 2), null);
            for (LocalDate day = START.minusDays(2); !day.isAfter(START.plusDays(DAYS + 2)); day = day.plusDays(1)) {
                assertEquals(oracle.counts(day), trend.getOrDefault(day, Set.of()), "riskTrend on " + day + ", seed " + seed);
            }
            List<String> tables = oracle.maintainedAndRebuilt();
            assertEquals(tables.get(1), tables.get(0), "maintained tables = rebuilt ones, seed " + seed + ", case " + c);
        }
    }

    /**
     * Publishes the notice; with wholeDistrict its first item names the whole district instead (what the importer
     * cannot read from a text, but a notice may say: its exceptions stay), written into the draft before publication.
     */
    private String publish(Map<String, Object> input, boolean wholeDistrict) {
        if (!wholeDistrict) {
            return RiskMapOracle.published(input);
        }
        String id = RiskMapOracle.draft(input);
        db.preparedQuery("update designation_target t set area_id = (select id from area where district = $2 and depth = 0)"
                        + " from designation d where d.id = t.designation_id and d.notice_id = $1 and d.ordinal ="
                        + " (select min(ordinal) from designation where notice_id = $1) and not t.excluded")
                .execute(Tuple.of(Long.parseLong(id), DISTRICT)).await().indefinitely();
        RiskMapOracle.publish(id);
        return id;
    }

    /** An address in the district: a compound, a building (the fourth never named), a unit. */
    private static String address(Random random) {
        String address = DISTRICT + COMPOUNDS[random.nextInt(COMPOUNDS.length)];
        if (random.nextInt(4) > 0) {
            address += (1 + random.nextInt(4)) + "号楼";
            if (random.nextBoolean()) {
                address += (1 + random.nextInt(3)) + "单元";
            }
        }
        return address;
    }

    /** One to three items: a compound, a building of one, a unit of one, or a compound but one building. */
    private static List<Map<String, Object>> items(Random random) {
        List<Map<String, Object>> items = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String compound = COMPOUNDS[random.nextInt(COMPOUNDS.length)];
            int building = 1 + random.nextInt(3);
            String area = switch (random.nextInt(4)) {
                case 0 -> compound;
                case 1 -> compound + building + "号楼";
                case 2 -> compound + building + "号楼" + (1 + random.nextInt(2)) + "单元";
                default -> compound + "(" + building + "号楼除外)";
            };
            items.add(RiskMapOracle.item(DISTRICT, area, LEVELS[random.nextInt(random.nextInt(4) == 0 ? 3 : 2)]));
        }
        return items;
    }
}
