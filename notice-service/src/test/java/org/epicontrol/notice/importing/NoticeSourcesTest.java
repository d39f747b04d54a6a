package org.epicontrol.notice.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same office's notices as other sources print them: its web page, reposts, newspapers. */
class NoticeSourcesTest {

    static final List<String> TAIYUAN_NAMES = List.of("太原市疫情防控领导小组办公室", "市疫情防控办", "太原市疫情防控办",
            "太原市新冠肺炎疫情防控工作领导小组办公室", "太原市新型冠状病毒肺炎疫情防控工作领导小组办公室");

    /** A copy of the office's web page: site name, breadcrumbs, source line, page buttons around the notice. */
    static final String WEB_PAGE = webPage(203, "自2022年12月7日起", """
            一、新增高风险区（3个）
            小店区（2个）：坞城路6巷5、6、8号、滨河小区1.2号楼、9号楼
            迎泽区（1个）：桃园南路3、5号楼
            【打印】【关闭】
            二、调整为低风险区（1个）
            杏花岭区（1个）：胜利街7号院
            """);

    /** Notice {@code number} of 2022-12-06 as the office's web page shows it, with its sections {@code lists}. */
    static String webPage(int number, String start, String lists) {
        return """
                太原市人民政府门户网站
                首页 > 新闻中心 > 通知公告 > 正文
                太原市新型冠状病毒肺炎疫情防控工作领导小组办公室通告
                （2022年第%d号）
                来源:太原日报  2022年12月6日 23:40
                字号：大 中 小
                分享到：
                根据《新型冠状病毒肺炎防控方案（第九版）》有关规定，经专家组研判，%s对我市部分风险区域作如下调整：
                %s高风险区实行“足不出户、上门服务”。
                太原市疫情防控领导小组办公室
                2022年12月6日
                【打印】【关闭】
                上一篇：市疫情防控办发布第202号通告
                """.formatted(number, start, lists);
    }

    private final NoticeTextParser parser = new NoticeTextParser(NoticeFixtures.LEVELS, TAIYUAN_NAMES);

    @Test
    void aWebPageCopyIsReadAsTheNoticeWithoutItsPageFurniture() {
        ParsedNotice n = parser.parse(WEB_PAGE);

        assertEquals("太原市新型冠状病毒肺炎疫情防控工作领导小组办公室", n.issuer());
        assertEquals(2022, n.year());
        assertEquals(203, n.number());
        assertEquals(List.of(12, 6), List.of(n.month(), n.day()));
        assertEquals(List.of(), n.warnings());
        assertEquals(List.of(
                new ParsedSection("高风险区", "新增", 3, List.of(
                        new ParsedDistrictList("小店区", 2, List.of("坞城路6巷5、6、8号", "滨河小区1.2号楼、9号楼")),
                        new ParsedDistrictList("迎泽区", 1, List.of("桃园南路3、5号楼")))),
                new ParsedSection("低风险区", "调整为", 1, List.of(
                        new ParsedDistrictList("杏花岭区", 1, List.of("胜利街7号院"))))),
                n.sections());
    }

    @Test
    void withoutASignatureDateTheDateComesFromThePageSourceLine() {
        String text = WEB_PAGE.replace("太原市疫情防控领导小组办公室\n2022年12月6日\n", "")
                .replace("2022年12月6日 23:40", "2022年12月5日 23:40");
        ParsedNotice n = parser.parse(text);
        // The lead's "自2022年12月7日起" says when it takes effect, not when it was issued.
        assertEquals(List.of(2022, 12, 5), List.of(n.year(), n.month(), n.day()));
        assertEquals(new ParsedDate(2022, 12, 7), n.effectiveFrom());
    }

