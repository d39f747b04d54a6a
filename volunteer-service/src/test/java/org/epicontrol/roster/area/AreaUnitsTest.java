package org.epicontrol.roster.area;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.org.OrgUnit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.area.AreaTreeTest.linkedUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The unit answering for an area along the tree (what responses and the Area fields build on). */
@QuarkusTest
class AreaUnitsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AreaUnits units;

    @Test
    void theDeepestLinkedAreaWinsWithItsGridAndCommunity() {
        AreaTreeTest.Tree tree = new AreaTreeTest.Tree("太原市", "小店区", "西贾社区", "书林苑小区", "书林苑小区3号楼",
                "书林苑小区3号楼2单元");
        String community = RosterFixtures.community();
        String grid = linkedUnit("GRID", RosterFixtures.unique("网格"), community, tree.id("书林苑小区"));
        String building = linkedUnit("BUILDING", RosterFixtures.unique("3号楼"), grid, tree.id("书林苑小区3号楼"));

        Map<String, LinkedUnit> found = units.mostSpecific(List.of(ref(tree, "书林苑小区3号楼2单元"),
                ref(tree, "书林苑小区"))).await().atMost(WAIT);

        LinkedUnit unit = found.get(tree.id("书林苑小区3号楼2单元"));
        assertEquals(building, unit.unit().id());
        assertEquals(Long.valueOf(grid), unit.gridId());
        assertEquals(Long.valueOf(community), unit.communityId());
        assertEquals(grid, found.get(tree.id("书林苑小区")).unit().id());
    }

    @Test
    void aCommunityLinkedAboveEveryGridAnswersWithoutAGrid() {
        AreaTreeTest.Tree tree = new AreaTreeTest.Tree("太原市", "小店区", "南内环社区", "晋阳紫城", "晋阳紫城4号楼");
        String community = RosterFixtures.community();
        RosterFixtures.GRAPHQL.data("mutation($u: ID!, $a: ID!) { linkArea(unitId: $u, areaId: $a) { id } }",
                Map.of("u", community, "a", tree.id("南内环社区")));

        AreaRef building = ref(tree, "晋阳紫城4号楼");
        LinkedUnit unit = units.mostSpecific(List.of(building)).await().atMost(WAIT).get(building.areaId());
        Map<String, OrgUnit> grids = units.grids(List.of(building)).await().atMost(WAIT);

        assertEquals(community, unit.unit().id());
        assertNull(unit.gridId());
        assertEquals(Long.valueOf(community), unit.communityId());
        assertFalse(grids.containsKey(building.areaId()));
    }

    @Test
    void anAreaOutsideEveryLinkIsAbsent() {
        AreaTreeTest.Tree tree = new AreaTreeTest.Tree("太原市", "无链接小区");

        assertEquals(Map.of(), units.mostSpecific(List.of(ref(tree, "无链接小区"))).await().atMost(WAIT));
        assertEquals(Map.of(), units.mostSpecific(List.of()).await().atMost(WAIT));
    }

    private static AreaRef ref(AreaTreeTest.Tree tree, String name) {
        @SuppressWarnings("unchecked")
        List<String> path = (List<String>) tree.representation(name).get("pathIds");
        return new AreaRef(tree.id(name), path);
    }
}
