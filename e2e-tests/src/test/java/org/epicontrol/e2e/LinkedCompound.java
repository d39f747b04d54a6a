package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A compound of 西贾社区 that none of the demo's high-risk notices names, so that its buildings can become high-risk
 * with no enclosing response already open (the demo's compounds have theirs, and a building inside one is noted on
 * it): 锦绣苑小区. A low-risk notice makes its areas known; the system admin adds two units to 西贾社区 and 西贾社区's
 * admin links them, as a community does when it takes a compound on: a third grid for the compound, and under the
 * first grid (whose grid worker is {@code grid-xijia-1}) a building unit for its 3号楼. So 3号楼's areas answer to
 * the first grid (the most specific link), the compound's other buildings to the third. The same notice also names
 * a unit inside the demo's 书林苑小区.
 */
final class LinkedCompound {

    static final String COMPOUND = "西贾社区锦绣苑小区";
    /** A building of the compound linked on its own, to a building unit of the first grid. */
    static final String BUILDING = COMPOUND + "3号楼";
    /** A unit inside the demo's 书林苑小区 (linked by the demo to 西贾社区第一网格, a 24 h checkpoint at its gate). */
    static final String SHULINYUAN_UNIT = "西贾社区书林苑小区2号楼1单元";
    static final String FIRST_GRID = DemoUnits.FIRST_GRID;
    static final String THIRD_GRID = "西贾社区第三网格";
    /** The notice making them known (lowered: low risk opens nothing). */
    private static final int NUMBER = 9000;

    private static final String CREATE_UNIT = """
            mutation($k: OrgKind!, $n: String!, $p: ID) { createOrgUnit(kind: $k, name: $n, parentId: $p) { id } }""";
    private static final String LINK = "mutation($u: ID!, $a: ID!) { linkArea(unitId: $u, areaId: $a) { id areaId } }";

    /** 西贾社区's id. */
    final String communityId;
    /** The area ids of {@link #COMPOUND}, {@link #BUILDING} and {@link #SHULINYUAN_UNIT}. */
    final String compoundArea;
    final String buildingArea;
    final String shulinyuanUnitArea;

    private LinkedCompound(String communityId, TestNotices.Notice notice) {
        this.communityId = communityId;
        this.compoundArea = notice.area(COMPOUND);
        this.buildingArea = notice.area(BUILDING);
        this.shulinyuanUnitArea = notice.area(SHULINYUAN_UNIT);
    }

    static LinkedCompound link(RunningSuite suite) {
        TestNotices.Notice known = TestNotices.publish(suite, TestNotices.LOW, NUMBER,
                List.of(COMPOUND, BUILDING, SHULINYUAN_UNIT));
        DemoUnits.FirstGrid demo = DemoUnits.firstGrid(suite);
        String firstGrid = demo.gridId();
        String community = demo.communityId();

        String thirdGrid = create(suite, "GRID", THIRD_GRID, community);
        String building = create(suite, "BUILDING", "锦绣苑3号楼", firstGrid);
        LinkedCompound linked = new LinkedCompound(community, known);
        link(suite, thirdGrid, linked.compoundArea);
        link(suite, building, linked.buildingArea);
        return linked;
    }

    private static String create(RunningSuite suite, String kind, String name, String parent) {
        JsonPath created = Gateway.queryAs(suite, "sysadmin", CREATE_UNIT, "k", kind, "n", name, "p", parent);
        assertNull(created.get("errors"), created::prettify);
        return created.getString("data.createOrgUnit.id");
    }

    /** As the community's own admin: a community links its units itself. */
    private static void link(RunningSuite suite, String unit, String area) {
        JsonPath linked = Gateway.queryAs(suite, "admin-xijia", LINK, "u", unit, "a", area);
        assertNull(linked.get("errors"), linked::prettify);
        assertEquals(area, linked.getString("data.linkArea.areaId"), linked::prettify);
    }
}
