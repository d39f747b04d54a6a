package org.epicontrol.notice.importing;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;

/**
 * One office's notices from other sources (its web page, newspaper reposts) through importNotice and riskLevel.
 * Places are in {@link Notices#TEST_DISTRICT}, so that no other test's counts or maps change.
 */
@QuarkusTest
class NoticeSourcesImportTest {

    private static final String CANONICAL = "太原市疫情防控领导小组办公室";
    private static final String D = Notices.TEST_DISTRICT;

    private static final String NOTICE = """
            query($id: ID!) { notice(id: $id) { issuer issueDate effectiveDate
              designations { text areas { fullName } } } }""";

    private static final String RISK = """
            query($address: String!, $asOf: Date) { riskLevel(address: $address, asOf: $asOf) {
              designated level { code } notice { number } designation { text } } }""";

    /** Notice 221 as the office's web page shows it, in effect from the day after its issue date. */
    private static final String WEB_PAGE = NoticeSourcesTest.webPage(221, "自2022年12月8日起", """
            一、新增高风险区（2个）
            %s（2个）：坞城路6巷5、6、8号、滨河小区1.2号楼、9号楼
            【打印】【关闭】
            """.formatted(D));

    /** The same notice as a newspaper reprinted it. */
    private static final String REPOST = """
            ## 市疫情防控办发布第221号通告:

            本报讯 12月6日,市疫情防控办发布第221号通告,自12月8日起我市新增高风险区2个。新增高风险区2个,分别是:

            %1$s(2个):坞城路6巷5、6、8号,滨河小区1.2号楼、9号楼。
            """.formatted(D);

    /** An earlier notice: the lane's house 6 was low-risk before notice 221 took effect. */
    private static final String EARLIER = """
            ## 市疫情防控办发布第220号通告:

            本报讯 12月1日,市疫情防控办发布第220号通告,即日起我市调整为低风险区1个。调整为低风险区1个,分别是:

            %1$s(1个):坞城路6巷6号。
            """.formatted(D);

    @Test
    void aWebPageCopyNamesItsIssuerByTheOfficesFullNameAndListsThePrintedItems() {
        JsonPath result = Notices.importText(WEB_PAGE, null);
        assertEquals(221, result.getInt("notice.number"));
        assertEquals(CANONICAL, result.getString("notice.issuer"));
        assertEquals("2022-12-06", result.getString("notice.issueDate"));
        assertEquals(List.of(), result.getList("notice.warnings"));

        JsonPath notice = GRAPHQL.data(NOTICE, Map.of("id", result.getString("notice.id")));
        assertEquals("2022-12-08", notice.getString("notice.effectiveDate"));
        assertEquals(List.of("坞城路6巷5、6、8号", "滨河小区1.2号楼、9号楼"), notice.getList("notice.designations.text"));
        assertEquals(List.of(3, 3), notice.getList("notice.designations.collect { it.areas.size() }"));
    }

    @Test
    void aWebPageCopyWithoutSignatureIsIssuedByTheNameInItsHeadingOnTheDateOfItsSourceLine() {
        String unsigned = WEB_PAGE.replace("第221号", "第223号").replace("太原市疫情防控领导小组办公室\n2022年12月6日\n", "")
                .replace("2022年12月6日 23:40", "2022年12月5日 23:40");
        JsonPath result = Notices.importText(unsigned, null);
        assertTrue(result.getBoolean("created"), result.getString("message"));
        assertEquals(CANONICAL, result.getString("notice.issuer"));
        assertEquals("2022-12-05", result.getString("notice.issueDate"));
    }

    @Test
    void oneNoticeImportedFromTwoSourcesIsOneNotice() {
        JsonPath first = Notices.importText(WEB_PAGE, null);
        JsonPath second = Notices.importText(REPOST, 2022);
        assertFalse(second.getBoolean("created"), second.getString("message"));
        assertEquals(first.getString("notice.id"), second.getString("notice.id"));
    }

    @Test
    void everyHouseOfASharedNumberListGetsItsLevelFromTheDateOfEffectOn() {
        Notices.importText(EARLIER, 2022);
        Notices.importText(WEB_PAGE, null);
        for (String house : List.of("坞城路6巷5号", "坞城路6巷6号", "坞城路6巷8号", "滨河小区2号楼1单元", "滨河小区9号楼")) {
            JsonPath r = risk(D + house, "2022-12-08");
            assertEquals("HIGH", r.getString("level.code"), house);
            assertEquals(221, r.getInt("notice.number"), house);
        }
        // Issued on the 6th, in effect from the 8th: on the 7th the earlier level still holds.
        assertEquals("LOW", risk(D + "坞城路6巷6号", "2022-12-07").getString("level.code"));
        assertFalse(risk(D + "坞城路6巷5号", "2022-12-07").getBoolean("designated"));
        assertFalse(risk(D + "坞城路6巷7号", "2022-12-08").getBoolean("designated"));
    }

    @Test
    void theIssuerArgumentIsResolvedThroughTheAliasesToo() {
        String text = """
                关于调整风险区域的通告
                （2022年第222号）
                即日起新增高风险区1个，分别是：
                %s（1个）：别名小区。
                2022年12月6日
                """.formatted(D);
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", text);
        vars.put("issuer", " 太原市新冠肺炎疫情防控工作领导小组办公室 ");
        JsonPath result = Staff.editor().data(Notices.IMPORT, vars).setRootPath("data.importNotice");
        assertTrue(result.getBoolean("created"), result.getString("message"));
        assertEquals(CANONICAL, result.getString("notice.issuer"));
    }

    private static JsonPath risk(String address, String asOf) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("address", address);
        vars.put("asOf", asOf);
        return GRAPHQL.data(RISK, vars).setRootPath("data.riskLevel");
    }
}
