package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * riskTrend is riskCounts day by day: over a window in which notices designate, supersede (a correction), lift (a
 * cancellation) and raise a building inside a compound, each day of the trend equals riskCounts(asOf) of that day,
 * for the whole city and for one district. Bad windows are refused with INVALID_INPUT.
 */
@QuarkusTest
class RiskTrendTest {

    private static final String ISSUER = "趋势测试指挥部";
    private static final String D = Notices.TEST_DISTRICT;
    private static final LocalDate FROM = LocalDate.parse("2024-05-01");
    private static final LocalDate TO = LocalDate.parse("2024-05-25");

    private static final String TREND = """
            query($from: Date!, $to: Date!, $district: String) {
              riskTrend(from: $from, to: $to, district: $district) { date district level count } }""";
    private static final String COUNTS = "query($asOf: Date) { riskCounts(asOf: $asOf) { district level areas } }";

    private static boolean seeded;

    @BeforeEach
    void noticesOverTheWindow() {
        if (seeded) {
            return;
        }
        seeded = true;
        Notices.importFixtures();
        // 05-03: two compounds high and low; 05-10 a correction keeps only the first, lowered; 05-15 a building of
        // the first raised by its own notice; 05-20 the correction cancelled (the building stays).
        String first = published(input(1, "2024-05-03", List.of(item("趋势甲小区", "HIGH"), item("趋势乙小区", "LOW"))));
        String correction = published(referring("UPDATE", first, 2, "2024-05-10", List.of(item("趋势甲小区", "LOW"))));
        published(input(3, "2024-05-15", List.of(item("趋势甲小区5号楼", "HIGH"))));
        published(referring("CANCEL", correction, 4, "2024-05-20", List.of()));
    }

    @Test
    void eachDayOfTheTrendIsRiskCountsOfThatDay() {
        Map<LocalDate, Set<String>> trend = byDay(GRAPHQL.data(TREND, window(FROM, TO, null)).getList("riskTrend"));
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            Set<String> counts = new HashSet<>();
            for (Map<String, Object> c : GRAPHQL.data(COUNTS, Map.of("asOf", day.toString())).<Map<String, Object>>getList("riskCounts")) {
                counts.add(c.get("district") + "/" + c.get("level") + "=" + c.get("areas"));
            }
            assertEquals(counts, trend.getOrDefault(day, Set.of()), "riskTrend on " + day);
        }
    }

    @Test
    void oneDistrictsTrendFollowsItsNoticesAndEqualsRiskCountsOfEachDay() {
        List<Map<String, Object>> rows = GRAPHQL.data(TREND, window(FROM, TO, D)).getList("riskTrend");
        assertTrue(rows.stream().allMatch(r -> D.equals(r.get("district"))), rows::toString);
        Map<LocalDate, Set<String>> trend = byDay(rows);
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            Set<String> counts = new HashSet<>();
            for (Map<String, Object> c : GRAPHQL.data(COUNTS, Map.of("asOf", day.toString())).<Map<String, Object>>getList("riskCounts")) {
                if (D.equals(c.get("district"))) {
                    counts.add(c.get("district") + "/" + c.get("level") + "=" + c.get("areas"));
                }
            }
            assertEquals(counts, trend.getOrDefault(day, Set.of()), "riskTrend of " + D + " on " + day);
        }
        // the window's notices move the counts: the trend is not one day repeated
        assertTrue(new HashSet<>(trend.values()).size() >= 3, trend::toString);
    }

    @Test
    void theAnswerIsOrderedByDateDistrictAndLevel() {
        List<Map<String, Object>> rows = GRAPHQL.data(TREND, window(FROM, TO, null)).getList("riskTrend");
        List<String> keys = new ArrayList<>(rows.stream().map(r -> r.get("date") + "|" + r.get("district") + "|" + r.get("level")).toList());
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);
        assertTrue(!keys.isEmpty());
    }

    @Test
    void ninetyTwoDaysAnswerAndNinetyThreeAreRefused() {
        GRAPHQL.post(TREND, window(FROM, FROM.plusDays(91), D)).body("errors", nullValue());
        GRAPHQL.post(TREND, window(FROM, FROM.plusDays(92), D))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"))
                .body("errors[0].path", equalTo(List.of("riskTrend")))
                .body("data", nullValue());
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        GRAPHQL.post(TREND, window(TO, FROM, null))
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"))
                .body("errors[0].path", equalTo(List.of("riskTrend")));
    }

    @Test
    void oneDayIsAWindowToo() {
        LocalDate day = LocalDate.parse("2024-05-16");
        Map<LocalDate, Set<String>> trend = byDay(GRAPHQL.data(TREND, window(day, day, D)).getList("riskTrend"));
        assertEquals(Set.of(day), trend.keySet());
    }

    private static Map<LocalDate, Set<String>> byDay(List<Map<String, Object>> rows) {
        Map<LocalDate, Set<String>> out = new HashMap<>();
        for (Map<String, Object> r : rows) {
            out.computeIfAbsent(LocalDate.parse((String) r.get("date")), d -> new HashSet<>())
                    .add(r.get("district") + "/" + r.get("level") + "=" + r.get("count"));
        }
        return out;
    }

    private static Map<String, Object> window(LocalDate from, LocalDate to, String district) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("from", from.toString());
        vars.put("to", to.toString());
        vars.put("district", district);
        return vars;
    }

    private static Map<String, Object> item(String area, String level) {
        return Map.of("district", D, "area", area, "level", level);
    }

    private static Map<String, Object> input(int number, String date, List<Map<String, Object>> items) {
        Map<String, Object> in = new HashMap<>();
        in.put("issuer", ISSUER);
        in.put("year", 2024);
        in.put("number", number);
        in.put("issueDate", date);
        in.put("designations", items);
        return in;
    }

    private static Map<String, Object> referring(String type, String references, int number, String date,
                                                 List<Map<String, Object>> items) {
        Map<String, Object> in = input(number, date, items);
        in.put("messageType", type);
        in.put("references", references);
        return in;
    }

    private static String published(Map<String, Object> input) {
        String id = Staff.editor().data(Notices.CREATE, Map.of("input", input)).getString("createNotice.id");
        Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
        return id;
    }
}
