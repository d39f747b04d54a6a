package org.epicontrol.roster.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * notice-service's {@code areaEvents} as a small local HTTP server over a list of events the test controls:
 * published events, pages of {@code first} after {@code after}, taken down and brought back on the same port,
 * made to answer GraphQL errors or to deliver events again. It remembers every read.
 */
final class FakeNoticeFeed implements AutoCloseable {

    /** One read: {@code after} as sent (null for the start) and {@code first}. */
    record Read(String after, int first) {
    }

    private final List<AreaEvent> events = new CopyOnWriteArrayList<>();
    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;
    private volatile boolean answeringErrors;
    private volatile int redeliver;

    private FakeNoticeFeed(int port) {
        this.port = port;
    }

    static FakeNoticeFeed start() {
        FakeNoticeFeed feed = new FakeNoticeFeed(0);
        feed.up();
        return feed;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    /** Commits {@code count} more events, sequences increasing with gaps (as a real sequence may have). */
    synchronized List<AreaEvent> publish(int count) {
        List<AreaEvent> added = new ArrayList<>();
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
        for (int i = 0; i < count; i++) {
            last += 1 + (last % 3); // 1, 3, 7, 9, 11, 14 ...
            added.add(event(last));
        }
        events.addAll(added);
        return added;
    }

    static AreaEvent event(long sequence) {
        return new AreaEvent(sequence, AreaEventKind.DESIGNATED, "area-" + sequence, List.of("city", "area-" + sequence),
                "小店区", "太原市小店区书林苑小区" + sequence + "号楼", "HIGH", "HIGH", LocalDate.of(2022, 11, 29),
                "notice-195", 195, OffsetDateTime.now(ZoneOffset.ofHours(8)));
    }

    List<Long> sequences() {
        return events.stream().map(AreaEvent::sequence).toList();
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    /** Answers with GraphQL errors (as notice-service does while its schema lacks the field, or fails). */
    void answerErrors(boolean errors) {
        answeringErrors = errors;
    }

    /** Each page starts this many events before {@code after}: delivered again. */
    void redeliver(int count) {
        redeliver = count;
    }

    synchronized void down() {
        server.stop(0);
    }

    synchronized void up() {
        try {
            int on = server == null ? port : server.getAddress().getPort();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", this::answer);
        server.start();
    }

    @Override
    public void close() {
        down();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            answerPage(exchange);
        } catch (RuntimeException e) {
            // a mistake here must not look like a feed that does not answer
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
            throw e;
        }
    }

    private void answerPage(HttpExchange exchange) throws IOException {
        JsonObject request = new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        JsonObject variables = request.getJsonObject("variables", new JsonObject());
        String after = variables.getString("after");
        int first = variables.getInteger("first", 100);
        reads.add(new Read(after, first));
        JsonObject answer = answeringErrors
                ? new JsonObject().putNull("data").put("errors", new JsonArray().add(new JsonObject()
                        .put("message", "Validation error: Field 'areaEvents' in type 'Query' is undefined")))
                : new JsonObject().put("data", new JsonObject().put("areaEvents", page(after, first)));
        byte[] body = answer.encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private JsonObject page(String after, int first) {
        long from = after == null ? 0 : Long.parseLong(after);
        List<AreaEvent> all = List.copyOf(events);
        int start = 0;
        while (start < all.size() && all.get(start).sequence() <= from) {
            start++;
        }
        start = Math.max(0, start - redeliver);
        int end = Math.min(all.size(), start + first);
        JsonArray page = new JsonArray();
        all.subList(start, end).forEach(e -> page.add(json(e)));
        return new JsonObject()
                .put("events", page)
                .put("endCursor", end > start ? Long.toString(all.get(end - 1).sequence()) : after)
                .put("hasMore", end < all.size());
    }

    static JsonObject json(AreaEvent e) {
        return new JsonObject()
                .put("sequence", Long.toString(e.sequence()))
                .put("kind", e.kind().name())
                .put("areaId", e.areaId())
                .put("areaPath", new JsonArray(e.areaPath()))
                .put("district", e.district())
                .put("fullName", e.fullName())
                .put("level", e.level())
                .put("levelInForce", e.levelInForce())
                .put("effectiveDate", e.effectiveDate().toString())
                .put("noticeId", e.noticeId())
                .put("noticeNumber", e.noticeNumber())
                .put("occurredAt", e.occurredAt().toString());
    }
}
