package org.epicontrol.notice.area;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Area.pathIds: the ids of the area's ancestry, root first, wherever an area is served (volunteer-service @requires it). */
@QuarkusTest
class AreaPathIdsTest {

    private static final String ISSUER = "路径测试指挥部";
    private static final String UNIT = "事件路径小区3号楼2单元";
    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id fullName pathIds } } }""";

    @Test
    void theUnitsPathIdsAreItsAncestryRootFirst() {
        publishNaming(901, UNIT);
        JsonPath unit = GRAPHQL.data("""
                query($t: String!) { searchAreas(text: $t) { id pathIds
                  parent { id parent { id parent { id parent { id } } } } } }""", Map.of("t", UNIT))
                .setRootPath("data.searchAreas[0]");

        List<String> ancestry = new ArrayList<>();
        ancestry.add(unit.getString("id"));
        Map<?, ?> parent = unit.getMap("parent");
        while (parent != null) {
            ancestry.add((String) parent.get("id"));
            parent = (Map<?, ?>) parent.get("parent");
        }
        Collections.reverse(ancestry);
        assertEquals(4, ancestry.size(), "district, compound, building, unit: " + ancestry);
        assertEquals(ancestry, unit.getList("pathIds"));
    }

    @Test
    void entitiesAnswerTheSamePathIdsForABatchOfAreas() {
        publishNaming(902, "事件批量小区5号楼1单元");
        JsonPath unit = GRAPHQL.data("query($t: String!) { searchAreas(text: $t) { id pathIds } }",
                Map.of("t", "事件批量小区5号楼1单元")).setRootPath("data.searchAreas[0]");
        List<String> path = unit.getList("pathIds");
        List<Map<String, String>> representations = path.stream()
                .map(id -> Map.of("__typename", "Area", "id", id)).toList();

        List<Map<String, Object>> entities = GRAPHQL.data(ENTITIES, Map.of("r", representations)).getList("_entities");
        assertEquals(path.size(), entities.size());
        for (int i = 0; i < path.size(); i++) {
            // each ancestor's own path is the unit's path up to it
            assertEquals(path.subList(0, i + 1), entities.get(i).get("pathIds"), entities::toString);
        }
    }

    @Test
    void theAreasOfADesignationCarryTheirPathIds() {
        String id = publishNaming(903, "事件列表小区(7号楼、8号楼)");
        List<Map<String, Object>> areas = GRAPHQL.data(
                "query($id: ID!) { notice(id: $id) { designations { areas { id pathIds parent { pathIds } } } } }",
                Map.of("id", id)).getList("notice.designations[0].areas");
        assertEquals(2, areas.size());
        for (Map<String, Object> area : areas) {
            List<?> path = (List<?>) area.get("pathIds");
            assertEquals(area.get("id"), path.get(path.size() - 1));
            assertEquals(((Map<?, ?>) area.get("parent")).get("pathIds"), path.subList(0, path.size() - 1));
        }
    }

    @Test
    void anAreaOnlyADraftNamesShowsNoPathIdsOutsideTheNoticeOffice() {
        String draft = Notices.createDraft(Staff.editor(), ISSUER, 904, "2023-09-01", "事件草稿路径小区");
        String areaId = Staff.editor().data("query($id: ID!) { notice(id: $id) { designations { areas { id } } } }",
                Map.of("id", draft)).getString("notice.designations[0].areas[0].id");
        Map<String, Object> representation = Map.of("r", List.of(Map.of("__typename", "Area", "id", areaId)));

        GRAPHQL.post(ENTITIES, representation).body("errors", nullValue()).body("data._entities[0]", nullValue());
        List<String> seen = Staff.editor().data(ENTITIES, representation).getList("_entities[0].pathIds");
        assertEquals(areaId, seen.get(seen.size() - 1));
    }

    @Test
    void theSubgraphSchemaDeclaresPathIdsAndTheFeedAsAgreed() {
        String sdl = GRAPHQL.data("{ _service { sdl } }").getString("_service.sdl");
        assertTrue(sdl.matches("(?s).*type Area @key[^{]*\\{[^}]*pathIds: \\[ID!]!.*"), sdl);
        assertTrue(sdl.matches("(?s).*areaEvents\\(after: ID, first: Int = 100\\): AreaEventPage!.*"), sdl);
        String event = sdl.substring(sdl.indexOf("type AreaEvent {"), sdl.indexOf("}", sdl.indexOf("type AreaEvent {")));
        for (String field : List.of("sequence: ID!", "kind: AreaEventKind!", "areaId: ID!", "area: Area!",
                "areaPath: [ID!]!", "district: String!", "fullName: String!", "level: String\n",
                "levelInForce: String\n", "effectiveDate: Date!", "noticeId: ID!", "noticeNumber: Int!",
                "occurredAt: DateTime!")) {
            assertTrue(event.contains(field), () -> field + " in " + event);
        }
        String page = sdl.substring(sdl.indexOf("type AreaEventPage {"), sdl.indexOf("}", sdl.indexOf("type AreaEventPage {")));
        for (String field : List.of("events: [AreaEvent!]!", "endCursor: ID\n", "hasMore: Boolean!")) {
            assertTrue(page.contains(field), () -> field + " in " + page);
        }
        assertTrue(sdl.matches("(?s).*enum AreaEventKind \\{\\s*CANCELLED\\s*CORRECTED\\s*DESIGNATED\\s*}.*")
                || sdl.matches("(?s).*enum AreaEventKind \\{\\s*DESIGNATED\\s*CORRECTED\\s*CANCELLED\\s*}.*"), sdl);
    }

    /** A published notice of one designation in the test district; returns its id. */
    private static String publishNaming(int number, String area) {
        String id = Notices.createDraft(Staff.editor(), ISSUER, number, "2023-09-01", area);
        Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
        return id;
    }
}
