package org.epicontrol.notice.federation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FederationSubgraphTest {

    @Test
    void serviceSdlIsFederationTwoWithNoticeAndAreaAsEntities() {
        String sdl = GRAPHQL.data("{ _service { sdl } }").getString("_service.sdl");
        assertTrue(sdl.matches("(?s).*schema @link\\([^)]*url ?: ?\"https://specs.apollo.dev/federation/v2\\.\\d+\".*"), sdl);
        assertTrue(sdl.matches("(?s).*type Notice @key\\(fields ?: ?\"id\"\\).*"), sdl);
        assertTrue(sdl.matches("(?s).*type Area @key\\(fields ?: ?\"id\"\\).*"), sdl);
        // volunteer-service pages with it too: composition needs it shareable.
        assertTrue(sdl.matches("(?s).*type PageInfo @shareable \\{.*"), sdl);
    }

    @Test
    void importAndPublishCarryTheirPolicyForTheGatewaysFirstGate() {
        String sdl = GRAPHQL.data("{ _service { sdl } }").getString("_service.sdl");
        assertTrue(sdl.matches("(?s).*schema @link\\([^)]*\"@policy\".*"), sdl);
        assertTrue(sdl.matches("(?s).*importNotice\\([^)]*\\): [^\\n]*@policy\\(policies ?: ?\\[\\[\"notice:import\"\\]\\]\\).*"), sdl);
        assertTrue(sdl.matches("(?s).*publishNotice\\([^)]*\\): [^\\n]*@policy\\(policies ?: ?\\[\\[\"notice:publish\"\\]\\]\\).*"), sdl);
    }

    @Test
    void entitiesResolvesNoticesAndAreasInRequestOrderWithNullForUnknownIds() {
        String noticeId = Notices.importText(Notices.fixture("taiyuan-2022-194.txt"), 2022).getString("notice.id");
        String areaId = GRAPHQL.data("{ searchAreas(text: \"书林苑\") { id } }").getString("searchAreas[0].id");
        String query = """
                query($r: [_Any!]!) { _entities(representations: $r) {
                  __typename ... on Notice { number } ... on Area { fullName } } }""";
        JsonPath json = GRAPHQL.data(query, Map.of("r", List.of(
                Map.of("__typename", "Area", "id", areaId),
                Map.of("__typename", "Notice", "id", noticeId),
                Map.of("__typename", "Notice", "id", "999999999"))));
        List<Map<String, Object>> entities = json.getList("_entities");
        assertEquals(3, entities.size());
        assertEquals("小店区西贾社区书林苑小区", entities.get(0).get("fullName"));
        assertEquals(194, entities.get(1).get("number"));
        assertNull(entities.get(2));
    }
}
