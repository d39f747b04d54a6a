package org.epicontrol.notice.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberListsTest {

    @ParameterizedTest
    @ValueSource(strings = {"6", "8号", "9号楼", "12栋", "D座", "2单元", "1.2号楼", "3-5号楼", "十二号楼", " 7 "})
    void aNumberWithOrWithoutItsSuffixIsBare(String fragment) {
        assertTrue(NumberLists.isBareNumber(fragment));
    }

    @ParameterizedTest
    @ValueSource(strings = {"滨河小区9号楼", "文兴苑", "号楼", "", "坞城路6巷", "AB座", "东四排", "1号院2号楼"})
    void aFragmentNamingAPlaceIsNotBare(String fragment) {
        assertFalse(NumberLists.isBareNumber(fragment));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "坞城路6巷5、6、8号 | 坞城路6巷5号;坞城路6巷6号;坞城路6巷8号",
            "滨河小区1.2号楼、9号楼 | 滨河小区1号楼;滨河小区2号楼;滨河小区9号楼",
            "桃园南路3、5号楼 | 桃园南路3号楼;桃园南路5号楼",
            "7号楼、8号楼 | 7号楼;8号楼",
            "C座1单元 | C座1单元",
            "晋阳紫城4号楼10单元 | 晋阳紫城4号楼10单元",
            "文兴苑、富士苑小区 | 文兴苑;富士苑小区",
            "某小区1至3号楼 | 某小区1至3号楼"})
    void numbersUnderOnePrefixBecomeOnePlaceEach(String item, String places) {
        List<String> elements = NoticeText.splitTopLevel(item);
        assertEquals(List.of(places.split(";")), NumberLists.expand(elements));
    }
}
