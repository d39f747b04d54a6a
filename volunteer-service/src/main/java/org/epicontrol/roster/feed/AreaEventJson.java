package org.epicontrol.roster.feed;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a GraphQL answer to {@link NoticeFeedClient#QUERY} into an {@link AreaEventPage}; anything else is refused. */
final class AreaEventJson {

    private AreaEventJson() {
    }

    static AreaEventPage page(int status, String body) {
        JsonObject answer;
        try {
            answer = body == null ? null : new JsonObject(body);
        } catch (DecodeException e) {
            answer = null;
        }
        if (answer == null) {
            throw new FeedUnavailable("answered HTTP " + status + " without a GraphQL response");
        }
        JsonArray errors = answer.getJsonArray("errors");
        JsonObject data = answer.getJsonObject("data");
        JsonObject page = data == null ? null : data.getJsonObject("areaEvents");
        // Every field asked for is non-null in the contract: an error anywhere would leave a hole in the page.
        if (page == null || errors != null && !errors.isEmpty()) {
            throw new FeedUnavailable("answered HTTP " + status + " with "
                    + (errors == null ? "no areaEvents" : "errors " + errors.encode()));
        }
        try {
            List<AreaEvent> events = new ArrayList<>();
            for (Object event : page.getJsonArray("events")) {
                events.add(event((JsonObject) event));
            }
            return new AreaEventPage(events, page.getBoolean("hasMore"));
        } catch (RuntimeException e) {
            throw new FeedUnavailable("answered a page that breaks the areaEvents contract: " + e, e);
        }
    }

    private static AreaEvent event(JsonObject e) {
        List<String> path = new ArrayList<>();
        e.getJsonArray("areaPath").forEach(id -> path.add((String) id));
        return new AreaEvent(
                Long.parseLong(e.getString("sequence")),
                AreaEventKind.valueOf(e.getString("kind")),
                required(e, "areaId"),
                path,
                required(e, "district"),
                required(e, "fullName"),
                e.getString("level"),
                e.getString("levelInForce"),
                LocalDate.parse(e.getString("effectiveDate")),
                required(e, "noticeId"),
                e.getInteger("noticeNumber"),
                OffsetDateTime.parse(e.getString("occurredAt")));
    }

    private static String required(JsonObject e, String field) {
        String value = e.getString(field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is null");
        }
        return value;
    }
}
