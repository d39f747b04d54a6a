package org.epicontrol.notice.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;
import static org.epicontrol.notice.feed.FeedNotices.input;
import static org.epicontrol.notice.feed.FeedNotices.item;
import static org.epicontrol.notice.feed.FeedNotices.published;
import static org.epicontrol.notice.feed.FeedNotices.tail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the feed: pages by after/first, anonymously, and typed errors for arguments that are no position or size. */
@QuarkusTest
class AreaEventPagingTest {

    private static final String SEQUENCES = """
            query($after: ID, $first: Int) { areaEvents(after: $after, first: $first) {
              endCursor hasMore events { sequence } } }""";

    @Test
    void smallPagesReadTheSameEventsInTheSameOrderAsOneLargePage() {
        String mark = tail();
        published(input(60, "2023-07-10", List.of(item("事件分页小区(1号楼、2号楼、3号楼)", "HIGH"))));
        published(input(61, "2023-07-11", List.of(item("事件分页小区(4号楼、5号楼)", "LOW"))));

        List<Object> whole = FeedNotices.after(mark, 500).stream().map(e -> e.get("sequence")).toList();
        assertTrue(whole.size() >= 5, whole::toString);
        assertEquals(whole, FeedNotices.after(mark, 2).stream().map(e -> e.get("sequence")).toList());

        JsonPath first = page(mark, 2);
        assertEquals(whole.subList(0, 2), first.getList("events.sequence"));
        assertEquals(whole.get(1), first.getString("endCursor"), "the sequence of the last event returned");
        assertTrue(first.getBoolean("hasMore"));
        JsonPath next = page(first.getString("endCursor"), 2);
        assertEquals(whole.subList(2, 4), next.getList("events.sequence"));
    }

    @Test
    void pastTheEndThePageIsEmptyAndKeepsThePosition() {
        String end = tail();
        String beyond = String.valueOf(Long.parseLong(end == null ? "0" : end) + 1000);
        JsonPath page = page(beyond, 10);
        assertTrue(page.getList("events").isEmpty());
        assertEquals(beyond, page.getString("endCursor"));
        assertFalse(page.getBoolean("hasMore"));
    }

    @Test
    void withoutArgumentsTheFeedStartsAtTheBeginningWithAPageOfAHundred() {
        // the fixtures and other tests have written more than a hundred events by now, or not: either way at most 100
        published(input(62, "2023-07-12", List.of(item("事件默认小区", "HIGH"))));
        JsonPath page = GRAPHQL.data("{ areaEvents { endCursor hasMore events { sequence } } }")
                .setRootPath("data.areaEvents");
        List<String> sequences = page.getList("events.sequence");
        assertTrue(sequences.size() <= 100 && !sequences.isEmpty(), sequences::toString);
        assertEquals(page(null, 100).getList("events.sequence"), sequences);
    }

    @Test
    void anAnonymousCallerReadsTheFeedAndItsAreas() {
        String mark = tail();
        String id = published(input(63, "2023-07-13", List.of(item("事件公开小区", "HIGH"))));
        // FeedNotices reads with no token at all
        Map<String, Object> event = FeedNotices.of(mark, id).get(0);
        assertEquals(event.get("fullName"), ((Map<?, ?>) event.get("area")).get("fullName"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5", "99999999999999999999", ""})
    void anAfterThatIsNoFeedPositionIsATypedErrorAndReadsNothing(String after) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("after", after);
        GRAPHQL.post(SEQUENCES, vars)
                .body("data.areaEvents", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"))
                .body("errors[0].path[0]", equalTo("areaEvents"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 501})
    void aPageSizeOutsideOneToTheMaximumIsATypedError(int first) {
        GRAPHQL.post(SEQUENCES, Map.of("first", first))
                .body("data.areaEvents", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_PAGE_SIZE"));
    }

    @Test
    void theLargestPageIsAccepted() {
        assertTrue(page(null, 500).getList("events").size() <= 500);
    }

    private static JsonPath page(String after, int first) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("after", after);
        vars.put("first", first);
        return GRAPHQL.data(SEQUENCES, vars).setRootPath("data.areaEvents");
    }
}
