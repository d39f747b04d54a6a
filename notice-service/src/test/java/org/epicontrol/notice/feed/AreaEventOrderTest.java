package org.epicontrol.notice.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.epicontrol.notice.feed.FeedNotices.draft;
import static org.epicontrol.notice.feed.FeedNotices.input;
import static org.epicontrol.notice.feed.FeedNotices.item;
import static org.epicontrol.notice.feed.FeedNotices.publish;
import static org.epicontrol.notice.feed.FeedNotices.tail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Sequence order is commit order: a consumer that has read up to a sequence must never later find a smaller one
 * committed, or it would skip that event for good.
 */
@QuarkusTest
class AreaEventOrderTest {

    /** A test-only advisory lock key: held by the test, it keeps one publication open after it wrote its events. */
    private static final int HOLD = 4201;
    private static final int HELD_NUMBER = 80;

    /**
     * Stops the publication of notice {@link #HELD_NUMBER} of this test's issuer right after it inserted its events
     * (sequences drawn, not committed) until the test releases {@link #HOLD}: the moment another publication could
     * commit a later sequence first.
     */
    private static final String HOLD_FUNCTION = """
            create or replace function feed_test_hold() returns trigger language plpgsql as $$
            begin
              if exists (select 1 from added e join notice n on n.id = e.notice_id
                         where n.issuer = 'ISSUER' and n.number = NUMBER) then
                perform pg_advisory_xact_lock(HOLD);
              end if;
              return null;
            end $$""".replace("ISSUER", FeedNotices.ISSUER).replace("NUMBER", String.valueOf(HELD_NUMBER))
            .replace("HOLD", String.valueOf(HOLD));
    private static final String HOLD_TRIGGER = "create trigger feed_test_hold after insert on area_event"
            + " referencing new table as added for each statement execute function feed_test_hold()";
    private static final String WAITING = "select count(*) as n from pg_locks where locktype = 'advisory' and not granted";

    @Inject
    Pool db;

    @AfterEach
    void dropHold() {
        db.query("drop trigger if exists feed_test_hold on area_event").execute()
                .chain(() -> db.query("drop function if exists feed_test_hold()").execute())
                .await().indefinitely();
    }

    @Test
    void aPublicationCommittingWhileAnEarlierOneIsOpenNeverLetsAConsumerSkipTheEarlier() throws Exception {
        // The district is public before: its row, updated by the first publication that names it, is no lock shared.
        FeedNotices.published(input(HELD_NUMBER + 2, "2023-08-01", List.of(item("事件预热小区", "LOW"))));
        String held = draft(input(HELD_NUMBER, "2023-08-01", List.of(item("事件先写小区(1号楼、2号楼)", "HIGH"))));
        String later = draft(input(HELD_NUMBER + 1, "2023-08-01", List.of(item("事件后写小区(1号楼、2号楼)", "LOW"))));
        db.query(HOLD_FUNCTION).execute().chain(() -> db.query(HOLD_TRIGGER).execute()).await().indefinitely();
        String mark = tail();

        SqlConnection holder = db.getConnection().await().indefinitely();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            holder.query("select pg_advisory_lock(" + HOLD + ")").execute().await().indefinitely();
            Future<?> first = pool.submit(() -> publish(held));
            awaitCondition(() -> waiting() >= 1, "the first publication waits, its events written");
            Future<?> second = pool.submit(() -> publish(later));
            // Either it waits for the first to commit (the writers' lock), or it commits now with later sequences.
            awaitCondition(() -> second.isDone() || waiting() >= 2, "the second publication waits or commits");

            // A consumer polls now, and carries on from where this left it.
            JsonPath now = FeedNotices.page(mark, 500);
            List<Map<String, Object>> seen = new ArrayList<>(now.getList("events"));

            holder.query("select pg_advisory_unlock(" + HOLD + ")").execute().await().indefinitely();
            first.get(2, TimeUnit.MINUTES);
            second.get(2, TimeUnit.MINUTES);
            seen.addAll(FeedNotices.after(now.getString("endCursor"), 500));

            List<Object> heldSeen = seen.stream().filter(e -> held.equals(e.get("noticeId"))).map(e -> e.get("sequence")).toList();
            assertEquals(2, heldSeen.size(), () -> "the consumer saw both events of the first publication: " + seen);
            assertEquals(2, seen.stream().filter(e -> later.equals(e.get("noticeId"))).count(), seen::toString);
            // committed first, so numbered first
            assertEquals(List.of(held, held, later, later), seen.stream().map(e -> e.get("noticeId")).toList());
        } finally {
            holder.query("select pg_advisory_unlock_all()").execute().await().indefinitely();
            holder.closeAndAwait();
            pool.shutdownNow();
        }
    }

    @Test
    void racingPublicationsReachAPollingConsumerEachAsOneRunInCommitOrder() throws Exception {
        int publications = 6;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < publications; i++) {
            ids.add(draft(input(90 + i, "2023-08-02",
                    List.of(item("事件并发" + "甲乙丙丁戊己".charAt(i) + "小区(1号楼、2号楼、3号楼、4号楼)", "HIGH")))));
        }
        String mark = tail();
        AtomicBoolean publishing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(publications + 1);
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
            List<CompletableFuture<Void>> running = ids.stream()
                    .map(id -> CompletableFuture.runAsync(() -> publish(id), pool)).toList();
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            publishing.set(false);

            Set<String> mine = Set.copyOf(ids);
            List<Map<String, Object>> committed = FeedNotices.after(mark, 500).stream()
                    .filter(e -> mine.contains(e.get("noticeId"))).toList();
            assertEquals(publications * 4, committed.size());
            List<Map<String, Object>> polled = consumer.get(2, TimeUnit.MINUTES).stream()
                    .filter(e -> mine.contains(e.get("noticeId"))).toList();
            assertEquals(sequences(committed), sequences(polled), "the polling consumer saw every committed event");

            List<Object> runs = new ArrayList<>();
            for (Map<String, Object> e : committed) {
                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(e.get("noticeId"))) {
                    runs.add(e.get("noticeId"));
                }
            }
            assertEquals(publications, runs.size(), () -> "one run per publication: " + runs);
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

    private long waiting() {
        return db.query(WAITING).execute().await().indefinitely().iterator().next().getLong("n");
    }

    /** Waits for a state of the database, not for a time; gives up (failing) only if it never comes. */
    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                fail("never reached: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<Long> sequences(List<Map<String, Object>> events) {
        return events.stream().map(e -> Long.parseLong((String) e.get("sequence"))).toList();
    }
}
