package org.epicontrol.roster.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.household.HouseholdWorld.Who;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.scalar;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** importHouseholds: one community's file, all rows or nothing, doors found again on the next import. */
@QuarkusTest
class HouseholdImportTest {

    static final String HEADER = "building,unit,room,head_count,contact_name,contact_phone,needs,address,note\r\n";
    private static final String LIST = """
            query($u: ID!, $need: HouseholdNeed) { households(unitId: $u, need: $need, first: 100) { totalCount
              edges { node { unitLabel room headCount needs note address contactName contactPhone building { id } } } } }""";

    @Inject
    Pool pool;

    @Test
    void aGoodFileIsStoredWholeWithBomCrlfQuotesAndChineseNeeds() {
        HouseholdWorld world = HouseholdWorld.create();
        String csv = "\uFEFF" + HEADER
                + "2号楼,2,301,3,王芳,13900001111,独居老人;慢性病,,\r\n"
                + "2号楼,２单元,302室,2,,,\"INFANT\",\"东街1号, 后院\",\"说 \"\"二楼\"\"\"\r\n"
                + "\r\n"
                + "甲二网格" + "/1号楼,,101,1,,,,,\r\n";
        // the grid name is unique per world: refer to A2's 1号楼 by the grid's real name
        csv = csv.replace("甲二网格/1号楼", gridName(world.gridA2) + "/1号楼");
        JsonPath report = importCsv(world, csv);
        assertTrue(report.getBoolean("stored"), report.prettify());
        assertEquals(3, report.getInt("rows"));
        assertEquals(3, report.getInt("created"));
        assertEquals(0, report.getInt("updated"));
        JsonPath listed = GRAPHQL.data(LIST, Map.of("u", world.buildingA1Two));
        assertEquals(2, listed.getInt("households.totalCount"));
        assertEquals(List.of("301", "302"), listed.getList("households.edges.node.room"));
        assertEquals(List.of("2单元", "2单元"), listed.getList("households.edges.node.unitLabel"));
        assertEquals(List.of("ELDERLY_ALONE", "CHRONIC_ILLNESS"), listed.getList("households.edges[0].node.needs"));
        assertEquals("东街1号, 后院", listed.getString("households.edges[1].node.address"));
        assertEquals("说 \"二楼\"", listed.getString("households.edges[1].node.note"));
        assertEquals("王芳", listed.getString("households.edges[0].node.contactName"));
        assertEquals(1, GRAPHQL.data(LIST, Map.of("u", world.buildingA2)).getInt("households.totalCount"));
        assertEquals(1L, scalar(pool, "select count(*) from audit_event where action = 'IMPORT_HOUSEHOLDS'"
                + " and target_id = $1", world.communityA));
    }

    @Test
    void importingAgainUpdatesTheDoorsInTheRegisterAndCreatesTheNewOnes() {
        HouseholdWorld world = HouseholdWorld.create();
        importCsv(world, HEADER + "2号楼,1,101,3,,,,,\n2号楼,1,102,2,,,,,\n");
        JsonPath again = importCsv(world, "楼栋,单元,门牌,人数,联系人,电话,特殊群体,地址,备注\n"
                + "2号楼,1单元,101,4,李四,,孕妇,,\n2号楼,1,103,1,,,,,\n");
        assertTrue(again.getBoolean("stored"), again.prettify());
        assertEquals(1, again.getInt("created"));
        assertEquals(1, again.getInt("updated"));
        JsonPath listed = GRAPHQL.data(LIST, Map.of("u", world.buildingA1Two));
        assertEquals(List.of("101", "102", "103"), listed.getList("households.edges.node.room"));
        assertEquals(List.of(4, 2, 1), listed.getList("households.edges.node.headCount"));
        assertEquals(List.of("PREGNANCY"), listed.getList("households.edges[0].node.needs"));
        assertEquals(1, GRAPHQL.data(LIST, Map.of("u", world.communityA, "need", "PREGNANCY"))
                .getInt("households.totalCount"));
    }

