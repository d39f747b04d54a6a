package org.epicontrol.notice.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.epicontrol.notice.feed.FeedNotices.D;
import static org.epicontrol.notice.feed.FeedNotices.draft;
import static org.epicontrol.notice.feed.FeedNotices.input;
import static org.epicontrol.notice.feed.FeedNotices.item;
import static org.epicontrol.notice.feed.FeedNotices.of;
import static org.epicontrol.notice.feed.FeedNotices.publish;
import static org.epicontrol.notice.feed.FeedNotices.published;
import static org.epicontrol.notice.feed.FeedNotices.referring;
import static org.epicontrol.notice.feed.FeedNotices.tail;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a publication writes to the change feed: which areas, which kind, which levels; and what writes nothing. */
@QuarkusTest
class AreaEventFeedTest {

    private static final String RISK = "query($a: String!, $d: Date) { riskLevel(address: $a, asOf: $d) { level { code } } }";

    @Test
    void aPublicationWritesOneEventPerDesignatedAreaInTheOrderOfItsList() {
        String mark = tail();
        String id = published(input(1, "2023-04-03",
                List.of(item("事件甲小区", "HIGH"), item("事件乙小区(1号楼、2号楼)", "LOW"))));

        List<Map<String, Object>> events = of(mark, id);
        assertEquals(3, events.size(), events::toString);
        assertEquals(D + "事件甲小区", events.get(0).get("fullName"));
        assertEquals(Set.of(D + "事件乙小区1号楼", D + "事件乙小区2号楼"),
                Set.of(events.get(1).get("fullName"), events.get(2).get("fullName")));
        long previous = Long.parseLong(mark == null ? "0" : mark);
        for (Map<String, Object> e : events) {
            long sequence = Long.parseLong((String) e.get("sequence"));
            assertTrue(sequence > previous, "sequences increase: " + events);
            previous = sequence;
            assertEquals("DESIGNATED", e.get("kind"));
            assertEquals(e.get("fullName").toString().contains("甲") ? "HIGH" : "LOW", e.get("level"));
            assertEquals(e.get("level"), e.get("levelInForce"));
            assertEquals("2023-04-03", e.get("effectiveDate"));
            assertEquals(1, e.get("noticeNumber"));
            assertEquals(D, e.get("district"));
            assertNotNull(e.get("occurredAt"));
            List<?> path = (List<?>) e.get("areaPath");
            assertEquals(e.get("areaId"), path.get(path.size() - 1), "the path ends with the area");
            Map<?, ?> area = (Map<?, ?>) e.get("area");
            assertEquals(e.get("areaId"), area.get("id"));
            assertEquals(path, area.get("pathIds"));
            assertLevelIsTheRiskLookUp(e);
        }
    }

    @Test
    void anExceptedAreaGetsNoEvent() {
        String mark = tail();
        String id = published(input(2, "2023-04-05", List.of(item("事件例外小区(2号楼除外)", "HIGH"))));

        List<Map<String, Object>> events = of(mark, id);
        assertEquals(List.of(D + "事件例外小区"), events.stream().map(e -> e.get("fullName")).toList());
    }

    @Test
    void draftsImportsAndRefusedPublicationsWriteNothingUntilPublished() {
        String mark = tail();
        String drafted = draft(input(3, "2023-04-07", List.of(item("事件草稿小区", "HIGH"))));
        String imported = Notices.importDraft(Notices.synthetic(4, 4, 7, D, "HIGH", "事件导入小区"), 2023)
                .getString("notice.id");
        // four eyes refuses the drafter as publisher: the transaction rolls back
        GraphQLClient chief = Staff.as("feed-chief", StaffRole.NOTICE_EDITOR, StaffRole.NOTICE_PUBLISHER);
        String own = chief.data(Notices.CREATE, Map.of("input",
                input(5, "2023-04-07", List.of(item("事件四眼小区", "HIGH"))))).getString("createNotice.id");
        chief.post(Notices.PUBLISH, Map.of("id", own)).body("errors[0].extensions.code", equalTo("FOUR_EYES"));

        Set<String> quiet = Set.of(drafted, imported, own);
        assertTrue(FeedNotices.after(mark, 500).stream().noneMatch(e -> quiet.contains(e.get("noticeId"))));

        publish(imported);
        assertEquals(1, of(mark, imported).size(), "published, the import's area is in the feed");
    }

