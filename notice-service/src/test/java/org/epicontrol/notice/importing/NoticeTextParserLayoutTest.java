package org.epicontrol.notice.importing;

import static org.epicontrol.notice.importing.NoticeFixtures.fw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Other layouts the same offices used; none of them may lose or invent an item. */
class NoticeTextParserLayoutTest {

    private final NoticeTextParser parser = new NoticeTextParser(NoticeFixtures.LEVELS);

    @Test
    void readsTheOfficeHeaderLayoutWithNumberedSectionsAndSignature() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("synthetic-a-office-header-2022-165.txt"));

        assertEquals("太原市新冠肺炎疫情防控工作领导小组办公室", n.issuer());
        assertEquals("关于调整我市风险区域的通告", n.title());
        assertEquals(2022, n.year());
        assertEquals(165, n.number());
        assertEquals(11, n.month());
        assertEquals(12, n.day());
        assertEquals(fw("国务院联防联控机制优化疫情防控工作二十条措施和《新型冠状病毒肺炎防控方案(第九版)》"), n.legalBasis());
        assertEquals(fw("三、高风险区实行“足不出户、上门服务”,连续5天无新增感染者的,降为低风险区。"
                + "低风险区实行“个人防护,避免聚集”,离并人员须持48小时内核酸检测阴性证明。\n四、本通告自发布之日起施行。"),
                n.measures());
        assertEquals(List.of(), n.warnings());

        assertEquals(List.of(
                new ParsedSection("高风险区", "新增", null, List.of(
                        new ParsedDistrictList("小店区", 2, List.of("晋阳紫城4号楼10单元", "浦东雅典北区")),
                        new ParsedDistrictList("迎泽区", null, List.of("双塔寺街道郝庄社区南方花园3号楼", "柳巷1号院")))),
                new ParsedSection("低风险区", "调整为", null, List.of(
                        new ParsedDistrictList("杏花岭区", 3, List.of("鱼池街21号4号楼", fw("新建路151号早西门小区(7号楼、8号楼)"),
                                fw("翠竹小院(C座1单元除外)"))),
                        new ParsedDistrictList("万柏林区", 1, List.of("玉门花园A区12号"))))),
                n.sections());
    }

    @Test
    void keepsAllItemsUnderTheSecondDistrictWhenTheFirstListsNothing() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("synthetic-b-empty-district-196.txt"));

        ParsedSection high = n.sections().get(0);
        assertEquals(8, high.declaredCount());
        assertEquals(List.of(
                new ParsedDistrictList("小店区", 1, List.of()),
                new ParsedDistrictList("晋源区", 7, List.of("德恒世府苑2号楼", "都市e线A座2单元", "太药A小区26号院10号楼2单元",
                        "华城小区D座", "丽都美墅小区3号楼1单元", "绿地城9号楼1单元", "当代MOMA沿湖城5号楼2单元", "晋祠镇王郭村"))),
                high.districts());
        assertEquals(List.of("DISTRICT_EMPTY", "DISTRICT_COUNT_MISMATCH"), codes(n));
        assertMentions(n.warnings().get(0), "小店区", "1", "0");
        assertMentions(n.warnings().get(1), "晋源区", "7", "8");
    }

    @Test
    void warnsWhenTheHeadlineTotalDiffersFromTheItemsListed() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("synthetic-c-headline-mismatch-197.txt"));

        assertEquals(197, n.number());
        assertEquals(3, n.sections().get(0).itemCount());
        assertEquals(4, n.sections().get(1).itemCount());
        assertEquals(List.of("HEADLINE_TOTAL_MISMATCH"), codes(n));
        assertMentions(n.warnings().get(0), "低风险区", "5", "4");
    }

    @Test
    void warnsWhenASectionHeaderCountDiffersFromItsDistricts() {
        String text = """
                市疫情防控办发布第199号通告
                12月4日,市疫情防控办发布第199号通告。新增高风险区20个,分别是:
                小店区(3个):晋阳紫城小区,富士苑小区,文兴苑。
                """;
        ParsedNotice n = parser.parse(text);

        assertEquals(3, n.sections().get(0).itemCount());
        assertEquals(List.of("SECTION_COUNT_MISMATCH"), codes(n));
        assertMentions(n.warnings().get(0), "高风险区", "20", "3");
    }

    @Test
    void keepsItemsListedWithoutADistrictHeader() {
        String text = """
                市疫情防控办发布第200号通告
                12月5日,市疫情防控办发布第200号通告。调整为低风险区2个,分别是:晋阳紫城小区,富士苑小区。
                """;
        ParsedNotice n = parser.parse(text);

        assertEquals(List.of(new ParsedDistrictList(null, null, List.of("晋阳紫城小区", "富士苑小区"))),
                n.sections().get(0).districts());
        assertEquals(List.of("SECTION_WITHOUT_DISTRICT"), codes(n));
    }

    @Test
    void repairsNamesBrokenAcrossLinesIncludingInsideAParenthesisedList() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("synthetic-d-broken-lines-198.txt"));

        assertEquals(List.of(new ParsedDistrictList("小店区", 3,
                        List.of("晋阳紫城4号楼10单元", "浦东雅典小区北区16号楼2单元", "明悦小区8号楼半边户"))),
                n.sections().get(0).districts());
        assertEquals(List.of(new ParsedDistrictList("杏花岭区", 3,
                        List.of("新建路151号早西门小区(7号楼、8号楼、9号楼)", "翠竹小院(C座1单元除外)", "北肖墙19号院"))),
                n.sections().get(1).districts());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void readsTheSealedControlledPrecautionVocabulary() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("synthetic-e-qingxu-zones-2022-12.txt"));

        assertEquals("清徐县新冠肺炎疫情防控工作领导小组办公室", n.issuer());
        assertEquals("关于划定封控区、管控区和防范区的通告", n.title());
        assertEquals(2022, n.year());
        assertEquals(12, n.number());
        assertEquals(4, n.month());
        assertEquals(8, n.day());
        assertEquals(fw("《新型冠状病毒肺炎防控方案(第八版)》"), n.legalBasis());
        assertEquals(fw("封控区实行“区域封闭、足不出户、服务上门”;管控区实行“人不出区、严禁聚集”。"), n.measures());
        assertEquals(List.of(
                new ParsedSection("封控区", "划定为", 2, List.of(
                        new ParsedDistrictList("清徐县", 2, List.of("清源镇孔村", "清源镇东于村")))),
                new ParsedSection("管控区", "划定为", 3, List.of(
                        new ParsedDistrictList("清徐县", 3, List.of("清源镇西关村", "清源镇南关村", "徐沟镇王答村")))),
                new ParsedSection("防范区", "划定为", 1, List.of(
                        new ParsedDistrictList("清徐县", 1, List.of("清源镇"))))),
                n.sections());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void takesTheLevelVocabularyAsDataNotCode() {
        NoticeTextParser riskOnly = new NoticeTextParser(List.of("高风险区", "低风险区"));
        NoticeFormatException e = assertThrows(NoticeFormatException.class,
                () -> riskOnly.parse(NoticeFixtures.read("synthetic-e-qingxu-zones-2022-12.txt")));
        assertEquals("NOT_A_NOTICE", e.code());

        NoticeTextParser withMedium = new NoticeTextParser(List.of("中风险区"));
        ParsedNotice n = withMedium.parse("""
                市疫情防控办发布第150号通告
                11月1日,市疫情防控办发布第150号通告,即日起我市新增中风险区1个。新增中风险区1个,分别是:
                迎泽区(1个):柳巷1号院。
                """);
        assertEquals("中风险区", n.sections().get(0).levelName());
        assertEquals(List.of("柳巷1号院"), n.sections().get(0).districts().get(0).items());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void readsFullWidthPunctuationAndInlineDistrictsInOneParagraph() {
        String text = fw("市疫情防控办发布第201号通告\r\n"
                + "12月6日,市疫情防控办发布第201号通告,即日起我市新增高风险区3个。\r\n"
                + "新增高风险区3个,分别是:小店区(1个):晋阳紫城小区(南门),杏花岭区(2个):永济小区1号楼2单元;王家巷金盛元D座。"
                + "高风险区实行“足不出户、上门服务”。\r\n");
        assertTrue(text.indexOf(',') < 0 && text.indexOf('(') < 0, "the text really is full-width");
        ParsedNotice n = parser.parse(text);

        assertEquals(List.of(
                new ParsedDistrictList("小店区", 1, List.of(fw("晋阳紫城小区(南门)"))),
                new ParsedDistrictList("杏花岭区", 2, List.of("永济小区1号楼2单元", "王家巷金盛元D座"))),
                n.sections().get(0).districts());
        assertEquals(3, n.sections().get(0).declaredCount());
        assertEquals("高风险区实行“足不出户、上门服务”。", n.measures());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void endsAListThatLacksAFullStopAtTheMeasuresParagraph() {
        String text = """
                市疫情防控办发布第202号通告
                12月7日,市疫情防控办发布第202号通告:
                新增高风险区2个,分别是:
                万柏林区(2个):鑫美天地12号楼,龙泉花园1号楼
                高风险区实行“足不出户、上门服务”,
                连续5天无新增感染者的降为低风险区。
                """;
        ParsedNotice n = parser.parse(text);

        assertEquals(List.of("鑫美天地12号楼", "龙泉花园1号楼"), n.sections().get(0).districts().get(0).items());
        assertEquals("高风险区实行“足不出户、上门服务”,连续5天无新增感染者的降为低风险区。", n.measures());
        assertNull(n.year());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void usesTheTitleLineWhenNoMarkdownHeadingIsPrinted() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("synthetic-c-headline-mismatch-197.txt"));
        assertEquals("市疫情防控办发布第197号通告", n.title());
        assertEquals("市疫情防控办", n.issuer());
        assertEquals(12, n.month());
        assertEquals(2, n.day());
    }

    private static List<String> codes(ParsedNotice n) {
        return n.warnings().stream().map(ParseWarning::code).toList();
    }

    private static void assertMentions(ParseWarning w, String... parts) {
        for (String p : parts) {
            assertTrue(w.message().contains(p), () -> w.message() + " should mention " + p);
        }
    }
}
