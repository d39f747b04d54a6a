package org.epicontrol.notice.importing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;

/** A text that takes longer to read than the configured budget ends in a typed error and stores nothing. */
@QuarkusTest
@TestProfile(NoticeParseBudgetTest.TinyBudget.class)
class NoticeParseBudgetTest {

    /** A budget no notice of thousands of items can be read in. */
    public static class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notices.importing.parse-budget", "5ms");
        }
    }

    @Test
    void aTextOverTheTimeBudgetIsRefusedWithNoticeParseTimeoutAndNothingIsStored() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; items.length() < 150_000; i++) {
            items.append("预算小区").append(i).append("号楼2单元,");
        }
        String text = Notices.synthetic(231, 12, 6, Notices.TEST_DISTRICT, "HIGH", items.toString().split(","));
        Staff.editor().post(Notices.IMPORT, Map.of("text", text, "year", 2022))
                .body("errors[0].extensions.code", equalTo("NOTICE_PARSE_TIMEOUT"))
                .body("errors[0].message", containsString("budget"))
                .body("errors[0].path[0]", equalTo("importNotice"))
                .body("data.importNotice", nullValue());
        Notices.GRAPHQL.post("{ notices(first: 500) { edges { node { number } } } }")
                .body("data.notices.edges.findAll { it.node.number == 231 }.size()", equalTo(0));
    }
}
