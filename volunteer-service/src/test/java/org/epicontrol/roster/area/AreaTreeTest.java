package org.epicontrol.roster.area;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.RosterFixtures;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The Area fields follow notice-service's area tree, whose path the gateway hands over in each representation
 * ({@code @requires(fields: "pathIds")}): what is linked to an area answers for every area inside it, the most
 * specific link wins, and an area outside every link has nothing.
 */
@QuarkusTest
class AreaTreeTest {

    static final String ENTITIES = """
            query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { id
              responsibleGrid { name } dutyPosts { name } onDutyNow { volunteer { id } } openTasks { household } } } }""";

    /** 太原市 › 小店区 › 西贾社区 › 书林苑小区 › 3号楼 › 3号楼2单元, with ids unique to this test run. */
    private final Tree tree = new Tree("太原市", "小店区", "西贾社区", "书林苑小区", "书林苑小区3号楼", "书林苑小区3号楼2单元");

    @Test
    void aGridLinkedToACompoundAnswersForAUnitOfOneOfItsBuildings() {
        String community = RosterFixtures.community();
        String grid = RosterFixtures.unique("西贾社区第一网格");
        String gridId = linkedUnit("GRID", grid, community, tree.id("书林苑小区"));
        String post = linkedPost(community, "书林苑北门卡口", tree.id("书林苑小区"));
        String person = onDutyNow(post, community);
        task(gridId, "书林苑小区 全员", tree.id("书林苑小区"));

        Map<String, Object> unit = entities(tree.representation("书林苑小区3号楼2单元")).get(0);

        assertEquals(tree.id("书林苑小区3号楼2单元"), unit.get("id"));
        assertEquals(Map.of("name", grid), unit.get("responsibleGrid"));
        assertEquals(List.of(Map.of("name", "书林苑北门卡口")), unit.get("dutyPosts"));
        assertEquals(List.of(Map.of("volunteer", Map.of("id", person))), unit.get("onDutyNow"));
        assertEquals(List.of(Map.of("household", "书林苑小区 全员")), unit.get("openTasks"));
    }

    @Test
    void theMostSpecificLinkWins() {
        String community = RosterFixtures.community();
        String compoundGrid = RosterFixtures.unique("小区网格");
        String buildingGrid = RosterFixtures.unique("3号楼网格");
        String otherGrid = RosterFixtures.unique("5号楼所属网格");
        linkedUnit("GRID", compoundGrid, community, tree.id("书林苑小区"));
        linkedUnit("GRID", buildingGrid, community, tree.id("书林苑小区3号楼"));
        // A building unit linked to building 5: its grid answers (the building is the more specific unit).
        String grid5 = linkedUnit("GRID", otherGrid, community, null);
        Tree five = tree.sibling("书林苑小区5号楼");
        linkedUnit("BUILDING", RosterFixtures.unique("5号楼"), grid5, five.id("书林苑小区5号楼"));
        linkedPost(community, "小区北门", tree.id("书林苑小区"));
        linkedPost(community, "3号楼楼门", tree.id("书林苑小区3号楼"));

        List<Map<String, Object>> areas = entities(tree.representation("书林苑小区3号楼2单元"),
                tree.representation("书林苑小区"), five.representation("书林苑小区5号楼"));

        assertEquals(Map.of("name", buildingGrid), areas.get(0).get("responsibleGrid"));
        assertEquals(Map.of("name", compoundGrid), areas.get(1).get("responsibleGrid"));
        assertEquals(Map.of("name", otherGrid), areas.get(2).get("responsibleGrid"));
        // Posts of the area and of every area containing it, the nearest first; none of areas inside it.
        assertEquals(List.of(Map.of("name", "3号楼楼门"), Map.of("name", "小区北门")), areas.get(0).get("dutyPosts"));
        assertEquals(List.of(Map.of("name", "小区北门")), areas.get(1).get("dutyPosts"));
        assertEquals(List.of(Map.of("name", "小区北门")), areas.get(2).get("dutyPosts"));
    }

    @Test
    void tasksOfASiblingBuildingAreNotTasksOfTheUnit() {
        String community = RosterFixtures.community();
        String grid = linkedUnit("GRID", RosterFixtures.unique("网格"), community, tree.id("书林苑小区"));
        Tree five = tree.sibling("书林苑小区5号楼");
        task(grid, "5号楼101", five.id("书林苑小区5号楼"));
        task(grid, "3号楼2单元201", tree.id("书林苑小区3号楼2单元"));

        List<Map<String, Object>> areas = entities(tree.representation("书林苑小区3号楼2单元"),
                tree.representation("书林苑小区"));

        assertEquals(List.of(Map.of("household", "3号楼2单元201")), areas.get(0).get("openTasks"));
        // The compound's own linked grid brings every task of the grid.
        assertEquals(List.of(Map.of("household", "5号楼101"), Map.of("household", "3号楼2单元201")),
                areas.get(1).get("openTasks"));
    }

