package org.epicontrol.devsuite;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits until volunteer-service has handled every area event notice-service's feed holds now: the feed's last
 * sequence ({@code areaEvents}, public) against the position volunteer-service reports having stored
 * ({@code notice_feed_position} at {@code /q/metrics}). The demo's responses are opened by the feed consumer, as in
 * production, so the suite is not ready for people (or tests) before it has caught up.
 */
final class FeedCatchUp {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern POSITION = Pattern.compile("^notice_feed_position\\{[^}]*}\\s+(\\S+)$",
            Pattern.MULTILINE);
    private static final String PAGE = "query($after: ID) { areaEvents(after: $after, first: 500) { endCursor hasMore } }";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FeedCatchUp() {
    }

    static void await(GraphQLHttp notices, String volunteerGraphql) throws InterruptedException {
        long last = lastSequence(notices);
        URI metrics = URI.create(volunteerGraphql).resolve("/q/metrics");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long handled = -1;
        while (System.nanoTime() < deadline) {
            handled = handledSequence(metrics);
            if (handled >= last) {
                System.out.println("volunteer-service has handled notice-service's area-event feed up to sequence "
                        + last + " (the demo's responses are open)");
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("volunteer-service handled notice-service's area-event feed up to sequence "
                + handled + " of " + last + " within " + TIMEOUT.toSeconds() + " s; see its log");
    }

    /** The sequence of the feed's last event, 0 when it has none. */
    private static long lastSequence(GraphQLHttp notices) {
        String after = null;
        boolean more;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonNode page = notices.run(PAGE, variables).get("areaEvents");
            after = page.path("endCursor").isNull() ? after : page.get("endCursor").asText();
            more = page.get("hasMore").asBoolean();
        } while (more);
        return after == null ? 0 : Long.parseLong(after);
    }

    /** The position volunteer-service reports, -1 while it reports none (not started reading, or unreachable). */
    private static long handledSequence(URI metrics) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher position = POSITION.matcher(response.body());
            return response.statusCode() == 200 && position.find() ? (long) Double.parseDouble(position.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
