package org.epicontrol.notice.risk;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RiskMapTest {

    private static final String PAGE = """
            query($after: String) { riskAreas(asOf: "2022-11-30", district: "万柏林区", level: "HIGH", first: 3, after: $after) {
              edges { cursor node { area { id fullName } level { code } since notice { number } } }
              pageInfo { hasNextPage endCursor } } }""";

    @BeforeEach
    void fixturesImported() {
        Notices.importFixtures();
    }

    @Test
    void riskAreasPagesThroughEveryHighRiskAreaOfADistrictOnce() {
        List<String> names = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("after", after);
            JsonPath json = GRAPHQL.data(PAGE, vars).setRootPath("data.riskAreas");
            names.addAll(json.getList("edges.node.area.fullName"));
            assertTrue(json.getList("edges.node.level.code").stream().allMatch("HIGH"::equals));
            if (!json.getBoolean("pageInfo.hasNextPage")) {
                break;
            }
            after = json.getString("pageInfo.endCursor");
        }
        // Notice 195 made 8 areas of 万柏林区 high-risk; later notices of other tests did not touch them.
        assertEquals(8, names.size(), names::toString);
        assertEquals(8, new HashSet<>(names).size());
        assertTrue(names.contains("万柏林区龙隐小区11号楼"), names::toString);
    }

    @Test
    void countsPerDistrictFollowTheNoticesInForce() {
        List<Map<String, Object>> counts = GRAPHQL.data("{ riskCounts(asOf: \"2022-11-30\") { district level areas } }")
                .getList("riskCounts");
        Map<String, Integer> byKey = new HashMap<>();
        counts.forEach(c -> byKey.put(c.get("level") + "/" + c.get("district"), (Integer) c.get("areas")));
        assertEquals(4, byKey.get("HIGH/晋源区"));
        assertEquals(3, byKey.get("LOW/晋源区"));
        assertEquals(7, byKey.get("HIGH/杏花岭区"));
    }

    @Test
    void aForeignCursorIsRefused() {
        GRAPHQL.post(PAGE, Map.of("after", "bm90aWNlOjE"))
                .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void aPageSizeOutOfRangeIsRefused() {
        GRAPHQL.post("{ riskAreas(first: 0) { pageInfo { hasNextPage } } }", Map.of())
                .body("errors[0].extensions.code", equalTo("INVALID_PAGE_SIZE"));
    }
}
