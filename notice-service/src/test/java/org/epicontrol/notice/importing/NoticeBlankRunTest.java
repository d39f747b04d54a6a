package org.epicontrol.notice.importing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Long runs of blanks, as OCR'd and pasted texts carry them, in every place of a notice's header. */
class NoticeBlankRunTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(3);

    private final NoticeTextParser parser = new NoticeTextParser(NoticeFixtures.LEVELS);

    static List<String> headersWithARunOfBlanks() {
        String sp = " ".repeat(4000);
        String ideo = "\u3000".repeat(4000);
        return List.of(
                "市疫情防控办发布第" + sp + "194号通告",
                "市疫情防控办发布第194" + sp + "号通告",
                "市疫情防控办" + sp + "发布第194号通告",
                "（2022" + sp + "年" + sp + "第165号）",
                "（2022年第" + ideo + "165" + ideo + "号）",
                "11" + sp + "月" + sp + "30日",
                "太原市" + sp + "疫情防控办",
                "新增高风险区" + sp + "20" + sp + "个" + sp + ",分别是:",
                "新增高风险区(" + sp + "共" + sp + "20" + sp + "个" + sp + ")" + sp + ":",
                "新增高风险区" + sp + "。",
                "一、" + sp + "新增高风险区" + sp,
                "关于" + sp + "通告",
                "根据" + sp + "规定");
    }

    @ParameterizedTest
    @MethodSource("headersWithARunOfBlanks")
    void aRunOfFourThousandBlanksInAHeaderLineIsReadInAFewSeconds(String header) {
        String text = header + "\n11月30日,市疫情防控办发布第194号通告。新增高风险区1个,分别是:\n小店区(1个):晋阳紫城小区。\n";
        assertTimeoutPreemptively(FEW_SECONDS, () -> {
            try {
                parser.parse(text);
            } catch (NoticeFormatException rejected) {
                // a typed rejection is fine; only the time matters here
            }
        });
    }
}
