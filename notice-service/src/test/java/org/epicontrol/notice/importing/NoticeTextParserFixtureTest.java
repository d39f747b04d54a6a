package org.epicontrol.notice.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The two real notices of 30 November 2022, exactly as the newspaper printed them. */
class NoticeTextParserFixtureTest {

    private static final String BASIS = "国务院联防联控机制优化疫情防控工作二十条措施和《新型冠状病毒肺炎防控方案(第九版)》";

    private final NoticeTextParser parser = new NoticeTextParser(NoticeFixtures.LEVELS);

    @Test
    void readsHeaderFieldsOfNotice194() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("taiyuan-2022-194.txt"));
        assertEquals(194, n.number());
        assertEquals(11, n.month());
        assertEquals(30, n.day());
        assertNull(n.year(), "the notice prints no year; the caller supplies it");
        assertEquals("市疫情防控办", n.issuer());
        assertEquals("市疫情防控办发布第194号通告", n.title());
        assertEquals(BASIS, n.legalBasis());
        assertNull(n.measures());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void parsesEveryDesignationOfNotice194() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("taiyuan-2022-194.txt"));
        assertEquals(2, n.sections().size());

        ParsedSection high = n.sections().get(0);
        assertSection(high, "高风险区", "新增", 2);
        assertEquals(List.of(new ParsedDistrictList("小店区", 2, List.of("西贾社区水木云天小区", "西贾社区书林苑小区"))),
                high.districts());

        ParsedSection low = n.sections().get(1);
        assertSection(low, "低风险区", "调整为", 22);
        assertEquals(List.of(new ParsedDistrictList("小店区", 22, List.of(
                "浦东雅典小区北区16号楼2单元", "晋阳紫城4号楼10单元", "浦东雅典北区", "晋阳紫城小区", "新城市花园", "富士苑小区",
                "王村南街东四排", "碧桂园玖玺台", "东岳宿舍", "少教所宿舍",
                "中泽纯境小区", "城南都市嘉园一期", "中福院宿舍东区2号楼4单元", "明悦小区8号楼半边户", "电建二公司宿舍6号楼2单元",
                "电建二公司宿舍4号楼2单元", "电建二公司宿舍1号楼3单元", "前进机械厂宿舍", "前进机械厂宿舍10号楼1单元",
                "前进机械厂宿舍10号楼2单元", "翠竹小院(C座1单元除外)", "翠竹小院C座3单元"))),
                low.districts());
        assertEquals(22, low.itemCount());
    }

    @Test
    void readsHeaderFieldsOfNotice195() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("taiyuan-2022-195.txt"));
        assertEquals(195, n.number());
        assertEquals(11, n.month());
        assertEquals(30, n.day());
        assertNull(n.year());
        assertEquals("市疫情防控办", n.issuer());
        assertEquals("市疫情防控办发布第195号通告", n.title());
        assertEquals(BASIS, n.legalBasis());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void parsesEveryDesignationOfNotice195() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("taiyuan-2022-195.txt"));
        assertEquals(2, n.sections().size());

        ParsedSection high = n.sections().get(0);
        assertSection(high, "高风险区", "新增", 20);
        assertEquals(List.of(
                new ParsedDistrictList("小店区", 1, List.of("实地太原紫藤公馆2号楼")),
                new ParsedDistrictList("杏花岭区", 7, List.of("国樾龙城湾B区14号楼1单元", "太阳城一期5号楼", "矿机宿舍五居委5号楼",
                        "富力城八号园东园8号楼1单元", "富力城八号园西园1号楼1单元", "永济小区1号楼2单元", "王家巷金盛元D座")),
                new ParsedDistrictList("万柏林区", 8, List.of("下元二小区C区2号楼", "鑫美天地12号楼", "万水澜庭小区3号楼",
                        "玉门花园G区5号楼", "玉门花园G区7号楼", "龙泉花园1号楼", "龙隐小区11号楼", "应化所小区5号楼")),
                new ParsedDistrictList("晋源区", 4, List.of("德恒世府苑2号楼", "都市e线A座2单元", "太药A小区26号院10号楼2单元",
                        "华城小区D座"))),
                high.districts());
        assertEquals(20, high.itemCount());

        ParsedSection low = n.sections().get(1);
        assertSection(low, "低风险区", "调整为", 56);
        assertEquals(List.of(
                new ParsedDistrictList("小店区", 7, List.of("平阳路398号大昌生态园", "紫园小区", "实地太原紫藤公馆1号楼",
                        "实地太原紫藤公馆5号楼", "文兴苑", "寇庄西路百万庄园西区3号明德宾馆", "滨东花园2号楼")),
                new ParsedDistrictList("杏花岭区", 10, List.of("鱼池街21号4号楼", "新建路151号早西门小区54号楼2单元",
                        "新建路151号早西门小区(7号楼、8号楼、9号楼、10号楼、11号楼、12号楼、53号楼、54号楼)", "北肖墙19号院",
                        "北肖墙21号院", "金泽苑小区4号楼3单元", "尚城生活小区2号楼", "惠泽苑小区", "绿景未来城7号楼2单元",
                        "五龙湾社区山水庭院")),
                new ParsedDistrictList("尖草坪区", 7, List.of("天朗美域二期28栋4单元", "天朗美域二期29栋1单元", "花园后南街3号院3单元",
                        "太钢20小区3号楼", "恒大名都小区5栋1单元", "恒山路诚和家园1单元", "恒山路诚和家园")),
                new ParsedDistrictList("万柏林区", 29, List.of("新城吾悦首府安和苑17号楼", "大唐惠泽苑1号楼", "赞城小区2期1号楼",
                        "上庄北街公路构件厂", "袁家庄村委会三层楼", "恒大雅苑小区9号楼", "公园美地小区8号楼", "西岸小区南区4号楼",
                        "蓝湾湾3号楼", "中澳小区3号楼", "新城吾悦首府物业宿舍", "和平南路230号院4号楼", "南屯苑小区4号楼",
                        "晋阳峰璟小区5号楼", "后王街东一巷中国银行宿舍2号楼", "巅峰国际B座", "熙苑小区5号楼", "玉河街康乐巷18号院13号楼",
                        "玉河街31号院8号楼", "恒大城二期6号楼", "下元小区北区19号楼", "新都汇4号楼", "北沟西小区7号楼",
                        "鼎盛润景一期2号楼", "玉门花园A区12号", "玉门花园A区11号楼", "玉门花园A区10号楼", "玉门花园A区8号楼",
                        "红沟小区25号楼")),
                new ParsedDistrictList("晋源区", 3, List.of("当代MOMA沿湖城5号楼2单元", "丽都美墅小区3号楼1单元", "绿地城9号楼1单元"))),
                low.districts());
        assertEquals(56, low.itemCount());
    }

    @Test
    void repairsTheNewspaperLineBreakInsideAName() {
        ParsedNotice n = parser.parse(NoticeFixtures.read("taiyuan-2022-195.txt"));
        List<String> jiancaoping = n.sections().get(1).districts().get(2).items();
        assertTrue(jiancaoping.contains("恒大名都小区5栋1单元"), jiancaoping.toString());
        for (ParsedSection s : n.sections()) {
            for (ParsedDistrictList d : s.districts()) {
                for (String item : d.items()) {
                    assertTrue(item.indexOf('\n') < 0 && !item.endsWith("。") && item.equals(item.strip()), item);
                }
            }
        }
    }

    @Test
    void keepsTheHeadlineCountsConsistentWithTheListsOfBothFixtures() {
        for (String name : List.of("taiyuan-2022-194.txt", "taiyuan-2022-195.txt")) {
            ParsedNotice n = parser.parse(NoticeFixtures.read(name));
            for (ParsedSection s : n.sections()) {
                assertEquals(s.declaredCount(), s.itemCount(), name + " " + s.levelName());
            }
        }
    }

    private static void assertSection(ParsedSection s, String level, String action, int declared) {
        assertEquals(level, s.levelName());
        assertEquals(action, s.action());
        assertEquals(declared, s.declaredCount());
    }
}