    @Test
    void aFileWithBadRowsIsReportedRowByRowAndNothingIsStored() {
        HouseholdWorld world = HouseholdWorld.create();
        String csv = HEADER
                + "2号楼,1,101,3,,,,,\n"                 // 2: good
                + "9号楼,1,101,3,,,,,\n"                 // 3: unknown building
                + "1号楼,1,101,3,,,,,\n"                 // 4: 1号楼 is in grids A1 and A2
                + "2号楼,1,102,abc,,,,,\n"               // 5: head count not a number
                + "2号楼,1,103,51,,,,,\n"                // 6: head count too large
                + "2号楼,1,104,1,,phone?,,,\n"           // 7: bad phone
                + "2号楼,1,105,1,,,HUNGRY,,\n"           // 8: unknown need
                + "2号楼,1单元,101室,2,,,,,\n"            // 9: the door of line 2 again
                + "2号楼,1,106,1,,\n";                   // 10: too few columns
        JsonPath report = importCsv(world, csv);
        assertFalse(report.getBoolean("stored"));
        assertEquals(9, report.getInt("rows"));
        assertEquals(0, report.getInt("created"));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10), report.getList("rejected.line"));
        List<String> reasons = report.getList("rejected.reason");
        assertTrue(reasons.get(0).contains("not a building of this community"), reasons.get(0));
        assertTrue(reasons.get(1).contains("several grids"), reasons.get(1));
        assertTrue(reasons.get(2).startsWith("head_count"), reasons.get(2));
        assertTrue(reasons.get(3).startsWith("head_count"), reasons.get(3));
        assertTrue(reasons.get(4).startsWith("contact_phone"), reasons.get(4));
        assertTrue(reasons.get(5).contains("HUNGRY"), reasons.get(5));
        assertTrue(reasons.get(6).contains("first on line 2"), reasons.get(6));
        assertTrue(reasons.get(7).contains("columns"), reasons.get(7));
        assertEquals(0L, scalar(pool, "select count(*) from household where community_id = $1",
                Long.valueOf(world.communityA)));
        assertEquals(0L, scalar(pool, "select count(*) from audit_event where action = 'IMPORT_HOUSEHOLDS'"
                + " and target_id = $1", world.communityA));
    }

    @Test
    void aFileOverTheRowLimitIsRefusedWhole() {
        HouseholdWorld world = HouseholdWorld.create();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 5001; i++) {
            csv.append("2号楼,1,").append(i).append(",1,,,,,\n");
        }
        world.importCsv(Who.ADMIN_OF_A, world.communityA, csv.toString())
                .body("errors[0].extensions.code", equalTo("TOO_MANY_ROWS"));
        assertEquals(0L, scalar(pool, "select count(*) from household where community_id = $1",
                Long.valueOf(world.communityA)));
    }

    @Test
    void aFileOverTheByteLimitIsRefusedBeforeAnyRowIsRead() {
        HouseholdWorld world = HouseholdWorld.create();
        // 700,000 three-byte characters: 2.1 MB of UTF-8 in fewer than 2,000,000 characters
        String csv = HEADER + "2号楼,1,101,1,,,,," + "备".repeat(700_000) + "\n";
        world.importCsv(Who.ADMIN_OF_A, world.communityA, csv)
                .body("errors[0].extensions.code", equalTo("FILE_TOO_LARGE"));
    }

    @Test
    void aFileWithoutTheHeaderIsRefused() {
        HouseholdWorld world = HouseholdWorld.create();
        world.importCsv(Who.ADMIN_OF_A, world.communityA, "2号楼,1,101,3\n")
                .body("errors[0].extensions.code", equalTo("INVALID_CSV"))
                .body("errors[0].message", containsString("header"));
    }

    @Test
    void onlyTheCommunitysAdministratorsImport() {
        HouseholdWorld world = HouseholdWorld.create();
        for (Who who : Who.values()) {
            if (who == Who.ADMIN_OF_A || who == Who.SYSTEM_ADMIN) {
                continue;
            }
            world.importCsv(who, world.communityA, HEADER + "2号楼,1,101,3,,,,,\n")
                    .body("data", equalTo(null))
                    .body("errors[0].extensions.code", equalTo(who == Who.ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN"));
        }
        assertEquals(0L, scalar(pool, "select count(*) from household where community_id = $1",
                Long.valueOf(world.communityA)));
    }

    private static JsonPath importCsv(HouseholdWorld world, String csv) {
        return world.as(Who.ADMIN_OF_A).data(HouseholdWorld.IMPORT, Map.of("c", world.communityA, "csv", csv))
                .setRootPath("data.importHouseholds");
    }

    private static String gridName(String grid) {
        return GRAPHQL.data("query($g: ID!) { orgUnit(id: $g) { name } }", Map.of("g", grid)).getString("orgUnit.name");
    }
}
