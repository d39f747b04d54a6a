package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RiskLevelTest {

    private static final String RISK = """
            query($address: String!, $asOf: Date) { riskLevel(address: $address, asOf: $asOf) {
              designated since level { code name } area { fullName kind } matchedArea { fullName }
              notice { number issueDate } designation { text } } }""";

    @BeforeEach
    void fixturesImported() {
        Notices.importFixtures();
    }

    @Test
    void aUnitDowngradedByNotice194IsLowRisk() {
        JsonPath r = risk("晋阳紫城4号楼10单元", "2022-11-30");
        assertTrue(r.getBoolean("designated"));
        assertEquals("LOW", r.getString("level.code"));
        assertEquals(194, r.getInt("notice.number"));
        assertEquals("2022-11-30", r.getString("since"));
        assertEquals("晋阳紫城4号楼10单元", r.getString("designation.text"));
    }

    @Test
    void theSameAddressWithCityAndDistrictGivesTheSameAnswer() {
        JsonPath r = risk("太原市小店区晋阳紫城小区4号楼10单元", "2022-12-01");
        assertEquals("LOW", r.getString("level.code"));
        assertEquals(194, r.getInt("notice.number"));
    }

    @Test
    void anExceptedUnitIsNotCoveredByTheDowngradeOfItsCompound() {
        JsonPath excepted = risk("小店区翠竹小院C座1单元", "2022-11-30");
        assertFalse(excepted.getBoolean("designated"));
        assertNull(excepted.get("level"));
        assertNotNull(excepted.get("matchedArea"));

        // With its district: another test's notice names a 翠竹小院 of 杏花岭区 too.
        JsonPath neighbour = risk("小店区翠竹小院C座2单元", "2022-11-30");
        assertEquals("LOW", neighbour.getString("level.code"));
        assertEquals("翠竹小院(C座1单元除外)", neighbour.getString("designation.text"));
    }

    @Test
    void aNewHighRiskCompoundIsHighRiskInEveryBuilding() {
        JsonPath r = risk("小店区水木云天小区3号楼2单元", "2022-11-30");
        assertEquals("HIGH", r.getString("level.code"));
        assertEquals("西贾社区水木云天小区", r.getString("designation.text"));
        assertEquals("COMPOUND", r.getString("area.kind"));
    }

    @Test
    void beforeTheNoticeTheAddressIsNotDesignated() {
        assertFalse(risk("晋阳紫城4号楼10单元", "2022-11-01").getBoolean("designated"));
    }

    @Test
    void aLaterNoticeWinsOverAnEarlierOne() {
        String notice = """
                市疫情防控办发布第301号通告:
                12月5日,市疫情防控办发布第301号通告,即日起我市新增高风险区1个。新增高风险区1个,分别是:
                小店区(1个):晋阳紫城小区。
                """;
        Notices.importText(notice, 2022);
        assertEquals("HIGH", risk("晋阳紫城4号楼10单元", "2022-12-05").getString("level.code"));
        assertEquals(301, risk("晋阳紫城4号楼10单元", "2022-12-05").getInt("notice.number"));
        assertEquals("LOW", risk("晋阳紫城4号楼10单元", "2022-12-04").getString("level.code"));
    }

    @Test
    void anExceptionOfOneItemGivesWayToAnotherItemOfTheSameNotice() {
        String notice = """
                市疫情防控办发布第302号通告:
                12月6日,市疫情防控办发布第302号通告,即日起我市新增高风险区1个,调整为低风险区1个。新增高风险区1个,分别是:
                万柏林区(1个):西吴御龙庭小区1号楼2单元。
                调整为低风险区1个,分别是:
                万柏林区(1个):西吴御龙庭小区(1号楼2单元除外)。
                """;
        Notices.importText(notice, 2022);
        assertEquals("HIGH", risk("西吴御龙庭小区1号楼2单元", "2022-12-06").getString("level.code"));
        assertEquals("LOW", risk("西吴御龙庭小区1号楼1单元", "2022-12-06").getString("level.code"));
        assertEquals("LOW", risk("万柏林区西吴御龙庭小区", "2022-12-06").getString("level.code"));
    }

    @Test
    void anUnknownAddressIsNotDesignated() {
        JsonPath r = risk("无此小区99号楼", "2022-11-30");
        assertFalse(r.getBoolean("designated"));
        assertNull(r.get("matchedArea"));
    }

    @Test
    void aBlankAddressIsRefused() {
        GRAPHQL.post(RISK, Map.of("address", "  "))
                .body("errors[0].extensions.code", equalTo("INVALID_ADDRESS"))
                .body("errors[0].path[0]", equalTo("riskLevel"));
    }

    @Test
    void areaHistoryListsEveryDesignationOfTheAreaAndItsEnclosingAreas() {
        String query = """
                query($text: String!) { searchAreas(text: $text) { id fullName
                  levelHistory { date level { code } designatedArea { fullName } notice { number } } } }""";
        List<Map<String, Object>> found = GRAPHQL.data(query, Map.of("text", "晋阳紫城4号楼10单元"))
                .getList("searchAreas");
        assertEquals(1, found.size(), found::toString);
        List<?> history = (List<?>) found.get(0).get("levelHistory");
        // Notice 194 names both the unit and its compound (晋阳紫城小区).
        assertTrue(history.size() >= 2, history::toString);
    }

    private static JsonPath risk(String address, String asOf) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("address", address);
        vars.put("asOf", asOf);
        return GRAPHQL.data(RISK, vars).setRootPath("data.riskLevel");
    }
}
