package org.epicontrol.notice.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.epicontrol.notice.Notices.CREATE;
import static org.epicontrol.notice.Notices.PUBLISH;
import static org.epicontrol.notice.Notices.TEST_DISTRICT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Drafts are invisible, their areas included, on every path that reaches an area: by id, by name, as an entity, as a
 * parent's child, as an address's matched area. An area only a draft names does not exist for those who may not see
 * drafts; an area a published notice names too is shown, without the draft's designations.
 */
@QuarkusTest
class DraftVisibilityTest {

    private static final String ISSUER = "草稿可见性指挥部";
    private static final String DATE = "2021-06-25";
    private static final AtomicInteger NUMBERS = new AtomicInteger(300);

    private static final String SEARCH = "query($t: String!) { searchAreas(text: $t) { id fullName } }";
    private static final String AREA = "query($id: ID!) { area(id: $id) { id fullName } }";
    private static final String CHILDREN = "query($id: ID!) { area(id: $id) { children { fullName } } }";
    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id fullName } } }""";
    private static final String RISK_LEVEL = """
            query($a: String!) { riskLevel(address: $a, asOf: "2021-06-30") {
              designated level { code } matchedArea { fullName } } }""";
    private static final String HISTORY = """
            query($id: ID!) { area(id: $id) { levelHistory { level { code } notice { number } } } }""";
    private static final String AREAS_OF = """
            query($id: ID!) { notice(id: $id) { designations { areas { id fullName parent { id } } } } }""";

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS", "DISTRICT_OFFICER", "COMMUNITY_ADMIN", "GRID_WORKER", "VOLUNTEER"})
    void anAreaOnlyADraftNamesDoesNotExistOutsideTheNoticeOffice(Who who) {
        // The district itself is public: a published notice names a place in it.
        int number = NUMBERS.incrementAndGet();
        Staff.publisher().data(PUBLISH, Map.of("id",
                Notices.createDraft(Staff.editor(), ISSUER, number, DATE, "公开小区" + number)));
        Draft draft = draft(TEST_DISTRICT, "草稿独有小区");

        who.client().post(SEARCH, Map.of("t", draft.name())).body("errors", nullValue())
                .body("data.searchAreas", equalTo(List.of()));
        who.client().post(AREA, Map.of("id", draft.areaId())).body("errors", nullValue())
                .body("data.area", nullValue());
        who.client().post(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Area", "id", draft.areaId()))))
                .body("errors", nullValue()).body("data._entities[0]", nullValue());
        who.client().post(CHILDREN, Map.of("id", draft.parentId())).body("errors", nullValue())
                .body("data.area.children.fullName", not(hasItem(draft.fullName())));
        String matched = who.client().data(RISK_LEVEL, Map.of("a", draft.fullName()))
                .getString("riskLevel.matchedArea.fullName");
        assertNotEquals(draft.fullName(), matched);
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS", "VOLUNTEER"})
    void aDistrictOnlyADraftNamesDoesNotExistEither(Who who) {
        Draft draft = draft("草稿" + Notices.stems(NUMBERS.incrementAndGet()) + "县", "新区小区");

        who.client().post(SEARCH, Map.of("t", draft.fullName())).body("data.searchAreas", equalTo(List.of()));
        who.client().post(AREA, Map.of("id", draft.parentId())).body("data.area", nullValue());
        who.client().post(RISK_LEVEL, Map.of("a", draft.fullName())).body("errors", nullValue())
                .body("data.riskLevel.matchedArea", nullValue());
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"EDITOR", "PUBLISHER", "SYSTEM_ADMIN"})
    void theNoticeOfficeSeesTheAreasOfDrafts(Who who) {
        Draft draft = draft(TEST_DISTRICT, "草稿审阅小区");

        who.client().post(SEARCH, Map.of("t", draft.name())).body("data.searchAreas.id", hasItem(draft.areaId()));
        who.client().post(AREA, Map.of("id", draft.areaId())).body("data.area.fullName", equalTo(draft.fullName()));
        who.client().post(ENTITIES, Map.of("r", List.of(Map.of("__typename", "Area", "id", draft.areaId()))))
                .body("data._entities[0].fullName", equalTo(draft.fullName()));
        who.client().post(CHILDREN, Map.of("id", draft.parentId()))
                .body("data.area.children.fullName", hasItem(draft.fullName()));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS", "DISTRICT_OFFICER", "EDITOR"})
    void anAreaAPublishedNoticeNamesShowsWithoutTheDraftsDesignations(Who who) {
        int published = NUMBERS.incrementAndGet();
        String name = "共享小区" + published;
        String publishedId = Notices.createDraft(Staff.editor(), ISSUER, published, DATE, name);
        Staff.publisher().data(PUBLISH, Map.of("id", publishedId));
        int drafted = NUMBERS.incrementAndGet();
        Map<String, Object> input = Notices.draftInput(ISSUER, drafted, DATE, name);
        @SuppressWarnings("unchecked")
        Map<String, Object> designation = new HashMap<>(((List<Map<String, Object>>) input.get("designations")).get(0));
        designation.put("level", "HIGH");
        input.put("designations", List.of(designation));
        Staff.editor().data(CREATE, Map.of("input", input));
        String areaId = areasOf(publishedId).getString("designations[0].areas[0].id");

        who.client().post(AREA, Map.of("id", areaId)).body("data.area.fullName", equalTo(TEST_DISTRICT + name));
        JsonPath history = who.client().data(HISTORY, Map.of("id", areaId)).setRootPath("data.area.levelHistory");
        assertEquals(List.of(published), history.getList("notice.number"));
        assertEquals(List.of("LOW"), history.getList("level.code"));
        who.client().post(RISK_LEVEL, Map.of("a", TEST_DISTRICT + name)).body("data.riskLevel.level.code", equalTo("LOW"));
    }

    /** An area named by one new draft only, and the ids a draft reader sees for it and its parent. */
    private record Draft(String name, String fullName, String areaId, String parentId) {
    }

    private static Draft draft(String district, String prefix) {
        int number = NUMBERS.incrementAndGet();
        String name = prefix + number;
        Map<String, Object> input = Notices.draftInput(ISSUER, number, DATE, name);
        @SuppressWarnings("unchecked")
        Map<String, Object> designation = new HashMap<>(((List<Map<String, Object>>) input.get("designations")).get(0));
        designation.put("district", district);
        input.put("designations", List.of(designation));
        String id = Staff.editor().data(CREATE, Map.of("input", input)).getString("createNotice.id");
        JsonPath areas = areasOf(id);
        return new Draft(name, district + name, areas.getString("designations[0].areas[0].id"),
                areas.getString("designations[0].areas[0].parent.id"));
    }

    private static JsonPath areasOf(String noticeId) {
        return Staff.editor().data(AREAS_OF, Map.of("id", noticeId)).setRootPath("data.notice");
    }
}
