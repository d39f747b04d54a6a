package org.epicontrol.notice.importing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.epicontrol.notice.Notices.PUBLISH;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import passes four eyes: it stores a draft with its parse and warnings, the public risk map does not change
 * until another person with notice-publisher publishes it, a corrected import replaces the draft, and a published
 * notice is never changed by an import.
 */
@QuarkusTest
class ImportFourEyesTest {

    /** No other test names this district; the risk map test has one of its own. */
    private static final String DISTRICT = "四眼县";
    private static final String AS_OF = "2022-12-31";
    private static final AtomicInteger NUMBERS = new AtomicInteger(7100);

    private static final String RISK_LEVEL = """
            query($a: String!) { riskLevel(address: $a, asOf: "2022-12-31") { designated level { code } } }""";
    private static final String RISK_AREAS = """
            query($d: String!) { riskAreas(asOf: "2022-12-31", district: $d, first: 50) {
              edges { node { area { fullName } } } } }""";
    private static final String RISK_COUNTS = "{ riskCounts(asOf: \"2022-12-31\") { district level areas } }";
    private static final String DESIGNATIONS = """
            query($id: ID!) { notice(id: $id) { status sourceText warnings { code } designations { text } } }""";
    private static final String TRAIL = """
            query($id: ID) { noticeAuditTrail(targetType: "Notice", targetId: $id, first: 10) {
              edges { node { action actor } } } }""";

    @Test
    void anImportIsADraftAndTheRiskMapChangesOnlyWhenAnotherPersonPublishesIt() {
        int number = NUMBERS.incrementAndGet();
        // Its own district, named without digits as district names are
        String district = "地图" + Notices.stems(number) + "县";
        String area = "导入甲小区" + number;
        JsonPath imported = Notices.importDraft(Notices.synthetic(number, 12, 20, district, "HIGH", area), 2022);
        assertTrue(imported.getBoolean("created"));
        assertEquals("DRAFT", imported.getString("notice.status"));
        String id = imported.getString("notice.id");

        // Unchanged for everyone until published: the map is what residents are told.
        for (GraphQLClient who : List.of(GRAPHQL, Staff.editor(), Staff.publisher())) {
            who.post(RISK_LEVEL, Map.of("a", district + area)).body("data.riskLevel.designated", equalTo(false));
            who.post(RISK_AREAS, Map.of("d", district)).body("data.riskAreas.edges", equalTo(List.of()));
            assertFalse(counted(who, district), "riskCounts lists " + district + " before publication");
        }
        GRAPHQL.post("query($id: ID!) { notice(id: $id) { id } }", Map.of("id", id)).body("data.notice", nullValue());

        Staff.publisher().post(PUBLISH, Map.of("id", id)).body("errors", nullValue())
                .body("data.publishNotice.status", equalTo("PUBLISHED"));

        GRAPHQL.post(RISK_LEVEL, Map.of("a", district + area)).body("data.riskLevel.level.code", equalTo("HIGH"));
        GRAPHQL.post(RISK_AREAS, Map.of("d", district)).body("data.riskAreas.edges.node.area.fullName",
                hasItem(district + area));
        assertTrue(counted(GRAPHQL, district));
    }

    @Test
    void theImporterNeverPublishesTheImportWhateverRolesTheyHold() {
        int number = NUMBERS.incrementAndGet();
        GraphQLClient chief = Staff.as("chris-chief", StaffRole.NOTICE_EDITOR, StaffRole.NOTICE_PUBLISHER);
        String id = chief.data(Notices.IMPORT, vars(Notices.synthetic(number, 12, 20, DISTRICT, "HIGH",
                "导入乙小区" + number))).getString("importNotice.notice.id");

        chief.post(PUBLISH, Map.of("id", id)).body("data.publishNotice", nullValue())
                .body("errors[0].extensions.code", equalTo("FOUR_EYES"));
        GRAPHQL.post(RISK_LEVEL, Map.of("a", DISTRICT + "导入乙小区" + number))
                .body("data.riskLevel.designated", equalTo(false));
    }

    @Test
    void aCorrectedImportReplacesTheDraftItsDesignationsWarningsAndText() {
        int number = NUMBERS.incrementAndGet();
        String wrong = "错读小区" + number;
        String right = "正确小区" + number;
        // As misread: the district line announces three items but lists two.
        String misread = Notices.synthetic(number, 12, 21, DISTRICT, "HIGH", wrong, "共同小区" + number)
                .replace("(2个)", "(3个)");
        String corrected = Notices.synthetic(number, 12, 21, DISTRICT, "HIGH", right, "共同小区" + number);
        JsonPath first = Notices.importDraft(misread, 2022);
        String id = first.getString("notice.id");
        assertFalse(first.getList("notice.warnings").isEmpty(), "the misread text raises warnings");

        JsonPath second = Notices.importDraft(corrected, 2022);
        assertFalse(second.getBoolean("created"));
        assertTrue(second.getBoolean("replaced"), second.getString("message"));
        assertEquals(id, second.getString("notice.id"));

        JsonPath stored = Staff.editor().data(DESIGNATIONS, Map.of("id", id)).setRootPath("data.notice");
        assertEquals("DRAFT", stored.getString("status"));
        assertEquals(corrected, stored.getString("sourceText"));
        assertEquals(List.of(), stored.getList("warnings"));
        assertEquals(List.of(right, "共同小区" + number), stored.getList("designations.text"));

        Staff.publisher().data(PUBLISH, Map.of("id", id));
        GRAPHQL.post(RISK_LEVEL, Map.of("a", DISTRICT + right)).body("data.riskLevel.level.code", equalTo("HIGH"));
        GRAPHQL.post(RISK_LEVEL, Map.of("a", DISTRICT + wrong)).body("data.riskLevel.designated", equalTo(false));
        // imported (as a draft), replaced, published: newest first
        List<String> actions = Staff.admin().data(TRAIL, Map.of("id", id)).getList("noticeAuditTrail.edges.node.action");
        assertEquals(List.of("PUBLISH", "REPLACE", "IMPORT"), actions);
    }

    @Test
    void reimportingAPublishedNoticeChangesNothingAndSaysSo() {
        int number = NUMBERS.incrementAndGet();
        String printed = Notices.synthetic(number, 12, 22, DISTRICT, "HIGH", "已发布小区" + number);
        String id = Notices.importText(printed, 2022).getString("notice.id");

        String altered = Notices.synthetic(number, 12, 22, DISTRICT, "LOW", "改动小区" + number);
        JsonPath again = Notices.importDraft(altered, 2022);
        assertFalse(again.getBoolean("created"));
        assertFalse(again.getBoolean("replaced"));
        assertTrue(again.getString("message").contains("nothing changed"), again.getString("message"));
        assertEquals(id, again.getString("notice.id"));

        JsonPath stored = Staff.editor().data(DESIGNATIONS, Map.of("id", id)).setRootPath("data.notice");
        assertEquals("PUBLISHED", stored.getString("status"));
        assertEquals(printed, stored.getString("sourceText"));
        assertEquals(List.of("已发布小区" + number), stored.getList("designations.text"));
        List<String> actions = Staff.admin().data(TRAIL, Map.of("id", id)).getList("noticeAuditTrail.edges.node.action");
        assertEquals(List.of("PUBLISH", "IMPORT"), actions);
    }

    private static boolean counted(GraphQLClient who, String district) {
        List<String> districts = who.data(RISK_COUNTS).getList("riskCounts.district");
        return districts.contains(district);
    }

    private static Map<String, Object> vars(String text) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", text);
        vars.put("year", 2022);
        return vars;
    }
}
