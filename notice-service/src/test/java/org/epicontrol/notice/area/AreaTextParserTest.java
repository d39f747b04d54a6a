package org.epicontrol.notice.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.epicontrol.notice.importing.NoticeTextParser;
import org.epicontrol.notice.importing.ParsedDistrictList;
import org.epicontrol.notice.importing.ParsedNotice;
import org.epicontrol.notice.importing.ParsedSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaTextParserTest {

    private static final List<String> DISTRICTS = List.of("小店区", "迎泽区", "杏花岭区", "尖草坪区", "万柏林区", "晋源区",
            "清徐县", "古交市");

    private final AreaTextParser parser = new AreaTextParser();

    @Test
    void parsesEveryItemOfBothFixturesIntoAtLeastOnePath() {
        NoticeTextParser notices = new NoticeTextParser(List.of("高风险区", "低风险区"));
        int items = 0;
        for (String name : List.of("taiyuan-2022-194.txt", "taiyuan-2022-195.txt")) {
            ParsedNotice notice = notices.parse(read(name));
            for (ParsedSection section : notice.sections()) {
                for (ParsedDistrictList list : section.districts()) {
                    for (String item : list.items()) {
                        ParsedAreaItem parsed = parser.parseItem(list.district(), item);
                        assertEquals(item, parsed.text());
                        assertFalse(parsed.included().isEmpty(), item);
                        for (AreaPath path : parsed.included()) {
                            assertEquals(list.district(), path.district());
                            assertFalse(path.localKey().isEmpty(), item);
                        }
                        items++;
                    }
                }
            }
        }
        assertEquals(24 + 76, items);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "晋阳紫城4号楼10单元, C:晋阳紫城/B:4/U:10",
            "晋阳紫城小区, C:晋阳紫城",
            "浦东雅典北区, C:浦东雅典/X:北区",
            "浦东雅典小区北区16号楼2单元, C:浦东雅典/X:北区/B:16/U:2",
            "西贾社区水木云天小区, C:水木云天",
            "新建路151号早西门小区54号楼2单元, C:早西门/B:54/U:2",
            "鱼池街21号4号楼, C:鱼池街21号/B:4",
            "玉河街31号院8号楼, C:玉河街31号院/B:8",
            "北肖墙19号院, C:北肖墙19号院",
            "玉门花园A区12号, C:玉门花园/X:A区/B:12",
            "玉门花园A区11号楼, C:玉门花园/X:A区/B:11",
            "明悦小区8号楼半边户, C:明悦/B:8/P:半边户",
            "天朗美域二期28栋4单元, C:天朗美域/X:2期/B:28/U:4",
            "赞城小区2期1号楼, C:赞城/X:2期/B:1",
            "富力城八号园东园8号楼1单元, C:富力城/X:8号园/X:东园/B:8/U:1",
            "太药A小区26号院10号楼2单元, C:太药A/X:26号院/B:10/U:2",
            "都市e线A座2单元, C:都市E线/B:A/U:2",
            "平阳路398号大昌生态园, C:大昌生态园",
            "恒大名都小区5栋1单元, C:恒大名都/B:5/U:1",
            "袁家庄村委会三层楼, C:袁家庄村委会三层楼",
            "寇庄西路百万庄园西区3号明德宾馆, C:寇庄西路百万庄园西区3号明德宾馆",
            "清源镇孔村, C:孔村",
            "华城小区五号楼三单元, C:华城/B:5/U:3",
            "ＸＹ花园１２号楼, C:XY花园/B:12"
    })
    void givesTheExpectedLocalKey(String item, String expectedKey) {
        ParsedAreaItem parsed = parser.parseItem("小店区", item);
        assertEquals(1, parsed.included().size());
        assertEquals(expectedKey, parsed.included().get(0).localKey());
        assertEquals(List.of(), parsed.excluded());
    }

    @Test
    void keepsThePrintedLabelsIncludingTheRoadNumber() {
        AreaPath path = parser.parseItem("杏花岭区", "新建路151号早西门小区54号楼2单元").included().get(0);
        assertEquals(List.of(
                new AreaSegment(AreaKind.COMPOUND, "早西门", "新建路151号早西门小区"),
                new AreaSegment(AreaKind.BUILDING, "54", "54号楼"),
                new AreaSegment(AreaKind.UNIT, "2", "2单元")), path.segments());
    }

    @Test
    void treatsACommunityAsAStreetLevelSegmentLeftOutOfTheLocalKey() {
        AreaPath path = parser.parseItem("小店区", "西贾社区水木云天小区").included().get(0);
        assertEquals(List.of(
                new AreaSegment(AreaKind.STREET, "西贾社区", "西贾社区"),
                new AreaSegment(AreaKind.COMPOUND, "水木云天", "水木云天小区")), path.segments());
        assertTrue(path.covers(parser.parseAddress("小店区水木云天小区3号楼", DISTRICTS)));
    }

    @Test
    void expandsAParenthesisedBuildingListIntoOnePathPerBuilding() {
        ParsedAreaItem item = parser.parseItem("杏花岭区",
                "新建路151号早西门小区(7号楼、8号楼、9号楼、10号楼、11号楼、12号楼、53号楼、54号楼)");
        assertEquals(List.of("C:早西门/B:7", "C:早西门/B:8", "C:早西门/B:9", "C:早西门/B:10", "C:早西门/B:11",
                "C:早西门/B:12", "C:早西门/B:53", "C:早西门/B:54"), keys(item.included()));
        assertEquals(List.of(), item.excluded());
        assertEquals("新建路151号早西门小区", item.included().get(0).segments().get(0).label());
    }

    @Test
    void readsAnExceptionInParenthesesAsAnExcludedPath() {
        ParsedAreaItem item = parser.parseItem("小店区", "翠竹小院(C座1单元除外)");
        assertEquals(List.of("C:翠竹小院"), keys(item.included()));
        assertEquals(List.of("C:翠竹小院/B:C/U:1"), keys(item.excluded()));

        ParsedAreaItem yulong = parser.parseItem("晋源区", "西吴御龙庭小区(1号楼2单元除外)");
        assertEquals(List.of("C:西吴御龙庭"), keys(yulong.included()));
        assertEquals(List.of("C:西吴御龙庭/B:1/U:2"), keys(yulong.excluded()));
    }

    @Test
    void readsFullWidthParenthesesAndSeparatorsLikeAsciiOnes() {
        ParsedAreaItem item = parser.parseItem("小店区", "翠竹小院\uFF08C座1单元除外\uFF09");
        assertEquals(List.of("C:翠竹小院"), keys(item.included()));
        assertEquals(List.of("C:翠竹小院/B:C/U:1"), keys(item.excluded()));
        ParsedAreaItem list = parser.parseItem("小店区", "早西门小区\uFF087号楼\uFF0C8号楼\uFF09");
        assertEquals(List.of("C:早西门/B:7", "C:早西门/B:8"), keys(list.included()));
    }

    @Test
    void readsSeveralExceptionsAsSeveralExcludedPaths() {
        ParsedAreaItem item = parser.parseItem("小店区", "富士苑小区(1号楼、2号楼除外)");
        assertEquals(List.of("C:富士苑"), keys(item.included()));
        assertEquals(List.of("C:富士苑/B:1", "C:富士苑/B:2"), keys(item.excluded()));
    }

    @Test
    void keepsCommentaryInParenthesesInTheLabelButNotInTheKey() {
        ParsedAreaItem item = parser.parseItem("小店区", "东岳宿舍(原东岳机械厂)3号楼");
        assertEquals(List.of("C:东岳宿舍/B:3"), keys(item.included()));
        assertEquals("东岳宿舍(原东岳机械厂)", item.included().get(0).segments().get(0).label());
        assertEquals(List.of(), item.excluded());
    }

    @Test
    void givesTheSameBuildingKeyForEveryWayOfWritingABuilding() {
        String dong = parser.parseItem("小店区", "明悦小区2栋").included().get(0).localKey();
        assertEquals(dong, parser.parseItem("小店区", "明悦小区2号楼").included().get(0).localKey());
        assertEquals(dong, parser.parseItem("小店区", "明悦小区2幢").included().get(0).localKey());
        assertEquals(dong, parser.parseItem("小店区", "明悦小区二号楼").included().get(0).localKey());
        assertEquals(dong, parser.parseItem("小店区", "明悦2号楼").included().get(0).localKey());
        assertEquals("C:明悦/B:2", dong);
        assertEquals("C:翠竹小院/B:C", parser.parseItem("小店区", "翠竹小院C座").included().get(0).localKey());
    }

    @Test
    void readsAnAddressDroppingCityAndKnownDistrict() {
        AreaPath address = parser.parseAddress("太原市小店区晋阳紫城4号楼10单元", DISTRICTS);
        assertEquals("小店区", address.district());
        assertEquals("C:晋阳紫城/B:4/U:10", address.localKey());

        AreaPath designated = parser.parseItem("小店区", "晋阳紫城小区").included().get(0);
        assertTrue(designated.covers(address));
        assertFalse(address.covers(designated));
        assertTrue(parser.parseItem("小店区", "晋阳紫城4号楼10单元").included().get(0).covers(address));
        assertFalse(parser.parseItem("小店区", "晋阳紫城5号楼").included().get(0).covers(address));
        assertFalse(parser.parseItem("晋源区", "晋阳紫城小区").included().get(0).covers(address));
    }

    @Test
    void readsAddressesWithProvinceRoomOrNoDistrict() {
        AreaPath withProvince = parser.parseAddress("山西省太原市小店区 晋阳紫城 4号楼10单元1201室", DISTRICTS);
        assertEquals("小店区", withProvince.district());
        assertEquals("C:晋阳紫城/B:4/U:10/P:1201室", withProvince.localKey());
        assertTrue(parser.parseItem("小店区", "晋阳紫城4号楼10单元").included().get(0).covers(withProvince));

        AreaPath noDistrict = parser.parseAddress("新城市花园3号楼", DISTRICTS);
        assertNull(noDistrict.district());
        assertEquals("C:新城市花园/B:3", noDistrict.localKey());

        AreaPath county = parser.parseAddress("古交市东曲街道某某小区1号楼", DISTRICTS);
        assertEquals("古交市", county.district());
        assertEquals("C:某某/B:1", county.localKey());
    }

    @Test
    void coversAnAddressInsideAnExceptionByBothTheIncludedAndTheExcludedPath() {
        ParsedAreaItem item = parser.parseItem("小店区", "翠竹小院(C座1单元除外)");
        AreaPath address = parser.parseAddress("小店区翠竹小院C座1单元", DISTRICTS);
        assertEquals("C:翠竹小院/B:C/U:1", address.localKey());
        assertTrue(item.included().get(0).covers(address));
        assertTrue(item.excluded().get(0).covers(address));
        assertFalse(item.designates(address));
        assertTrue(item.designates(parser.parseAddress("小店区翠竹小院C座3单元", DISTRICTS)));
    }

    @Test
    void matchesAnAddressWrittenWithOrWithoutItsCommunity() {
        AreaPath designated = parser.parseItem("杏花岭区", "五龙湾社区山水庭院").included().get(0);
        assertTrue(designated.covers(parser.parseAddress("杏花岭区山水庭院2号楼", DISTRICTS)));
        assertTrue(designated.covers(parser.parseAddress("杏花岭区五龙湾社区山水庭院2号楼", DISTRICTS)));
        assertFalse(designated.covers(parser.parseAddress("杏花岭区别的社区山水庭院2号楼", DISTRICTS)));
    }

    @Test
    void navigatesToTheParentPath() {
        AreaPath path = parser.parseItem("小店区", "浦东雅典小区北区16号楼2单元").included().get(0);
        assertEquals("C:浦东雅典/X:北区/B:16", path.parent().localKey());
        assertEquals("C:浦东雅典/X:北区", path.parent().parent().localKey());
        AreaPath section = parser.parseItem("小店区", "浦东雅典北区").included().get(0);
        assertEquals(section.localKey(), path.parent().parent().localKey());
        assertTrue(section.covers(path));
        AreaPath top = new AreaPath("小店区", List.of());
        assertNull(top.parent());
    }

    @Test
    void neverFailsOnOddItems() {
        for (String odd : List.of("(", ")", "()", "(((", "1", "号", "单元", "A", "小区", "XX小区(", "除外", "(除外)",
                "一二三四五六七八九十百", "某地1至300号楼", "某地3至1号楼", "   ", "")) {
            ParsedAreaItem item = parser.parseItem(null, odd);
            assertNotNull(item.included());
            assertNotNull(item.excluded());
        }
        assertEquals(3, parser.parseItem("小店区", "某小区1至3号楼").included().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "坞城路6巷5、6、8号 | 坞城路6巷5号,坞城路6巷6号,坞城路6巷8号 | 坞城路6巷7号,坞城路6巷",
            "滨河小区1.2号楼、9号楼 | 滨河小区1号楼,滨河小区2号楼3单元,滨河小区9号楼 | 滨河小区12号楼,滨河小区3号楼",
            "桃园南路3、5号楼 | 桃园南路3号楼,桃园南路5号楼 | 桃园南路4号楼",
            "华城小区C、D座 | 华城小区C座,华城小区D座2单元 | 华城小区E座",
            "晋阳紫城4号楼1、2单元 | 晋阳紫城4号楼1单元,晋阳紫城4号楼2单元 | 晋阳紫城4号楼3单元,晋阳紫城5号楼1单元",
            "早西门小区(7、8号楼) | 早西门小区7号楼,早西门小区8号楼 | 早西门小区9号楼",
            "翠竹小院(C座1、2单元除外) | 翠竹小院C座3单元,翠竹小院A座 | 翠竹小院C座1单元,翠竹小院C座2单元"})
    void anItemListingSeveralNumbersUnderOnePrefixDesignatesEachOfThem(String item, String designated,
                                                                      String notDesignated) {
        ParsedAreaItem parsed = parser.parseItem("小店区", item);
        for (String address : designated.split(",")) {
            assertTrue(parsed.designates(parser.parseAddress("小店区" + address, DISTRICTS)),
                    () -> item + " should designate " + address + ": " + keys(parsed.included()));
        }
        for (String address : notDesignated.split(",")) {
            assertFalse(parsed.designates(parser.parseAddress("小店区" + address, DISTRICTS)),
                    () -> item + " should not designate " + address + ": " + keys(parsed.included()));
        }
        assertEquals(item, parsed.text());
    }

    private static List<String> keys(List<AreaPath> paths) {
        return paths.stream().map(AreaPath::localKey).toList();
    }

    private static String read(String name) {
        try (InputStream in = AreaTextParserTest.class.getResourceAsStream("/notices/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /notices/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
