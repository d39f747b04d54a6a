package org.epicontrol.notice.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeTextTest {

    @ParameterizedTest
    @ValueSource(chars = {' ', '\t', '\r', '\u3000', '\u00A0', '\u200B', '\uFEFF', '\u2002', '\u2060'})
    void everyKindOfBlankIsABlank(char blank) {
        assertTrue(NoticeText.isBlank(blank));
        assertEquals("小区", NoticeText.clean(blank + "小区" + blank + "\n"));
        assertEquals("晋阳紫城4号楼", NoticeText.withoutBlanks("晋阳" + blank + "紫城4号" + blank + "楼"));
    }

    @Test
    void splitsOnlyAtBracketDepthZeroAndSurvivesUnbalancedBrackets() {
        assertEquals(List.of("A小区(1号楼、2号楼)", "B苑"), NoticeText.splitTopLevel("A小区(1号楼、2号楼)、B苑"));
        assertEquals(List.of("A)", "B"), NoticeText.splitTopLevel("A)、B"));
        assertEquals(List.of("A((B、C"), NoticeText.splitTopLevel("A((B、C"));
        assertEquals(List.of(), NoticeText.splitTopLevel(" 、，; "));
    }

    @Test
    void runsOfBlanksBecomeOneSpaceAndSingleBlanksStay() {
        assertEquals("新增高风险区 20个 ,分别是:", NoticeText.collapseBlankRuns(
                "新增高风险区" + " ".repeat(4000) + "20个\u3000\u3000\t,分别是:"));
        assertEquals("A\u3000B C", NoticeText.collapseBlankRuns("A\u3000B C"));
    }
}