    @Test
    void aCorrectionChangesTheLevelsItNamesAndEndsTheDesignationsItDrops() {
        String original = published(input(10, "2023-04-10",
                List.of(item("事件更正小区", "HIGH"), item("事件更正小区3号楼", "HIGH"))));
        String mark = tail();
        String correction = published(referring("UPDATE", original, 11, "2023-04-12",
                List.of(item("事件更正小区", "LOW"))));

        List<Map<String, Object>> events = of(mark, correction);
        assertEquals(2, events.size(), events::toString);
        Map<String, Object> compound = events.get(0);
        assertEquals(D + "事件更正小区", compound.get("fullName"));
        assertEquals("CORRECTED", compound.get("kind"));
        assertEquals("LOW", compound.get("level"));
        assertEquals("LOW", compound.get("levelInForce"));
        Map<String, Object> building = events.get(1);
        assertEquals(D + "事件更正小区3号楼", building.get("fullName"));
        assertEquals("CORRECTED", building.get("kind"));
        assertNull(building.get("level"), "the correction no longer names the building");
        assertEquals("LOW", building.get("levelInForce"), "the compound's new level covers it");
        events.forEach(AreaEventFeedTest::assertLevelIsTheRiskLookUp);
    }

    @Test
    void cancellingTheLaterOfTwoNoticesNamingACompoundGivesBackTheEarliersLevel() {
        String mark = tail();
        String first = published(input(20, "2023-05-01", List.of(item("事件合并小区", "HIGH"))));
        String second = published(input(21, "2023-05-03", List.of(item("事件合并小区", "LOW"))));
        assertEquals("HIGH", of(mark, first).get(0).get("levelInForce"));
        assertEquals("LOW", of(mark, second).get(0).get("levelInForce"));

        String cancel = published(referring("CANCEL", second, 22, "2023-05-05", List.of()));

        List<Map<String, Object>> events = of(mark, cancel);
        assertEquals(1, events.size(), events::toString);
        Map<String, Object> e = events.get(0);
        assertEquals("CANCELLED", e.get("kind"));
        assertEquals(D + "事件合并小区", e.get("fullName"));
        assertNull(e.get("level"));
        assertEquals("HIGH", e.get("levelInForce"), "notice 20 is in force again");
        assertEquals("2023-05-05", e.get("effectiveDate"));
        assertEquals(22, e.get("noticeNumber"));
        assertLevelIsTheRiskLookUp(e);
    }

    @Test
    void cancellingTheOnlyDesignationLeavesNoLevelInForce() {
        String original = published(input(30, "2023-05-10", List.of(item("事件撤销小区", "HIGH"))));
        String mark = tail();
        String cancel = published(referring("CANCEL", original, 31, "2023-05-11", List.of()));

        Map<String, Object> e = of(mark, cancel).get(0);
        assertEquals("CANCELLED", e.get("kind"));
        assertNull(e.get("level"));
        assertNull(e.get("levelInForce"));
    }

    @Test
    void aBuildingLoweredInsideAHighRiskCompoundHasItsOwnLevelInForce() {
        String mark = tail();
        published(input(40, "2023-06-01", List.of(item("事件楼栋小区", "HIGH"))));
        String lowered = published(input(41, "2023-06-02", List.of(item("事件楼栋小区5号楼", "LOW"))));
        String unit = published(input(42, "2023-06-03", List.of(item("事件楼栋小区6号楼1单元", "SEALED"))));

        Map<String, Object> building = of(mark, lowered).get(0);
        assertEquals("LOW", building.get("levelInForce"));
        Map<String, Object> sealed = of(mark, unit).get(0);
        assertEquals("SEALED", sealed.get("levelInForce"));
        assertEquals(4, ((List<?>) sealed.get("areaPath")).size(), "district, compound, building, unit");
        assertLevelIsTheRiskLookUp(building);
        assertLevelIsTheRiskLookUp(sealed);
    }

    @Test
    void theWrittenCounterCountsTheEventsOfEachPublication() {
        double before = written("DESIGNATED");
        published(input(50, "2023-06-10", List.of(item("事件计数小区(1号楼、2号楼)", "HIGH"))));
        assertEquals(before + 2, written("DESIGNATED"));
    }

    /** levelInForce is what riskLevel answers for the area at the event's effective date. */
    private static void assertLevelIsTheRiskLookUp(Map<String, Object> event) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("a", event.get("fullName"));
        vars.put("d", event.get("effectiveDate"));
        assertEquals(event.get("levelInForce"), GRAPHQL.data(RISK, vars).getString("riskLevel.level.code"),
                () -> "riskLevel of " + event);
    }

    private static double written(String kind) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        // the value, then maybe an exemplar ("# {span_id=...} ...")
        Matcher m = Pattern.compile("(?m)^notices_area_events_written_total\\{[^}]*kind=\"" + kind + "\"[^}]*} (\\S+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

}
