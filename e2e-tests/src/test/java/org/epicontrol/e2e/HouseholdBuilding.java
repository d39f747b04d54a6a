package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A building of 西贾社区 with its household register, set up as a community does it: the system admin adds the
 * building under 西贾社区第一网格 (whose grid worker is {@code grid-xijia-1}, by his Keycloak group), the community's
 * admin imports its households from a CSV file ({@code households/building.csv}: 8 doors in two units, some of the
 * special-groups ledger) and makes {@code volunteer-wang} (王建国, a volunteer of 西贾社区) its building captain.
 * Each test class takes a building of its own, so that none sees another's households.
 */
final class HouseholdBuilding {

    static final String ADMIN = "admin-xijia";
    static final String GRID_WORKER = "grid-xijia-1";
    static final String CAPTAIN = "volunteer-wang";

    private static final String CREATE_UNIT = """
            mutation($n: String!, $p: ID) { createOrgUnit(kind: BUILDING, name: $n, parentId: $p) { id } }""";
    private static final String IMPORT = """
            mutation($c: ID!, $csv: String!) { importHouseholds(communityId: $c, csv: $csv) {
              created updated stored rejected { line reason } } }""";
    private static final String HOUSEHOLDS = """
            query($u: ID!) { households(unitId: $u, first: 100) { totalCount
              edges { node { id unitLabel room headCount needs building { id } } } } }""";
    private static final String ME = "{ me { id name } }";
    private static final String CAPTAIN_OF = """
            mutation($u: ID!, $v: ID!) { assignResponsibility(unitId: $u, volunteerId: $v, role: "BUILDING_CAPTAIN") { id } }""";

    /** A household as the register lists it. */
    record Household(String id, String unitLabel, String room, int headCount) {
    }

    final DemoUnits.FirstGrid grid;
    final String name;
    final String id;
    /** By unit, then room: the two units' four doors each. */
    final List<Household> households;
    /** The volunteer record of {@link #CAPTAIN}. */
    final String captainVolunteerId;

    private HouseholdBuilding(DemoUnits.FirstGrid grid, String name, String id, List<Household> households,
                              String captainVolunteerId) {
        this.grid = grid;
        this.name = name;
        this.id = id;
        this.households = households;
        this.captainVolunteerId = captainVolunteerId;
    }

    static HouseholdBuilding create(RunningSuite suite, String name) {
        DemoUnits.FirstGrid grid = DemoUnits.firstGrid(suite);
        JsonPath created = Gateway.queryAs(suite, "sysadmin", CREATE_UNIT, "n", name, "p", grid.gridId());
        assertNull(created.get("errors"), created::prettify);
        String building = created.getString("data.createOrgUnit.id");

        String csv = TestResources.read("households/building.csv").replace("{building}", name);
        JsonPath imported = Gateway.queryAs(suite, ADMIN, IMPORT, "c", grid.communityId(), "csv", csv);
        assertNull(imported.get("errors"), imported::prettify);
        assertEquals(List.of(), imported.getList("data.importHouseholds.rejected"), imported::prettify);
        assertTrue(imported.getBoolean("data.importHouseholds.stored"), imported::prettify);
        assertEquals(8, imported.getInt("data.importHouseholds.created"), imported::prettify);

        JsonPath listed = Gateway.queryAs(suite, ADMIN, HOUSEHOLDS, "u", building);
        assertNull(listed.get("errors"), listed::prettify);
        assertEquals(8, listed.getInt("data.households.totalCount"), listed::prettify);
        List<Map<String, Object>> nodes = listed.getList("data.households.edges.node");
        List<Household> households = nodes.stream()
                .map(n -> new Household((String) n.get("id"), (String) n.get("unitLabel"), (String) n.get("room"),
                        (Integer) n.get("headCount")))
                .sorted(Comparator.comparing(Household::unitLabel).thenComparing(Household::room)).toList();

        JsonPath me = Gateway.queryAs(suite, CAPTAIN, ME);
        assertNull(me.get("errors"), me::prettify);
        String captain = me.getString("data.me.id");
        JsonPath assigned = Gateway.queryAs(suite, ADMIN, CAPTAIN_OF, "u", building, "v", captain);
        assertNull(assigned.get("errors"), assigned::prettify);
        return new HouseholdBuilding(grid, name, building, households, captain);
    }

    /** The unit labels of the building, in order (as the register normalised the file's "1单元", "2单元"). */
    List<String> units() {
        return households.stream().map(Household::unitLabel).distinct().toList();
    }

    List<Household> inUnit(String unitLabel) {
        return households.stream().filter(h -> h.unitLabel().equals(unitLabel)).toList();
    }
}
