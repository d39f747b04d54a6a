package org.epicontrol.roster.response;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.roster.feed.AreaEvent;
import org.epicontrol.roster.feed.AreaEventKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trigger called with area events as the feed consumer calls it; the results read through the API. */
@QuarkusTest
class ResponseTriggerTest {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final String RESPONSES = """
            query($c: ID!) { community(id: $c) { responses { id state testingRound testingRoundCount level areaId
              closeReason
              posts { id kind requiredHeadcount aroundTheClock activeFrom activeUntil closedReason }
              testingRounds { id round rounds date status }
              tasks { kind status cancelReason dueAt }
              notices { noticeNumber kind levelInForce } } } }""";

    @Inject
    ResponseTrigger trigger;
    @Inject
    RecordingListener listener;
    @Inject
    Pool pool;
    @Inject
    MeterRegistry metrics;

    static LocalDate tomorrow() {
        return LocalDate.now(CITY).plusDays(1);
    }

    void handle(AreaEvent event) {
        trigger.handle(event).await().indefinitely();
    }

    static List<Map<String, Object>> responses(String community) {
        return GRAPHQL.data(RESPONSES, Map.of("c", community)).getList("community.responses");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> response, String field) {
        return (List<Map<String, Object>>) response.get(field);
    }

    /** Shifts of a post: [not cancelled, cancelled with this reason]. */
    List<Long> shiftCounts(String postId, String reason) {
        Row row = pool.preparedQuery("select count(*) filter (where not cancelled) as live,"
                        + " count(*) filter (where cancelled and cancel_reason = $2) as cancelled from shift where post_id = $1")
                .execute(Tuple.of(Long.parseLong(postId), reason)).await().indefinitely().iterator().next();
        return List.of(row.getLong("live"), row.getLong("cancelled"));
    }

    @Test
    void aHighDesignationOpensTheResponseOfTheCommunityWithThePlannedWork() {
        Scene scene = new Scene();
        LocalDate effective = tomorrow();
        handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", effective, 195));

        List<Map<String, Object>> found = responses(scene.community);
        assertEquals(1, found.size(), found::toString);
        Map<String, Object> response = found.get(0);
        assertEquals("HIGH", response.get("level"));
        assertEquals(scene.compound, response.get("areaId"));
        assertEquals("OPENED", response.get("state"));
        // the default plan: one 24 h checkpoint, headcount 2, from the effective date at 08:00
        List<Map<String, Object>> posts = list(response, "posts");
        assertEquals(1, posts.size());
        assertEquals("CHECKPOINT", posts.get(0).get("kind"));
        assertEquals(2, posts.get(0).get("requiredHeadcount"));
        assertEquals(true, posts.get(0).get("aroundTheClock"));
        assertEquals(effective.atTime(8, 0).atZone(CITY).toInstant(),
                OffsetDateTime.parse((String) posts.get(0).get("activeFrom")).toInstant());
        assertNull(posts.get(0).get("activeUntil"));
        // 2 × 12 h a day over the 7-day horizon
        assertEquals(List.of(14L, 0L), shiftCounts((String) posts.get(0).get("id"), ""));
        // three rounds on the first three days
        List<Map<String, Object>> rounds = list(response, "testingRounds");
        assertEquals(List.of(1, 2, 3), rounds.stream().map(r -> r.get("round")).toList());
        assertEquals(List.of(effective.toString(), effective.plusDays(1).toString(), effective.plusDays(2).toString()),
                rounds.stream().map(r -> r.get("date")).toList());
        assertEquals(3, response.get("testingRoundCount"));
        // door-to-door once, supply delivery once a day of the horizon
        List<Map<String, Object>> tasks = list(response, "tasks");
        assertEquals(1, tasks.stream().filter(t -> t.get("kind").equals("DOOR_TO_DOOR_TESTING")).count());
        assertEquals(7, tasks.stream().filter(t -> t.get("kind").equals("SUPPLY_DELIVERY")).count());
        assertTrue(tasks.stream().allMatch(t -> t.get("status").equals("OPEN")));
        assertEquals(List.of(195), list(response, "notices").stream().map(n -> n.get("noticeNumber")).toList());
        String id = (String) response.get("id");
        assertEquals(1, listener.count("opened", id));
        ResponseNotice told = listener.noticesOf(id).get(0);
        assertEquals(Long.parseLong(scene.community), told.communityId());
        assertEquals(Long.parseLong(scene.grid), told.gridId());
        assertEquals("HIGH", told.level());
        assertEquals(195, told.noticeNumber());
    }

