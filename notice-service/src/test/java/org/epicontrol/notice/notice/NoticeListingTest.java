package org.epicontrol.notice.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NoticeListingTest {

    private static final String LIST = """
            query($from: Date, $to: Date, $district: String, $first: Int, $after: String) {
              notices(from: $from, to: $to, district: $district, first: $first, after: $after) {
                edges { cursor node { number issueDate } } pageInfo { hasNextPage endCursor } } }""";

    @BeforeEach
    void noticesImported() {
        Notices.importFixtures();
        Notices.importText(Notices.synthetic(401, 12, 10, "清徐县", "HIGH", "清源镇孔村"), 2022);
        Notices.importText(Notices.synthetic(402, 12, 11, "清徐县", "LOW", "清源镇孔村"), 2022);
    }

    @Test
    void noticesAreFilteredByDistrictAndDateRangeNewestFirst() {
        List<Integer> numbers = list(Map.of("district", "清徐县", "from", "2022-12-01", "to", "2022-12-31"));
        assertEquals(List.of(402, 401), numbers);
        List<Integer> onlyFirst = list(Map.of("district", "清徐县", "to", "2022-12-10"));
        assertEquals(List.of(401), onlyFirst);
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        List<Integer> all = list(Map.of("from", "2022-11-30", "to", "2022-12-11", "first", 500));
        List<Integer> paged = new ArrayList<>();
        String after = null;
        for (int i = 0; i < 50; i++) {
            Map<String, Object> vars = new HashMap<>(Map.of("from", "2022-11-30", "to", "2022-12-11", "first", 1));
            vars.put("after", after);
            JsonPath page = GRAPHQL.data(LIST, vars).setRootPath("data.notices");
            paged.addAll(page.getList("edges.node.number"));
            if (!page.getBoolean("pageInfo.hasNextPage")) {
                break;
            }
            after = page.getString("pageInfo.endCursor");
        }
        assertEquals(all, paged);
        assertTrue(all.containsAll(List.of(194, 195, 401, 402)), all::toString);
    }

    @Test
    void anAreaCarriesItsFullLevelHistory() {
        String id = GRAPHQL.data("{ searchAreas(text: \"孔村\", district: \"清徐县\") { id } }").getString("searchAreas[0].id");
        JsonPath area = GRAPHQL.data("query($id: ID!) { area(id: $id) { fullName kind levelHistory { date level { code } notice { number } } } }",
                Map.of("id", id)).setRootPath("data.area");
        assertEquals("清徐县清源镇孔村", area.getString("fullName"));
        assertEquals(List.of("HIGH", "LOW"), area.getList("levelHistory.level.code"));
        assertEquals(List.of(401, 402), area.getList("levelHistory.notice.number"));
    }

    @Test
    void aReversedDateRangeIsRefused() {
        GRAPHQL.post(LIST, Map.of("from", "2022-12-31", "to", "2022-12-01"))
                .body("errors[0].extensions.code", equalTo("INVALID_DATE_RANGE"));
    }

    private static List<Integer> list(Map<String, Object> vars) {
        return GRAPHQL.data(LIST, vars).getList("notices.edges.node.number");
    }
}
