package org.epicontrol.roster.org;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.org.OrgFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.count;
import static org.epicontrol.roster.org.OrgFixtures.scalar;
import static org.epicontrol.roster.org.OrgFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrgImportTest {

    static final String HEADER = "district,street,community,grid,building\n";
    static final String IMPORT = """
            mutation($csv: String!, $dryRun: Boolean) {
              importOrganisation(csv: $csv, dryRun: $dryRun) {
                stored dryRun rows rejectedCount message
                created { districts streets communities grids buildings }
                reused { districts streets communities grids buildings }
                rejected { line reason text }
              }
            }""";

    @Inject
    Pool pool;

    @Test
    void fiveThousandRowsAreImportedLevelByLevelInWellUnderAFewSeconds() {
        String district = unique("万柏林区");
        String csv = district(district, 5, 5, 10, 20);
        // a small import first, so that the time measured is the import's and not the first request's
        importCsv(district(unique("预热区"), 1, 1, 1, 1), false);
        long before = count(pool, "org_unit");

        long start = System.nanoTime();
        JsonPath report = importCsv(csv, false);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 3000, "5,000 rows took " + millis + " ms");
        assertTrue(report.getBoolean("stored"));
        assertEquals(5000, report.getInt("rows"));
        assertEquals(Map.of("districts", 1, "streets", 5, "communities", 25, "grids", 250, "buildings", 5000),
                report.getMap("created"));
        assertEquals(before + 5281, count(pool, "org_unit"));
        // every unit's path is its parent's path plus itself
        assertEquals(0, scalar(pool, """
                select count(*) from org_unit o left join org_unit p on p.id = o.parent_id
                where o.path_ids[1] = (select id from org_unit where name = $1 and kind = 'DISTRICT')
                  and o.path_ids is distinct from coalesce(p.path_ids, '{}') || o.id""", district));
        String building = String.valueOf(scalar(pool, """
                select b.id from org_unit b join org_unit g on g.id = b.parent_id
                join org_unit c on c.id = g.parent_id join org_unit s on s.id = c.parent_id
                join org_unit d on d.id = s.parent_id
                where d.name = $1 and s.name = '街道3' and c.name = '社区3-2' and g.name = '第7网格' and b.name = '12号楼'""",
                district));
        GRAPHQL.post("query($id: ID!) { orgUnit(id: $id) { kind name parent { kind name parent { name parent { name"
                        + " parent { kind name } } } } } }", Map.of("id", building))
                .body("data.orgUnit.kind", equalTo("BUILDING"))
                .body("data.orgUnit.parent.kind", equalTo("GRID"))
                .body("data.orgUnit.parent.parent.name", equalTo("社区3-2"))
                .body("data.orgUnit.parent.parent.parent.parent.name", equalTo(district));
    }

    @Test
    void importingTheSameFileAgainCreatesNothingNew() {
        String csv = district(unique("迎泽区"), 2, 2, 3, 4);
        importCsv(csv, false);
        long before = count(pool, "org_unit");

        JsonPath again = importCsv(csv, false);

        assertTrue(again.getBoolean("stored"));
        assertEquals(Map.of("districts", 0, "streets", 0, "communities", 0, "grids", 0, "buildings", 0),
                again.getMap("created"));
        assertEquals(Map.of("districts", 1, "streets", 2, "communities", 4, "grids", 12, "buildings", 48),
                again.getMap("reused"));
        assertEquals(before, count(pool, "org_unit"));
    }

    @Test
    void unitsThatAlreadyExistAreReusedAndNewOnesAddedBelowThem() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String district = unitName(branch.district());
        long before = count(pool, "org_unit");

        JsonPath report = importCsv(HEADER
                + district + ",平阳路街道,府东社区,第一网格,1号楼\n"
                + district + ",平阳路街道,府东社区,第一网格,3号楼\n"
                + district + ",平阳路街道,府西社区,,\n", false);

        assertEquals(Map.of("districts", 1, "streets", 1, "communities", 1, "grids", 1, "buildings", 1),
                report.getMap("reused"));
        assertEquals(Map.of("districts", 0, "streets", 0, "communities", 1, "grids", 0, "buildings", 1),
                report.getMap("created"));
        assertEquals(before + 2, count(pool, "org_unit"));
    }

    @Test
    void rowsMayRepeatUpperLevelsAndDeclareOnlyACommunity() {
        String district = unique("杏花岭区");
        JsonPath report = importCsv(HEADER
                + district + ",巨轮街道,西华苑社区,,\n"
                + district + ",巨轮街道,西华苑社区,一网格,\n"
                + district + ",巨轮街道,西华苑社区,一网格,1号楼\n"
                + district + ",巨轮街道,西华苑社区,一网格,2号楼\n"
                + district + ",巨轮街道,新村社区,,\n"
                + "\n", false);

        assertTrue(report.getBoolean("stored"));
        assertEquals(5, report.getInt("rows"));
        assertEquals(Map.of("districts", 1, "streets", 1, "communities", 2, "grids", 1, "buildings", 2),
                report.getMap("created"));
    }

    @Test
    void aByteOrderMarkCrlfLineEndingsAndQuotedFieldsAreRead() {
        String district = unique("尖草坪区");
        JsonPath report = importCsv("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "\"" + district + "\",\"柴村街道\",\"恒大名都小区\"\"北区\"\"\",\"一网格\",\"5栋,1单元\"\r\n", false);

        assertTrue(report.getBoolean("stored"), report.getString("message"));
        assertEquals(1, scalar(pool, "select count(*) from org_unit where name = '恒大名都小区\"北区\"' and kind = 'COMMUNITY'"
                + " and path_ids[1] = (select id from org_unit where name = $1)", district));
        assertEquals(1, scalar(pool, "select count(*) from org_unit where name = '5栋,1单元'"
                + " and path_ids[1] = (select id from org_unit where name = $1)", district));
    }

    @Test
    void aFileWithBrokenRowsListsThemAllAndStoresNothing() {
        String d = unique("晋源区");
        String tooLong = "楼".repeat(201);
        String gbk = new String((d + ",义井街道,神堂沟社区,一网格,7号楼").getBytes(Charset.forName("GBK")),
                StandardCharsets.UTF_8);
        long before = count(pool, "org_unit");

        JsonPath report = importCsv(HEADER
                + d + ",义井街道,神堂沟社区,一网格,1号楼\n"           // 2: fine
                + d + ",义井街道,神堂沟社区,一网格\n"                 // 3: four columns
                + d + ",义井街道,,,\n"                               // 4: no community
                + d + ",义井街道,,一网格,3号楼\n"                     // 5: grid without community
                + d + ",义井街道,神堂沟社区,一网格," + tooLong + "\n" // 6: name too long
                + d + ",义井街道,神堂沟社区,一网格,1号楼\n"           // 7: same building again
                + gbk + "\n"                                         // 8: GBK bytes
                + d + ",义井街道,神堂沟社区,,5号楼\n"                 // 9: building without grid
                + d + ",义井街道,神堂沟社区,一\"网格,6号楼\n"         // 10: stray quote
                + d + ",义井街道,神堂沟社区,一网格,\"8号\n楼\"\n"     // 11-12: a line break in a name
                + ",义井街道,神堂沟社区,一网格,9号楼\n"               // 13: no district
                + d + ",义井街道,神堂沟社区,二网格,1号楼\n", false);  // 14: fine

        assertFalse(report.getBoolean("stored"));
        assertEquals(12, report.getInt("rows"));
        assertEquals(10, report.getInt("rejectedCount"));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13), report.getList("rejected.line"));
        List<String> reasons = report.getList("rejected.reason");
        assertEquals("expected 5 columns (district,street,community,grid,building), found 4", reasons.get(0));
        assertEquals("community is empty", reasons.get(1));
        assertEquals("a grid without community", reasons.get(2));
        assertEquals("building is longer than 200 characters", reasons.get(3));
        assertEquals("building 1号楼 of grid 一网格 appears again (first on line 2)", reasons.get(4));
        assertTrue(reasons.get(5).contains("not valid UTF-8"), reasons.get(5));
        assertEquals("a building without grid", reasons.get(6));
        assertTrue(reasons.get(7).contains("quote"), reasons.get(7));
        assertEquals("building holds a control character or a line break", reasons.get(8));
        assertEquals("a street without district", reasons.get(9));
        assertTrue(report.getString("message").contains("nothing was stored"));
        assertEquals(before, count(pool, "org_unit"));
        assertEquals(0, scalar(pool, "select count(*) from org_unit where name = $1", d));
    }

    @Test
    void aFileSavedAsGbkIsRejectedRowByRow() {
        String district = unique("清徐县");
        byte[] gbk = (HEADER + district + ",清源镇,孔村,,\n" + district + ",清源镇,东于村,,\n")
                .getBytes(Charset.forName("GBK"));
        long before = count(pool, "org_unit");

        // what arrives when a client reads GBK bytes as UTF-8
        JsonPath report = importCsv(new String(gbk, StandardCharsets.UTF_8), false);

        assertFalse(report.getBoolean("stored"));
        assertEquals(2, report.getInt("rejectedCount"));
        assertTrue(report.getString("rejected[0].reason").contains("not valid UTF-8"));
        assertEquals(before, count(pool, "org_unit"));
    }

    @Test
    void aWrongHeaderIsRefusedOutright() {
        long before = count(pool, "org_unit");
        post("区,街道,社区,网格,楼栋\n小店区,平阳路街道,府东社区,,\n", false)
                .body("data.importOrganisation", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_CSV"))
                .body("errors[0].message", containsString("district,street,community,grid,building"));
        post("district,street,community\n小店区,平阳路街道,府东社区\n", false)
                .body("errors[0].extensions.code", equalTo("INVALID_CSV"));
        post("", false).body("errors[0].extensions.code", equalTo("INVALID_CSV"));
        assertEquals(before, count(pool, "org_unit"));
    }

    @Test
    void aDryRunReportsWhatWouldBeCreatedAndStoresNothing() {
        String csv = district(unique("古交市"), 1, 2, 2, 3);
        long before = count(pool, "org_unit");

        JsonPath dry = importCsv(csv, true);

        assertTrue(dry.getBoolean("dryRun"));
        assertFalse(dry.getBoolean("stored"));
        Map<String, Object> expected = Map.of("districts", 1, "streets", 1, "communities", 2, "grids", 4, "buildings", 12);
        assertEquals(expected, dry.getMap("created"));
        assertEquals(before, count(pool, "org_unit"));
        assertEquals(expected, importCsv(csv, false).getMap("created"));
        assertEquals(before + 20, count(pool, "org_unit"));
    }

    /** A district with the given numbers of streets, communities per street, grids per community, buildings per grid. */
    static String district(String district, int streets, int communities, int grids, int buildings) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int s = 1; s <= streets; s++) {
            for (int c = 1; c <= communities; c++) {
                for (int g = 1; g <= grids; g++) {
                    for (int b = 1; b <= buildings; b++) {
                        csv.append(district).append(",街道").append(s).append(",社区").append(s).append('-').append(c)
                                .append(",第").append(g).append("网格,").append(b).append("号楼\n");
                    }
                }
            }
        }
        return csv.toString();
    }

    private static String unitName(String id) {
        return GRAPHQL.data("query($id: ID!) { orgUnit(id: $id) { name } }", Map.of("id", id)).getString("orgUnit.name");
    }

    static ValidatableResponse post(String csv, boolean dryRun) {
        return GRAPHQL.post(IMPORT, Map.of("csv", csv, "dryRun", dryRun));
    }

    static JsonPath importCsv(String csv, boolean dryRun) {
        return GRAPHQL.data(IMPORT, Map.of("csv", csv, "dryRun", dryRun)).setRootPath("data.importOrganisation");
    }
}
