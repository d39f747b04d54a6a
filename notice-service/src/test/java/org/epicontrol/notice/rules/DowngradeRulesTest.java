package org.epicontrol.notice.rules;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DowngradeRulesTest {

    private static final String DUE = """
            query($d: Date!) { dueForDowngrade(asOf: $d, district: "杏花岭区") {
              area { id fullName } level { code } quietDays requiredDays downgradeTo { code } lastInfection } }""";

    @BeforeEach
    void fixturesImported() {
        Notices.importFixtures();
    }

    @Test
    void aHighRiskAreaIsDueAfterFiveQuietDays() {
        assertFalse(names("2022-12-04").contains("杏花岭区太阳城一期5号楼"));
        List<Map<String, Object>> due = Staff.editor().data(DUE, Map.of("d", "2022-12-05")).getList("dueForDowngrade");
        Map<String, Object> taiyang = due.stream()
                .filter(d -> ((Map<?, ?>) d.get("area")).get("fullName").equals("杏花岭区太阳城一期5号楼"))
                .findFirst().orElseThrow();
        assertEquals(5, taiyang.get("quietDays"));
        assertEquals(5, taiyang.get("requiredDays"));
        assertEquals("LOW", ((Map<?, ?>) taiyang.get("downgradeTo")).get("code"));
        // Low-risk areas have no downgrade rule.
        assertTrue(due.stream().allMatch(d -> ((Map<?, ?>) d.get("level")).get("code").equals("HIGH")));
    }

    @Test
    void aNewInfectionRestartsTheQuietPeriod() {
        JsonPath area = GRAPHQL.data("{ searchAreas(text: \"矿机宿舍五居委5号楼\") { id } }");
        String id = area.getString("searchAreas[0].id");
        Staff.editor().data("mutation($id: ID!) { reportCases(areaId: $id, date: \"2022-12-02\", newCases: 2) { newCases } }",
                Map.of("id", id));
        assertFalse(names("2022-12-05").contains("杏花岭区矿机宿舍五居委5号楼"));
        assertTrue(names("2022-12-07").contains("杏花岭区矿机宿舍五居委5号楼"));
    }

    @Test
    void aCaseReportInTheFutureIsRefused() {
        String id = GRAPHQL.data("{ searchAreas(text: \"永济小区\") { id } }").getString("searchAreas[0].id");
        Staff.editor().post("mutation($id: ID!) { reportCases(areaId: $id, date: \"2999-01-01\", newCases: 1) { newCases } }",
                        Map.of("id", id))
                .body("errors[0].extensions.code", equalTo("DATE_IN_FUTURE"));
    }

    @Test
    void theRuleIsDataAndListedWithTheLevels() {
        List<String> codes = GRAPHQL.data("{ riskLevels { code name severity } }").getList("riskLevels.code");
        assertTrue(codes.containsAll(List.of("HIGH", "LOW", "MEDIUM", "SEALED", "CONTROLLED", "PRECAUTION")));
    }

    private static List<String> names(String date) {
        return Staff.editor().data(DUE, Map.of("d", date)).getList("dueForDowngrade.area.fullName");
    }
}
