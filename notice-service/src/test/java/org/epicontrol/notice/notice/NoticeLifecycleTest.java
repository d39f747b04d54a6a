package org.epicontrol.notice.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class NoticeLifecycleTest {

    private static final String CREATE = """
            mutation($input: NoticeInput!) { createNotice(input: $input) {
              id status messageType designations { text level { code } areas { fullName } } } }""";
    private static final String PUBLISH = "mutation($id: ID!) { publishNotice(id: $id) { id status } }";
    private static final String RISK = """
            query($a: String!, $d: Date) { riskLevel(address: $a, asOf: $d) { designated level { code } notice { number } } }""";
    private static final String ISSUER = "测试县疫情防控指挥部";

    @Test
    void aFormNoticeIsADraftUntilPublished() {
        String id = createdId(input(501, "2023-01-10", List.of(designation(null, "测试花园3号楼", "HIGH"))));
        assertFalse(risk("测试花园3号楼", "2023-01-11").getBoolean("designated"));
        Staff.publisher().data(PUBLISH, Map.of("id", id));
        assertEquals("HIGH", risk("测试花园3号楼", "2023-01-11").getString("level.code"));
    }

    @Test
    void publishingTwiceIsRefused() {
        String id = createdId(input(502, "2023-01-10", List.of(designation(null, "另一花园", "LOW"))));
        Staff.publisher().data(PUBLISH, Map.of("id", id));
        Staff.publisher().post(PUBLISH, Map.of("id", id)).body("errors[0].extensions.code", equalTo("NOT_A_DRAFT"));
    }

    @Test
    void anUpdateSupersedesTheNoticeItCorrectsFromItsEffectiveDate() {
        String original = createdId(input(503, "2023-02-01", List.of(designation(null, "更正小区", "HIGH"))));
        Staff.publisher().data(PUBLISH, Map.of("id", original));
        Map<String, Object> update = input(504, "2023-02-03", List.of(designation(null, "更正小区", "LOW")));
        update.put("messageType", "UPDATE");
        update.put("references", original);
        String correction = createdId(update);
        Staff.publisher().data(PUBLISH, Map.of("id", correction));

        assertEquals("HIGH", risk("更正小区", "2023-02-02").getString("level.code"));
        assertEquals("LOW", risk("更正小区", "2023-02-03").getString("level.code"));
        GRAPHQL.post("query($id: ID!) { notice(id: $id) { status supersededOn supersededBy { number } } }", Map.of("id", original))
                .body("data.notice.status", equalTo("SUPERSEDED"))
                .body("data.notice.supersededOn", equalTo("2023-02-03"))
                .body("data.notice.supersededBy.number", equalTo(504));
    }

    @Test
    void aCancellationVoidsTheNoticeFromItsDate() {
        String original = createdId(input(505, "2023-03-01", List.of(designation(null, "撤销小区", "HIGH"))));
        Staff.publisher().data(PUBLISH, Map.of("id", original));
        Map<String, Object> cancel = input(506, "2023-03-02", List.of());
        cancel.put("messageType", "CANCEL");
        cancel.put("references", original);
        Staff.publisher().data(PUBLISH, Map.of("id", createdId(cancel)));
        assertEquals("HIGH", risk("撤销小区", "2023-03-01").getString("level.code"));
        assertFalse(risk("撤销小区", "2023-03-02").getBoolean("designated"));
    }

    @Test
    void createNoticeRejectsAnIssueDateInTheFuture() {
        String future = LocalDate.now().plusDays(3).toString();
        Map<String, Object> in = input(507, future, List.of(designation(null, "未来小区", "HIGH")));
        in.put("year", LocalDate.now().plusDays(3).getYear());
        create(in).body("data.createNotice", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"))
                .body("errors[0].message", containsString("future"));
    }

    @Test
    void createNoticeRejectsAnUnknownLevelAndStoresNothing() {
        create(input(508, "2023-01-10", List.of(designation(null, "某小区", "PURPLE"))))
                .body("errors[0].extensions.code", equalTo("UNKNOWN_LEVEL"));
        // as the editor, who would see it among the drafts
        Staff.editor().post("{ notices(first: 500) { edges { node { number } } } }", Map.of())
                .body("data.notices.edges.node.number", not(hasItem(508)));
    }

    @Test
    void createNoticeRejectsADuplicateNumber() {
        create(input(509, "2023-01-10", List.of(designation(null, "甲小区", "LOW"))));
        create(input(509, "2023-01-10", List.of(designation(null, "乙小区", "LOW"))))
                .body("errors[0].extensions.code", equalTo("DUPLICATE_NOTICE"));
    }

    @Test
    void createNoticeRejectsAnUpdateWithoutReference() {
        Map<String, Object> in = input(510, "2023-01-10", List.of(designation(null, "丙小区", "LOW")));
        in.put("messageType", "UPDATE");
        create(in).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    @Test
    void createNoticeRejectsANoticeWithoutDesignations() {
        create(input(511, "2023-01-10", List.of())).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
    }

    private static ValidatableResponse create(Map<String, Object> input) {
        return Staff.editor().post(CREATE, Map.of("input", input));
    }

    private static String createdId(Map<String, Object> input) {
        return create(input).extract().path("data.createNotice.id");
    }

    private static Map<String, Object> input(int number, String date, List<Map<String, Object>> designations) {
        Map<String, Object> in = new HashMap<>();
        in.put("issuer", ISSUER);
        in.put("year", Integer.parseInt(date.substring(0, 4)));
        in.put("number", number);
        in.put("issueDate", date);
        in.put("designations", designations);
        return in;
    }

    private static Map<String, Object> designation(String district, String area, String level) {
        Map<String, Object> d = new HashMap<>();
        d.put("district", district == null ? "清徐县" : district);
        d.put("area", area);
        d.put("level", level);
        return d;
    }

    private static JsonPath risk(String address, String asOf) {
        return GRAPHQL.data(RISK, Map.of("a", address, "d", asOf)).setRootPath("data.riskLevel");
    }
}