    @Test
    void theSameEventHandledTwiceChangesNothing() {
        Scene scene = new Scene();
        AreaEvent event = scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195);
        handle(event);
        List<Map<String, Object>> once = responses(scene.community);
        handle(event);
        List<Map<String, Object>> twice = responses(scene.community);
        assertEquals(once, twice);
        String post = (String) list(twice.get(0), "posts").get(0).get("id");
        assertEquals(List.of(14L, 0L), shiftCounts(post, ""));
        assertEquals(1, listener.count("opened", (String) twice.get(0).get("id")));
    }

    @Test
    void aCrashAfterTheResponseWasRecordedIsCompletedByTheRedeliveredEvent() {
        Scene scene = new Scene();
        AreaEvent event = scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195);
        handle(event);
        String id = (String) responses(scene.community).get(0).get("id");
        long response = Long.parseLong(id);
        // as if the handler died right after recording the response: no shifts, rounds, tasks, nobody told
        pool.withTransaction(tx -> tx.preparedQuery("delete from shift where post_id in"
                                + " (select id from duty_post where response_id = $1)").execute(Tuple.of(response))
                        .chain(() -> tx.preparedQuery("delete from testing_round where response_id = $1").execute(Tuple.of(response)))
                        .chain(() -> tx.preparedQuery("delete from task where response_id = $1 and kind = 'SUPPLY_DELIVERY'")
                                .execute(Tuple.of(response)))
                        .chain(() -> tx.preparedQuery("update response set open_told = false where id = $1").execute(Tuple.of(response))))
                .await().indefinitely();

        handle(event);

        Map<String, Object> completed = responses(scene.community).get(0);
        assertEquals(1, list(completed, "posts").size());
        assertEquals(List.of(14L, 0L), shiftCounts((String) list(completed, "posts").get(0).get("id"), ""));
        assertEquals(3, list(completed, "testingRounds").size());
        assertEquals(8, list(completed, "tasks").size());
        // told again: the first telling was not recorded (listeners are idempotent per response and change)
        assertEquals(2, listener.count("opened", id));
    }

    @Test
    void twoNoticesNamingTheSameCompoundShareOneResponse() {
        Scene scene = new Scene();
        handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195));
        handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow().plusDays(1), 196));
        List<Map<String, Object>> found = responses(scene.community);
        assertEquals(1, found.size());
        assertEquals(List.of(195, 196), list(found.get(0), "notices").stream().map(n -> n.get("noticeNumber")).toList());
        assertEquals(1, list(found.get(0), "posts").size());
        assertEquals(1, listener.count("opened", (String) found.get(0).get("id")));
    }

    @Test
    void aCorrectionToLowClosesTheResponseAndCancelsItsFutureWork() {
        Scene scene = new Scene();
        handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195));
        Map<String, Object> open = responses(scene.community).get(0);
        String post = (String) list(open, "posts").get(0).get("id");
        // a shift already worked stays as it was
        OffsetDateTime past = OffsetDateTime.now().minusDays(2);
        GRAPHQL.data("mutation($p: ID!, $s: DateTime!, $e: DateTime!) { createShift(postId: $p, startsAt: $s, endsAt: $e) { id } }",
                Map.of("p", post, "s", past.toString(), "e", past.plusHours(12).toString()));

        handle(scene.compound(AreaEventKind.CORRECTED, "LOW", "LOW", tomorrow(), 195));

        Map<String, Object> closed = responses(scene.community).get(0);
        assertEquals("LIFTED", closed.get("state"));
        String reason = (String) closed.get("closeReason");
        assertTrue(reason.contains("195") && reason.contains("LOW"), reason);
        Map<String, Object> closedPost = list(closed, "posts").get(0);
        assertNotNull(closedPost.get("activeUntil"));
        assertEquals(reason, closedPost.get("closedReason"));
        assertEquals(List.of(1L, 14L), shiftCounts(post, reason));
        assertTrue(list(closed, "tasks").stream().allMatch(t -> t.get("status").equals("CANCELLED")
                && reason.equals(t.get("cancelReason"))));
        assertTrue(list(closed, "testingRounds").stream().allMatch(r -> r.get("status").equals("CANCELLED")));
        assertEquals(1, listener.count("closed", (String) closed.get("id")));
        // handled again: nothing more
        handle(scene.compound(AreaEventKind.CORRECTED, "LOW", "LOW", tomorrow(), 196));
        assertEquals(1, listener.count("closed", (String) closed.get("id")));
    }

    @Test
    void aCancellationClosesTheResponseUnlessAnotherNoticeStillHoldsTheAreaHigh() {
        Scene held = new Scene();
        handle(held.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195));
        handle(held.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 196));
        // notice 195 cancelled, 196 still designates the compound: still HIGH
        handle(held.compound(AreaEventKind.CANCELLED, null, "HIGH", tomorrow(), 195));
        Map<String, Object> stillOpen = responses(held.community).get(0);
        assertEquals("OPENED", stillOpen.get("state"));
        assertEquals(3, list(stillOpen, "notices").size());

        Scene lifted = new Scene();
        handle(lifted.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195));
        handle(lifted.compound(AreaEventKind.CANCELLED, null, null, tomorrow(), 195));
        Map<String, Object> closed = responses(lifted.community).get(0);
        assertEquals("LIFTED", closed.get("state"));
        assertTrue(((String) closed.get("closeReason")).contains("撤销"));
    }

    @Test
    void aCorrectionBetweenPlannedLevelsIsFollowedByTheSameResponse() {
        Scene scene = new Scene();
        handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195));
        handle(scene.compound(AreaEventKind.CORRECTED, "SEALED", "SEALED", tomorrow(), 195));
        List<Map<String, Object>> found = responses(scene.community);
        assertEquals(1, found.size());
        assertEquals("SEALED", found.get(0).get("level"));
        // both plans have the checkpoint item: the post stays
        assertEquals(1, list(found.get(0), "posts").size());
        assertNull(list(found.get(0), "posts").get(0).get("activeUntil"));
    }

    @Test
    void aBuildingInsideARespondedCompoundGetsNoResponseOfItsOwnAndItsDowngradeKeepsTheCompounds() {
        Scene scene = new Scene();
        handle(scene.compound(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 195));
        handle(scene.building(AreaEventKind.DESIGNATED, "HIGH", "HIGH", tomorrow(), 197));
        handle(scene.building(AreaEventKind.DESIGNATED, "LOW", "LOW", tomorrow().plusDays(1), 198));
        List<Map<String, Object>> found = responses(scene.community);
        assertEquals(1, found.size(), found::toString);
        assertEquals("OPENED", found.get(0).get("state"));
        assertEquals(scene.compound, found.get(0).get("areaId"));
        // the building's HIGH notice is noted on the compound's response
        assertEquals(List.of(195, 197), list(found.get(0), "notices").stream().map(n -> n.get("noticeNumber")).toList());
        String building = GRAPHQL.data("query($r: [_Any!]!) { _entities(representations: $r) { ... on Area { response { id } } } }",
                Map.of("r", List.of(Map.of("__typename", "Area", "id", scene.building)))).getString("_entities[0].response.id");
        assertEquals(found.get(0).get("id"), building);
    }

    @Test
    void anAreaNoUnitAnswersForGetsNoResponseAndIsCounted() {
        double before = unassigned();
        Scene scene = new Scene();
        List<String> elsewhere = List.of(scene.district, "nowhere" + scene.compound);
        handle(Scene.event(AreaEventKind.DESIGNATED, elsewhere, "HIGH", "HIGH", tomorrow(), 195));
        assertEquals(List.of(), responses(scene.community));
        assertEquals(before + 1, unassigned());
    }

    @Test
    void aLevelWithoutAPlanOpensNothing() {
        Scene scene = new Scene();
        handle(scene.compound(AreaEventKind.DESIGNATED, "LOW", "LOW", tomorrow(), 195));
        handle(scene.compound(AreaEventKind.DESIGNATED, "PRECAUTION", "PRECAUTION", tomorrow(), 196));
        assertEquals(List.of(), responses(scene.community));
    }

    @Test
    void whatOpensIsThePlanInForceForTheLevel() {
        StringBuilder level = new StringBuilder("TEST_");
        for (char c : org.epicontrol.roster.RosterFixtures.unique("").toCharArray()) {
            level.append(Character.isDigit(c) ? (char) ('A' + c - '0') : '_');
        }
        GRAPHQL.data("mutation($in: ResponsePlanInput!) { setResponsePlan(input: $in) { id } }", Map.of("in", Map.of(
                "level", level.toString(), "validFrom", "2026-01-01", "testingRounds", 2, "roundIntervalDays", 2,
                "posts", List.of(Map.of("key", "patrol", "kind", "PATROL", "nameTemplate", "{area}巡逻",
                        "shiftHours", 8, "headcount", 1, "aroundTheClock", false)))));
        Scene scene = new Scene();
        LocalDate effective = tomorrow();
        handle(scene.compound(AreaEventKind.DESIGNATED, level.toString(), level.toString(), effective, 195));

        Map<String, Object> response = responses(scene.community).get(0);
        Map<String, Object> post = list(response, "posts").get(0);
        assertEquals("PATROL", post.get("kind"));
        assertEquals(false, post.get("aroundTheClock"));
        assertEquals(List.of(21L, 0L), shiftCounts((String) post.get("id"), ""));
        assertEquals(List.of(effective.toString(), effective.plusDays(2).toString()),
                list(response, "testingRounds").stream().map(r -> r.get("date")).toList());
        assertEquals(List.of(), list(response, "tasks"));
    }

    private double unassigned() {
        var counter = metrics.find("responses.unassigned.areas").counter();
        return counter == null ? 0 : counter.count();
    }
}