    @Test
    void anAreaOutsideEveryLinkHasNothing() {
        String community = RosterFixtures.community();
        linkedUnit("GRID", RosterFixtures.unique("网格"), community, tree.id("书林苑小区3号楼"));
        linkedPost(community, "3号楼楼门", tree.id("书林苑小区3号楼"));
        Tree elsewhere = new Tree("太原市", "小店区", "南内环社区", "晋阳紫城", "晋阳紫城4号楼");

        List<Map<String, Object>> areas = entities(elsewhere.representation("晋阳紫城4号楼"),
                tree.representation("书林苑小区"));

        for (Map<String, Object> area : areas) {
            assertNull(area.get("responsibleGrid"));
            assertEquals(List.of(), area.get("dutyPosts"));
            assertEquals(List.of(), area.get("onDutyNow"));
            assertEquals(List.of(), area.get("openTasks"));
        }
    }

    @Test
    void withoutAPathAnAreaStandsForItselfOnly() {
        String community = RosterFixtures.community();
        String grid = RosterFixtures.unique("网格");
        linkedUnit("GRID", grid, community, tree.id("书林苑小区"));

        List<Map<String, Object>> areas = entities(Map.of("__typename", "Area", "id", tree.id("书林苑小区")),
                Map.of("__typename", "Area", "id", tree.id("书林苑小区3号楼2单元")));

        assertEquals(Map.of("name", grid), areas.get(0).get("responsibleGrid"));
        assertNull(areas.get(1).get("responsibleGrid"));
        // what this subgraph knows of the external field then: the area alone, not null (the field is non-null)
        String unit = tree.id("书林苑小区3号楼2单元");
        assertEquals(List.of(unit), GRAPHQL.data("query($r: [_Any!]!) { _entities(representations: $r) {"
                        + " ... on Area { pathIds } } }", Map.of("r", List.of(Map.of("__typename", "Area", "id", unit))))
                .getList("_entities[0].pathIds"));
    }

    @Test
    void aPathThatDoesNotEndWithItsAreaIsRefusedAsBadInput() {
        Map<String, Object> wrong = new HashMap<>(tree.representation("书林苑小区"));
        wrong.put("id", tree.id("书林苑小区3号楼"));

        JsonPath json = GRAPHQL.post(ENTITIES, Map.of("r", List.of(wrong))).extract().jsonPath();

        assertEquals("INVALID_INPUT", json.getString("errors[0].extensions.code"));
        assertNull(json.get("data._entities[0]"));
    }

    static List<Map<String, Object>> entities(Map<?, ?>... representations) {
        return GRAPHQL.data(ENTITIES, Map.of("r", List.of(representations))).getList("_entities");
    }

    static String linkedUnit(String kind, String name, String parent, String areaId) {
        Map<String, Object> vars = new HashMap<>(Map.of("kind", kind, "name", name, "parent", parent));
        vars.put("area", areaId);
        return GRAPHQL.data("mutation($kind: OrgKind!, $name: String!, $parent: ID, $area: ID) {"
                + " createOrgUnit(kind: $kind, name: $name, parentId: $parent, areaId: $area) { id } }", vars)
                .getString("createOrgUnit.id");
    }

    static String linkedPost(String community, String name, String areaId) {
        Map<String, Object> post = Map.of("communityId", community, "name", name, "kind", "CHECKPOINT",
                "requiredHeadcount", 1, "aroundTheClock", true, "areaId", areaId);
        return GRAPHQL.data("mutation($in: DutyPostInput!) { createDutyPost(input: $in) { id } }", Map.of("in", post))
                .getString("createDutyPost.id");
    }

    /** A volunteer of the community on a shift of the post that runs now. */
    static String onDutyNow(String post, String community) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String shift = GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) {"
                        + " createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", post, "s", now.minusHours(1).toString(), "e", now.plusHours(3).toString()))
                .getString("createShift.id");
        String person = RosterFixtures.volunteer(community);
        RosterFixtures.signUp(shift, person);
        return person;
    }

    static void task(String unit, String household, String areaId) {
        GRAPHQL.data("mutation($in: TaskInput!) { createTask(input: $in) { id } }", Map.of("in",
                Map.of("kind", "DOOR_TO_DOOR_TESTING", "unitId", unit, "household", household, "areaId", areaId)));
    }

    /** A chain of notice-service areas, root first, each id unique to this test run (as notice-service would give). */
    record Tree(List<String> names, String run) {

        Tree(String... names) {
            this(List.of(names), RosterFixtures.unique("run"));
        }

        String id(String name) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(name + " is not on " + names);
            }
            return run + ":" + name;
        }

        /** The representation the gateway sends: key and the path notice-service answered. */
        Map<String, Object> representation(String name) {
            List<String> path = new ArrayList<>();
            for (String n : names.subList(0, names.indexOf(name) + 1)) {
                path.add(id(n));
            }
            return Map.of("__typename", "Area", "id", id(name), "pathIds", path);
        }

        /** The tree one level deeper, {@code name} inside its last area. */
        Tree child(String name) {
            List<String> deeper = new ArrayList<>(names);
            deeper.add(name);
            return new Tree(deeper, run);
        }

        /** The same tree with its last area replaced by {@code name} (another building of the same compound). */
        Tree sibling(String name) {
            List<String> other = new ArrayList<>(names.subList(0, names.size() - 2));
            other.add(name);
            return new Tree(other, run);
        }
    }
}
