package org.epicontrol.notice.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.epicontrol.notice.Notices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pasted and OCR'd texts with long runs of blanks are imported in moments, as any other notice. */
@QuarkusTest
class NoticeImportSafetyTest {

    // Generous on a busy machine; the backtracking this guards against held a core for minutes.
    private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {" ", "\u3000", "\u00A0", "\t"})
    void aHeaderWithARunOfFourThousandBlanksIsImportedInAFewSeconds(String blank) {
        int number = 240 + " \u3000\u00A0\t".indexOf(blank);
        String run = blank.repeat(4000);
        String text = "市疫情防控办发布第" + number + "号通告\n新增高风险区" + run + "1" + run + "个" + run + ",分别是:\n"
                + Notices.TEST_DISTRICT + "(1个):空格小区" + number + "号楼。\n12月6日\n";
        JsonPath result = assertTimeoutPreemptively(FEW_SECONDS, () -> Notices.importText(text, 2022));
        assertEquals(number, result.getInt("notice.number"));
    }
}