    @Test
    void theSignatureDateWinsOverThePageSourceLine() {
        ParsedNotice n = parser.parse(WEB_PAGE.replace("2022年12月6日 23:40", "2022年12月8日 08:00"));
        assertEquals(List.of(12, 6), List.of(n.month(), n.day()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "太原市新型冠状病毒肺炎疫情防控工作领导小组办公室通告",
            "太原市新冠肺炎疫情防控工作领导小组办公室关于调整风险区域的通告",
            "太原市 新型冠状病毒肺炎疫情防控工作领导小组办公室",
            "转自：太原市疫情防控办"})
    void everyNameOfTheOfficeInTheHeadingNamesTheIssuer(String heading) {
        String text = heading + "\n（2022年第204号）\n即日起新增高风险区1个，分别是：\n小店区（1个）：晋阳紫城小区。\n12月7日\n";
        String printed = parser.parse(text).issuer();
        assertEquals(heading.replace(" ", "").replace("转自：", "").replace("通告", "")
                .replace("关于调整风险区域的", ""), printed);
    }

    @Test
    void theSignatureNamesTheIssuerWhenTheHeadingDoesNot() {
        String text = "关于调整风险区域的通告\n（2022年第205号）\n即日起新增高风险区1个，分别是：\n小店区（1个）：晋阳紫城小区。\n"
                + "太原市疫情防控领导小组办公室\n2022年12月7日\n";
        assertEquals("太原市疫情防控领导小组办公室", parser.parse(text).issuer());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'11月28日起，我市新增高风险区1个', 2022-11-28",
            "'自2022年11月28日起，我市新增高风险区1个', 2022-11-28",
            "'11月28日0时起，我市新增高风险区1个', 2022-11-28",
            "'自十一月二十八日零时起，我市新增高风险区1个', 2022-11-28",
            "'12月1日零时00分起，我市新增高风险区1个', 2022-12-01"})
    void theEffectiveDateIsReadFromTheLead(String lead, String effective) {
        ParsedNotice n = parser.parse(repost(lead));
        assertEquals(effective, n.effectiveFrom().near(java.time.LocalDate.of(2022, 11, 27)).toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'根据疫情防控需要,经专家研判,自11月28日起小店区新增高风险区1个,分别是:', 2022-11-28",
            "'11月28日起，新增高风险区1个，分别是：', 2022-11-28",
            "'经研判，决定自2022年11月28日0时起，调整以下区域为高风险区1个，分别是：', 2022-11-28"})
    void theEffectiveDateIsReadFromTheLineThatOpensTheList(String opening, String effective) {
        String text = "太原市新型冠状病毒肺炎疫情防控工作领导小组办公室关于调整风险区的通告\n（2022年第207号）\n"
                + opening + "\n小店区(1个):晋阳紫城小区。\n太原市新型冠状病毒肺炎疫情防控工作领导小组办公室\n2022年11月26日\n";
        ParsedNotice n = parser.parse(text);
        assertEquals(effective, n.effectiveFrom().near(java.time.LocalDate.of(2022, 11, 26)).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'即日起，我市新增高风险区1个'", "'我市新增高风险区1个'", "'自发布之日起，我市新增高风险区1个'"})
    void aNoticeWithoutADateOfEffectTakesEffectOnItsIssueDate(String lead) {
        assertNull(parser.parse(repost(lead)).effectiveFrom());
    }

    @Test
    void aDateMentionedAfterTheImmediateStartIsNotTheEffectiveDate() {
        ParsedNotice n = parser.parse(repost("即日起，我市新增高风险区1个（11月20日起已管控）"));
        assertNull(n.effectiveFrom());
    }

    @Test
    void aListBrokenByPageButtonsKeepsItsItems() {
        String text = WEB_PAGE.replace("迎泽区（1个）：桃园南路3、5号楼\n【打印】【关闭】\n", "迎泽区（1个）：桃园南路3、\n分享到：\n5号楼\n");
        ParsedNotice n = parser.parse(text);
        assertEquals(List.of("桃园南路3、5号楼"), n.sections().get(0).districts().get(1).items());
        assertEquals(List.of(), n.warnings());
    }

    /** A newspaper repost of notice 206 of 11月27日 whose lead is {@code lead}. */
    private static String repost(String lead) {
        return "## 市疫情防控办发布第206号通告:\n\n本报讯 11月27日,市疫情防控办发布第206号通告," + lead + "。新增高风险区1个,分别是:\n\n"
                + "小店区(1个):晋阳紫城小区。\n";
    }
}
