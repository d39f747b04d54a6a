package org.epicontrol.notice.feed;

import io.restassured.path.json.JsonPath;
import org.epicontrol.notice.Notices;
import org.epicontrol.notice.Staff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.notice.Notices.GRAPHQL;

/**
 * The feed tests' notices (form drafts of their own issuer in {@link Notices#TEST_DISTRICT}, dated 2023, so no other
 * test's map changes) and reading the feed as a consumer does: from a position, page after page.
 */
final class FeedNotices {

    static final String ISSUER = "事件测试指挥部";
    static final String D = Notices.TEST_DISTRICT;

    static final String EVENTS = """
            query($after: ID, $first: Int) { areaEvents(after: $after, first: $first) {
              endCursor hasMore
              events { sequence kind areaId areaPath district fullName level levelInForce effectiveDate
                       noticeId noticeNumber occurredAt area { id fullName pathIds } } } }""";

    private FeedNotices() {
    }

    /** One designation of the form: an area of {@link #D} as it would be printed, and its level (null: none). */
    static Map<String, Object> item(String area, String level) {
        Map<String, Object> d = new HashMap<>();
        d.put("district", D);
        d.put("area", area);
        d.put("level", level);
        return d;
    }

    static Map<String, Object> input(int number, String date, List<Map<String, Object>> items) {
        Map<String, Object> in = new HashMap<>();
        in.put("issuer", ISSUER);
        in.put("year", Integer.parseInt(date.substring(0, 4)));
        in.put("number", number);
        in.put("issueDate", date);
        in.put("designations", items);
        return in;
    }

    /** A correction (UPDATE) or cancellation (CANCEL) of an earlier notice. */
    static Map<String, Object> referring(String type, String references, int number, String date,
                                         List<Map<String, Object>> items) {
        Map<String, Object> in = input(number, date, items);
        in.put("messageType", type);
        in.put("references", references);
        return in;
    }

    /** Drafted by the test editor; returns its id. */
    static String draft(Map<String, Object> input) {
        return Staff.editor().data(Notices.CREATE, Map.of("input", input)).getString("createNotice.id");
    }

    static void publish(String id) {
        Staff.publisher().data(Notices.PUBLISH, Map.of("id", id));
    }

    static String published(Map<String, Object> input) {
        String id = draft(input);
        publish(id);
        return id;
    }

    /** The feed's current end: events written from now on come after it. */
    static String tail() {
        String after = null;
        while (true) {
            JsonPath page = page(after, 500);
            after = page.getString("endCursor");
            if (!page.getBoolean("hasMore")) {
                return after;
            }
        }
    }

    static JsonPath page(String after, Integer first) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("after", after);
        vars.put("first", first);
        return GRAPHQL.data(EVENTS, vars).setRootPath("data.areaEvents");
    }

    /** Every event after the position, read page by page as a consumer does. */
    static List<Map<String, Object>> after(String after, int first) {
        List<Map<String, Object>> events = new ArrayList<>();
        while (true) {
            JsonPath page = page(after, first);
            events.addAll(page.getList("events"));
            after = page.getString("endCursor");
            if (!page.getBoolean("hasMore")) {
                return events;
            }
        }
    }

    /** The events after the position that a notice's publication wrote, in feed order. */
    static List<Map<String, Object>> of(String after, String noticeId) {
        return after(after, 500).stream().filter(e -> noticeId.equals(e.get("noticeId"))).toList();
    }
}
