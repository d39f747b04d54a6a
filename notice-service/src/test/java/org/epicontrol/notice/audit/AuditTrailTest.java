package org.epicontrol.notice.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.epicontrol.notice.Notices.PUBLISH;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditTrailTest {

    private static final String ISSUER = "审计测试指挥部";
    private static final String DATE = "2021-07-01";
    private static final String TRAIL = """
            query($type: String, $id: ID, $actor: String, $from: DateTime, $first: Int, $after: String) {
              noticeAuditTrail(targetType: $type, targetId: $id, actor: $actor, from: $from, first: $first, after: $after) {
                edges { cursor node { at actor action targetType targetId details } }
                pageInfo { hasNextPage endCursor } } }""";

    @Test
    void publishingWritesAnEventNamingThePublisher() {
        String id = Notices.createDraft(Staff.editor(), ISSUER, 1, DATE, "审计甲小区");
        Staff.publisher().data(PUBLISH, Map.of("id", id));

        List<Map<String, Object>> events = trailOf(id);
        assertEquals(List.of("PUBLISH", "CREATE"), events.stream().map(e -> e.get("action")).toList());
        assertEquals(List.of(Staff.PUBLISHER, Staff.EDITOR), events.stream().map(e -> e.get("actor")).toList());
        assertEquals("Notice", events.get(0).get("targetType"));
        assertNotNull(events.get(0).get("at"));
        JsonObject created = new JsonObject((String) events.get(1).get("details"));
        assertEquals(1, created.getInteger("number"));
        assertEquals("ALERT", created.getString("messageType"));
    }

    @Test
    void publishingACorrectionRecordsItOnTheNoticeItReplaces() {
        String original = Notices.createDraft(Staff.editor(), ISSUER, 2, DATE, "审计乙小区");
        Staff.publisher().data(PUBLISH, Map.of("id", original));
        Map<String, Object> update = Notices.draftInput(ISSUER, 3, "2021-07-02", "审计乙小区");
        update.put("messageType", "UPDATE");
        update.put("references", original);
        String correction = Staff.editor().data(Notices.CREATE, Map.of("input", update)).getString("createNotice.id");
        Staff.publisher().data(PUBLISH, Map.of("id", correction));

        Map<String, Object> corrected = trailOf(original).get(0);
        assertEquals("CORRECT", corrected.get("action"));
        assertEquals(Staff.PUBLISHER, corrected.get("actor"));
        JsonObject details = new JsonObject((String) corrected.get("details"));
        assertEquals(correction, details.getString("by"));
        assertEquals("2021-07-02", details.getString("from"));
    }

    @Test
    void importingWritesAnEventAndReimportingNone() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", Notices.synthetic(4, 7, 3, Notices.TEST_DISTRICT, "LOW", "审计导入小区"));
        vars.put("year", 2021);
        String id = Staff.editor().data(Notices.IMPORT, vars).getString("importNotice.notice.id");
        Staff.editor().data(Notices.IMPORT, vars);

        List<Map<String, Object>> events = trailOf(id);
        assertEquals(1, events.size(), events::toString);
        assertEquals("IMPORT", events.get(0).get("action"));
        assertEquals(Staff.EDITOR, events.get(0).get("actor"));
    }

    @Test
    void aRefusedPublicationWritesNoEvent() {
        GraphQLClient both = Staff.as("bob-both", StaffRole.NOTICE_EDITOR, StaffRole.NOTICE_PUBLISHER);
        String id = Notices.createDraft(both, ISSUER, 5, DATE, "审计丙小区");
        both.post(PUBLISH, Map.of("id", id)).body("errors[0].extensions.code", equalTo("FOUR_EYES"));

        assertEquals(List.of("CREATE"), trailOf(id).stream().map(e -> e.get("action")).toList());
    }

    @Test
    void theTrailPagesThroughOneActorsEventsNewestFirst() {
        GraphQLClient pager = Staff.as("petra-pager", StaffRole.NOTICE_EDITOR);
        for (int number = 10; number < 13; number++) {
            Notices.createDraft(pager, ISSUER, number, DATE, "审计分页小区" + number);
        }
        Map<String, Object> vars = new HashMap<>(Map.of("actor", "petra-pager", "first", 2));
        JsonPath first = trail(vars);
        assertTrue(first.getBoolean("pageInfo.hasNextPage"));
        vars.put("after", first.getString("pageInfo.endCursor"));
        JsonPath second = trail(vars);
        assertFalse(second.getBoolean("pageInfo.hasNextPage"));

        List<String> details = new ArrayList<>(first.getList("edges.node.details"));
        details.addAll(second.getList("edges.node.details"));
        assertEquals(List.of(12, 11, 10), details.stream().map(d -> new JsonObject(d).getInteger("number")).toList());
    }

    @Test
    void eventsBeforeFromAreLeftOut() {
        Map<String, Object> vars = new HashMap<>(Map.of("actor", Staff.EDITOR, "from", "2999-01-01T00:00:00Z"));
        assertEquals(List.of(), trail(vars).getList("edges"));
    }

    @Test
    void anonymousAndEditorsCannotReadTheTrail() {
        GRAPHQL.post(TRAIL, Map.of()).body("data.noticeAuditTrail", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", containsString("noticeAuditTrail"));
        Staff.editor().post(TRAIL, Map.of()).body("data.noticeAuditTrail", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("noticeAuditTrail"));
    }

    private static List<Map<String, Object>> trailOf(String noticeId) {
        return trail(Map.of("type", "Notice", "id", noticeId)).getList("edges.node");
    }

    private static JsonPath trail(Map<String, Object> vars) {
        return Staff.admin().data(TRAIL, vars).setRootPath("data.noticeAuditTrail");
    }
}
