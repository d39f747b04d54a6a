package org.epicontrol.roster.area;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AreaFieldWorkTest {

    private static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id
              responsibleGrid { name } dutyPosts { name } onDutyNow { volunteer { id } } openTasks { household } } } }""";

    @Test
    void theServiceSdlExtendsTheNoticeAreaByItsKey() {
        String sdl = GRAPHQL.data("{ _service { sdl } }").getString("_service.sdl");
        assertTrue(sdl.matches("(?s).*schema @link\\([^)]*federation/v2\\.\\d+.*"), sdl);
        for (String entity : List.of("Area", "Volunteer", "DutyPost", "Shift", "Community", "Grid")) {
            assertTrue(sdl.matches("(?s).*type " + entity + " @key\\(fields ?: ?\"id\"\\).*"), entity + " in " + sdl);
        }
    }

    @Test
    void anAreaShowsItsGridItsPostsAndWhoIsOnDutyNow() {
        String areaId = "area-" + System.nanoTime();
        String community = RosterFixtures.community();
        Map<String, Object> vars = new HashMap<>(Map.of("kind", "GRID", "name", RosterFixtures.unique("第一网格"),
                "parent", community, "area", areaId));
        String grid = GRAPHQL.data("mutation($kind: OrgKind!, $name: String!, $parent: ID, $area: ID) {"
                + " createOrgUnit(kind: $kind, name: $name, parentId: $parent, areaId: $area) { id } }", vars)
                .getString("createOrgUnit.id");
        GRAPHQL.data("mutation($in: TaskInput!) { createTask(input: $in) { id } }", Map.of("in",
                Map.of("kind", "DOOR_TO_DOOR_TESTING", "unitId", grid, "household", "1号楼101", "areaId", areaId)));
        Map<String, Object> post = new HashMap<>(Map.of("communityId", community, "name", "北门卡口", "kind", "CHECKPOINT",
                "requiredHeadcount", 1, "aroundTheClock", true, "areaId", areaId));
        String postId = GRAPHQL.data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }", Map.of("in", post))
                .getString("createDutyPost.id");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String shift = GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", postId, "s", now.minusHours(1).toString(), "e", now.plusHours(3).toString())).getString("createShift.id");
        String person = RosterFixtures.volunteer(community);
        RosterFixtures.signUp(shift, person);

        JsonPath json = GRAPHQL.data(ENTITIES, Map.of("r", List.of(
                Map.of("__typename", "Area", "id", areaId),
                Map.of("__typename", "Area", "id", "no-field-work-here"))));
        List<Map<String, Object>> areas = json.getList("_entities");
        assertEquals(areaId, areas.get(0).get("id"));
        assertEquals(vars.get("name"), ((Map<?, ?>) areas.get(0).get("responsibleGrid")).get("name"));
        assertEquals(List.of(Map.of("name", "北门卡口")), areas.get(0).get("dutyPosts"));
        assertEquals(List.of(Map.of("volunteer", Map.of("id", person))), areas.get(0).get("onDutyNow"));
        assertEquals(List.of(Map.of("household", "1号楼101")), areas.get(0).get("openTasks"));
        assertNull(areas.get(1).get("responsibleGrid"));
        assertEquals(List.of(), areas.get(1).get("dutyPosts"));
    }
}
