package org.epicontrol.notice.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.epicontrol.notice.Notices.CREATE;
import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.epicontrol.notice.Notices.PUBLISH;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.EnumSource.Mode.EXCLUDE;

/**
 * The role × operation matrix of {@link org.epicontrol.notice.access.NoticeAccess}, over HTTP: for each operation
 * who may, and that everybody else is refused (UNAUTHENTICATED without a token, FORBIDDEN with the wrong role)
 * with nothing changed afterwards.
 */
@QuarkusTest
class NoticeAccessTest {

    private static final String ISSUER = "权限测试指挥部";
    /** Every notice of this test is dated 2021-06-15 (drafts) or 2021-06-16 (imports): no other test uses them. */
    private static final String DRAFT_DATE = "2021-06-15";
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    private static final String OWN_NOTICES = """
            { notices(from: "2021-06-15", to: "2021-06-16", first: 500) { edges { node { id number status } } } }""";
    private static final String DRAFTS = "{ notices(status: DRAFT, first: 500) { edges { node { id number } } } }";
    private static final String NOTICE = "query($id: ID!) { notice(id: $id) { id number status } }";
    private static final String DUE = """
            query($d: Date!) { dueForDowngrade(asOf: $d, district: "杏花岭区") { area { fullName } } }""";
    private static final String REPORT = """
            mutation($id: ID!, $n: Int!) { reportCases(areaId: $id, date: "2022-12-04", newCases: $n) { newCases } }""";
    private static final String AUDIT = "{ noticeAuditTrail(first: 5) { edges { node { action actor } } } }";
    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Notice { number status } } }""";
    private static final String DUE_AREA = "杏花岭区太阳城一期5号楼";

    @BeforeEach
    void fixturesImported() {
        Notices.importFixtures();
    }

    // --- public reads -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "{ riskLevel(address: \"晋阳紫城4号楼10单元\", asOf: \"2022-11-30\") { designated level { code } } }",
            "{ riskAreas(asOf: \"2022-11-30\", first: 2) { edges { node { area { fullName } notice { number } } } } }",
            "{ riskCounts(asOf: \"2022-11-30\") { district level areas } }",
            "{ riskLevels { code name } }",
            "{ searchAreas(text: \"紫城\") { id fullName levelHistory { level { code } } } }",
            "{ notices(first: 5) { edges { node { number designations { text } } } } }"})
    void anonymousCallersReadThePublicOperations(String query) {
        GRAPHQL.post(query, Map.of()).body("errors", nullValue()).body("data", notNullValue());
    }

    // --- drafts are invisible to the public ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS", "DISTRICT_OFFICER", "VOLUNTEER"})
    void aDraftDoesNotExistForCallersOutsideTheNoticeOffice(Who who) {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DRAFT_DATE, "草稿可见小区" + number);
        who.client().post(NOTICE, Map.of("id", id)).body("errors", nullValue()).body("data.notice", nullValue());
        who.client().post(OWN_NOTICES, Map.of()).body("errors", nullValue())
                .body("data.notices.edges.node.number", not(hasItem(number)));
        who.client().post(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Notice", "id", id))))
                .body("errors", nullValue()).body("data._entities[0]", nullValue());
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"EDITOR", "PUBLISHER", "SYSTEM_ADMIN"})
    void theNoticeOfficeSeesDrafts(Who who) {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DRAFT_DATE, "草稿可见小区" + number);
        who.client().post(NOTICE, Map.of("id", id)).body("data.notice.status", equalTo("DRAFT"));
        who.client().post(OWN_NOTICES, Map.of()).body("data.notices.edges.node.number", hasItem(number));
        who.client().post(DRAFTS, Map.of()).body("errors", nullValue())
                .body("data.notices.edges.node.number", hasItem(number));
        who.client().post(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Notice", "id", id))))
                .body("data._entities[0].number", equalTo(number));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS", "DISTRICT_OFFICER", "COMMUNITY_ADMIN", "VOLUNTEER"})
    void listingDraftsExplicitlyIsRefusedOutsideTheNoticeOffice(Who who) {
        refused(who, who.client().post(DRAFTS, Map.of()).body("data.notices", nullValue()), "notices");
    }

    // --- createNotice -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"EDITOR", "SYSTEM_ADMIN"})
    void editorsAndAdminsCreateDrafts(Who who) {
        int number = NUMBERS.incrementAndGet();
        who.client().post(CREATE, Map.of("input", Notices.draftInput(ISSUER, number, DRAFT_DATE, "创建小区" + number)))
                .body("errors", nullValue())
                .body("data.createNotice.status", equalTo("DRAFT"));
        assertTrue(ownNumbers().contains(number));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, mode = EXCLUDE, names = {"EDITOR", "SYSTEM_ADMIN"})
    void createNoticeIsRefusedToEveryoneElse(Who who) {
        int number = NUMBERS.incrementAndGet();
        refused(who, who.client().post(CREATE,
                        Map.of("input", Notices.draftInput(ISSUER, number, DRAFT_DATE, "拒绝小区" + number)))
                .body("data.createNotice", nullValue()), "createNotice");
        assertFalse(ownNumbers().contains(number));
    }

    // --- importNotice -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"EDITOR", "SYSTEM_ADMIN"})
    void editorsAndAdminsImportNotices(Who who) {
        int number = NUMBERS.incrementAndGet();
        who.client().post(Notices.IMPORT, importVars(number))
                .body("errors", nullValue())
                .body("data.importNotice.created", equalTo(true));
        assertTrue(ownNumbers().contains(number));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, mode = EXCLUDE, names = {"EDITOR", "SYSTEM_ADMIN"})
    void importNoticeIsRefusedToEveryoneElse(Who who) {
        int number = NUMBERS.incrementAndGet();
        refused(who, who.client().post(Notices.IMPORT, importVars(number)).body("data.importNotice", nullValue()),
                "importNotice");
        assertFalse(ownNumbers().contains(number));
    }

    // --- publishNotice ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"PUBLISHER", "SYSTEM_ADMIN"})
    void publishersAndAdminsPublishSomeoneElsesDraft(Who who) {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DRAFT_DATE, "发布小区" + number);
        who.client().post(PUBLISH, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.publishNotice.status", equalTo("PUBLISHED"));
        GRAPHQL.post(NOTICE, Map.of("id", id)).body("data.notice.status", equalTo("PUBLISHED"));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, mode = EXCLUDE, names = {"PUBLISHER", "SYSTEM_ADMIN"})
    void publishNoticeIsRefusedToEveryoneElse(Who who) {
        int number = NUMBERS.incrementAndGet();
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, DRAFT_DATE, "未发布小区" + number);
        refused(who, who.client().post(PUBLISH, Map.of("id", id)).body("data.publishNotice", nullValue()),
                "publishNotice");
        Staff.editor().post(NOTICE, Map.of("id", id)).body("data.notice.status", equalTo("DRAFT"));
    }

    // --- dueForDowngrade and reportCases ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"EDITOR", "PUBLISHER", "DISTRICT_OFFICER", "SYSTEM_ADMIN"})
    void staffWhoDecideDowngradesReadTheAreasDue(Who who) {
        who.client().post(DUE, Map.of("d", "2022-12-05")).body("errors", nullValue())
                .body("data.dueForDowngrade.area.fullName", hasItem(DUE_AREA));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS", "COMMUNITY_ADMIN", "GRID_WORKER", "VOLUNTEER"})
    void dueForDowngradeIsRefusedToEveryoneElse(Who who) {
        refused(who, who.client().post(DUE, Map.of("d", "2022-12-05")).body("data.dueForDowngrade", nullValue()),
                "dueForDowngrade");
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"EDITOR", "SYSTEM_ADMIN"})
    void editorsAndAdminsReportCases(Who who) {
        // no new cases: the quiet period keeps running, so other tests' expectations stay true
        who.client().post(REPORT, Map.of("id", dueAreaId(), "n", 0)).body("errors", nullValue())
                .body("data.reportCases.newCases", equalTo(0));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, mode = EXCLUDE, names = {"EDITOR", "SYSTEM_ADMIN"})
    void reportCasesIsRefusedToEveryoneElse(Who who) {
        refused(who, who.client().post(REPORT, Map.of("id", dueAreaId(), "n", 3)).body("data.reportCases", nullValue()),
                "reportCases");
        // three new cases on the 4th would have restarted the quiet period: the area is still due on the 5th
        Staff.admin().post(DUE, Map.of("d", "2022-12-05")).body("data.dueForDowngrade.area.fullName", hasItem(DUE_AREA));
    }

    // --- noticeAuditTrail ---------------------------------------------------------------------------------------------

    @Test
    void systemAdminsReadTheAuditTrail() {
        Who.SYSTEM_ADMIN.client().post(AUDIT, Map.of()).body("errors", nullValue())
                .body("data.noticeAuditTrail.edges", notNullValue());
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, mode = EXCLUDE, names = "SYSTEM_ADMIN")
    void auditTrailIsRefusedToEveryoneElse(Who who) {
        refused(who, who.client().post(AUDIT, Map.of()).body("data.noticeAuditTrail", nullValue()), "noticeAuditTrail");
    }

    private static void refused(Who who, ValidatableResponse response, String operation) {
        response.body("errors[0].extensions.code", equalTo(who.refusal()))
                .body("errors[0].message", containsString(operation));
    }

    private static List<Integer> ownNumbers() {
        return Staff.admin().data(OWN_NOTICES).getList("notices.edges.node.number");
    }

    private static Map<String, Object> importVars(int number) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("text", Notices.synthetic(number, 6, 16, Notices.TEST_DISTRICT, "LOW", "权限导入小区" + number));
        vars.put("year", 2021);
        return vars;
    }

    private static String dueAreaId() {
        String id = GRAPHQL.data("{ searchAreas(text: \"太阳城一期5号楼\", district: \"杏花岭区\") { id fullName } }")
                .getString("searchAreas.find { it.fullName == '" + DUE_AREA + "' }.id");
        assertNotNull(id, "no area " + DUE_AREA);
        return id;
    }
}
