package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Units of the demo organisation the tests build on, found through the API as the system admin. */
final class DemoUnits {

    static final String FIRST_GRID = "西贾社区第一网格";
    private static final String SHULINYUAN = "小店区西贾社区书林苑小区";
    private static final String GRID_OF = """
            query($t: String!) { searchAreas(text: $t) { fullName responsibleGrid { id name community { id name } } } }""";

    /** 西贾社区第一网格 (grid-xijia-1's grid, responsible for 书林苑小区) and 西贾社区. */
    record FirstGrid(String gridId, String communityId) {
    }

    private DemoUnits() {
    }

    static FirstGrid firstGrid(RunningSuite suite) {
        JsonPath demo = Gateway.queryAs(suite, "sysadmin", GRID_OF, "t", "书林苑小区");
        assertNull(demo.get("errors"), demo::prettify);
        String grid = "data.searchAreas.find { it.fullName == '" + SHULINYUAN + "' }.responsibleGrid";
        assertEquals(FIRST_GRID, demo.getString(grid + ".name"), demo::prettify);
        assertNotNull(demo.getString(grid + ".community.id"), demo::prettify);
        return new FirstGrid(demo.getString(grid + ".id"), demo.getString(grid + ".community.id"));
    }
}
