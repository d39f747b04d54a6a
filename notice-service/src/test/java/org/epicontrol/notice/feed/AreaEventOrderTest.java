package org.epicontrol.notice.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.epicontrol.notice.feed.FeedNotices.draft;
import static org.epicontrol.notice.feed.FeedNotices.input;
import static org.epicontrol.notice.feed.FeedNotices.item;
import static org.epicontrol.notice.feed.FeedNotices.publish;
import static org.epicontrol.notice.feed.FeedNotices.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sequence order is commit order: publications racing each other while a consumer polls. A reader that has seen a
 * sequence must never later find a smaller one committed, or it would skip that event for good.
 */
@QuarkusTest
class AreaEventOrderTest {

    private static final int PUBLICATIONS = 8;
    private static final int BUILDINGS = 12;

    @Test
    void racingPublicationsAreReadByAPollingConsumerWithoutASkippedEvent() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PUBLICATIONS; i++) {
            StringBuilder buildings = new StringBuilder();
            for (int b = 1; b <= BUILDINGS; b++) {
                buildings.append(b == 1 ? "" : "、").append(b).append("号楼");
            }
            ids.add(draft(input(70 + i, "2023-08-01",
                    List.of(item("事件并发" + "甲乙丙丁戊己庚辛".charAt(i) + "小区(" + buildings + ")", "HIGH")))));
        }
        String mark = tail();

        AtomicBoolean publishing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(PUBLICATIONS + 1);
        try {
            // the consumer: small pages, again and again, always from where it stopped
            Future<List<Map<String, Object>>> consumer = pool.submit(() -> {
                List<Map<String, Object>> seen = new ArrayList<>();
                String after = mark;
                boolean last = false;
                while (!last) {
                    last = !publishing.get();
                    JsonPath page = FeedNotices.page(after, 3);
                    seen.addAll(page.getList("events"));
                    after = page.getString("endCursor");
                    last = last && !page.getBoolean("hasMore");
                }
                return seen;
            });
            List<Future<?>> publications = new ArrayList<>();
            for (String id : ids) {
                publications.add(pool.submit(() -> publish(id)));
            }
            for (Future<?> publication : publications) {
                publication.get(2, TimeUnit.MINUTES);
            }
            publishing.set(false);

            Set<String> mine = Set.copyOf(ids);
            List<Map<String, Object>> committed = FeedNotices.after(mark, 500).stream()
                    .filter(e -> mine.contains(e.get("noticeId"))).toList();
            assertEquals(PUBLICATIONS * BUILDINGS, committed.size());
            List<Map<String, Object>> polled = consumer.get(2, TimeUnit.MINUTES).stream()
                    .filter(e -> mine.contains(e.get("noticeId"))).toList();
            assertEquals(sequences(committed), sequences(polled), "the polling consumer saw every committed event");

            // one publication's events are one run of sequences, never interleaved with another's
            List<Object> runs = new ArrayList<>();
            for (Map<String, Object> e : committed) {
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(e.get("noticeId"))) {
                    runs.add(e.get("noticeId"));
                }
            }
            assertEquals(PUBLICATIONS, runs.size(), runs::toString);
            // and the feed's order is the order of the commits' clocks
            OffsetDateTime previous = null;
            for (Map<String, Object> e : committed) {
                OffsetDateTime at = OffsetDateTime.parse((String) e.get("occurredAt"));
                assertFalse(previous != null && at.isBefore(previous), committed::toString);
                previous = at;
            }
        } finally {
            publishing.set(false);
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        }
    }

    private static List<Long> sequences(List<Map<String, Object>> events) {
        return events.stream().map(e -> Long.parseLong((String) e.get("sequence"))).toList();
    }
}
