package org.epicontrol.roster.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumers built here, each test on a feed of its own (its own fake notice-service and its own feed_position row),
 * stopped, restarted, raced and failed: no event lost, none handled twice, none out of order.
 */
@QuarkusTest
@TestProfile(FeedOnProfile.class)
class FeedLoopTest {

    @Inject
    Vertx vertx;
    @Inject
    Pool pool;
    @Inject
    FeedPositions positions;
    @Inject
    FeedMetrics metrics;
    @Inject
    NoticeFeedConfig config;
    @Inject
    MeterRegistry registry;

    private final String name = "test/" + UUID.randomUUID();
    private final FakeNoticeFeed feed = FakeNoticeFeed.start();
    private final Recorder recorder = new Recorder();
    private final List<FeedLoop> loops = new ArrayList<>();
    private final List<NoticeFeedClient> clients = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (FeedLoop loop : loops) {
            loop.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        clients.forEach(NoticeFeedClient::close);
        feed.close();
    }

    @Test
    void eventsAreHandedOverInSequenceOrderAndThePositionFollowsEachOne() {
        feed.publish(10);

        FeedLoop loop = started(recorder);
        awaitHandled(feed.sequences());

        assertEquals(feed.sequences(), recorder.handled());
        assertEquals(last(feed.sequences()), stored());
        assertEquals("leading", loop.state().role());
    }

    @Test
    void moreEventsThanABatchArePagedThroughFromEachStoredPosition() {
        List<Long> published = feed.publish(30).stream().map(AreaEvent::sequence).toList();

        started(recorder);
        awaitHandled(published);

        assertEquals(published, recorder.handled());
        List<FakeNoticeFeed.Read> reads = feed.reads();
        // five pages of 7 (the profile's batch size), each read from the last event of the one before
        for (int page = 0; page * 7 < published.size(); page++) {
            String after = page == 0 ? null : Long.toString(published.get(page * 7 - 1));
            assertTrue(reads.contains(new FakeNoticeFeed.Read(after, config.batchSize())), "read after " + after + ": " + reads);
        }
    }

    @Test
    void aStoppedConsumerFinishesTheEventInHandAndANewOneResumesAfterIt() throws Exception {
        List<Long> published = feed.publish(12).stream().map(AreaEvent::sequence).toList();
        long held = published.get(4);
        CompletableFuture<Void> release = recorder.hold(held);

        FeedLoop first = started(recorder);
        recorder.started(held).get(30, TimeUnit.SECONDS);
        CompletionStage<Void> stopped = first.stop();
        assertFalse(stopped.toCompletableFuture().isDone(), "stop waits for the event in hand");
        release.complete(null);
        stopped.toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertEquals(published.subList(0, 5), recorder.handled(), "the event in hand finished, none after it started");
        assertEquals(held, stored());

        started(recorder);
        awaitHandled(published);
        assertEquals(published, recorder.handled(), "resumed after the stored position: nothing lost, nothing twice");
    }

    @Test
    void aFeedDownMidStreamIsWaitedForAndReadOnWhereItStopped() {
        feed.publish(9);
        FeedLoop loop = started(recorder);
        awaitHandled(feed.sequences());

        feed.down();
        feed.publish(9); // committed while the consumer cannot read them
        Eventually.until("the consumer retried the unreachable feed", () -> loop.state().failuresInARow() >= 2);
        assertEquals("reading the notice feed", loop.state().failing());
        feed.up();

        awaitHandled(feed.sequences());
        assertEquals(feed.sequences(), recorder.handled());
        assertEquals(last(feed.sequences()), stored());
    }

    @Test
    void aFailingHandlerGetsTheSameEventAgainAndNothingAfterItComesFirst() {
        List<Long> published = feed.publish(6).stream().map(AreaEvent::sequence).toList();
        long failing = published.get(2);
        recorder.failTimes(failing, 1);

        started(recorder);
        awaitHandled(published);

        List<Recorder.Attempt> expected = new ArrayList<>();
        published.forEach(s -> {
            if (s == failing) {
                expected.add(new Recorder.Attempt(s, false));
            }
            expected.add(new Recorder.Attempt(s, true));
        });
        assertEquals(expected, recorder.attempts());
        assertEquals(last(published), stored());
    }

    @Test
    void anEventThatKeepsFailingIsRetriedAndAlertedButNeverSkipped() {
        List<Long> published = feed.publish(3).stream().map(AreaEvent::sequence).toList();
        long failing = published.get(1);
        recorder.failTimes(failing, 7); // alert-after is 3 in the profile

        FeedLoop loop = started(recorder);
        Eventually.until("the event failed seven times", () -> recorder.attempts().stream()
                .filter(a -> a.sequence() == failing && !a.succeeded()).count() == 7);
        Eventually.until("the event handled at last", () -> recorder.handled().contains(failing));
        awaitHandled(published);

        assertEquals(published, recorder.handled());
        assertTrue(registry.counter("notice.feed.stuck", "feed", name).count() >= 1, "counted as stuck");
        assertTrue(registry.counter("notice.feed.events.failed", "feed", name, "handler", "Recorder").count() >= 7);
        assertEquals(0, loop.state().failuresInARow());
    }

    @Test
    void eventsTheFeedDeliversAgainAreNotHandedOverAgain() {
        feed.redeliver(3); // every page starts three events before the position asked for
        feed.publish(20);

        started(recorder);
        awaitHandled(feed.sequences());

        assertEquals(feed.sequences(), recorder.handled());
    }

    @Test
    void whileOneConsumerLeadsTheFeedAnotherStandsBy() throws Exception {
        List<Long> published = feed.publish(3).stream().map(AreaEvent::sequence).toList();
        CompletableFuture<Void> release = recorder.hold(published.get(0));
        FeedBatch leader = batch(recorder);
        FeedBatch other = batch(recorder);

        CompletableFuture<BatchResult> leading = leader.run(() -> false).subscribeAsCompletionStage();
        recorder.started(published.get(0)).get(30, TimeUnit.SECONDS);
        BatchResult standing = other.run(() -> false).await().atMost(Duration.ofSeconds(30));
        release.complete(null);

        assertEquals(BatchResult.Outcome.NOT_LEADING, standing.outcome());
        assertEquals(BatchResult.Outcome.CAUGHT_UP, leading.get(30, TimeUnit.SECONDS).outcome());
        assertEquals(published, recorder.handled());
    }

    @Test
    void twoConsumersRacingNeverHandleAnEventTwiceOrTwoAtOnce() {
        recorder.takes(Duration.ofMillis(3)); // widens the window in which a second consumer could slip in
        feed.publish(40);

        started(recorder);
        started(recorder);
        started(recorder);
        awaitHandled(feed.sequences());

        assertEquals(feed.sequences(), recorder.handled());
        assertEquals(1, recorder.mostAtOnce());
        assertEquals(last(feed.sequences()), stored());
    }

    private FeedLoop started(Recorder handler) {
        FeedLoop loop = new FeedLoop(vertx.getDelegate(), batch(handler), config, metrics);
        loops.add(loop);
        loop.start();
        return loop;
    }

    private FeedBatch batch(Recorder handler) {
        NoticeFeedClient client = new NoticeFeedClient(vertx, feed.url(), Duration.ofSeconds(5), Duration.ofSeconds(20));
        clients.add(client);
        return new FeedBatch(pool, positions, client, new AreaEventDispatch(vertx.getDelegate(), List.of(handler)),
                metrics, name, config.batchSize());
    }

    private void awaitHandled(List<Long> sequences) {
        // the position moves only once every handler has handled the event
        Eventually.until("events up to " + last(sequences) + " handled", () -> stored() >= last(sequences));
    }

    private long stored() {
        var rows = pool.preparedQuery("select last_sequence from feed_position where feed = $1")
                .execute(Tuple.of(name)).await().indefinitely();
        return rows.size() == 0 ? 0 : rows.iterator().next().getLong(0);
    }

    private static long last(List<Long> sequences) {
        return sequences.get(sequences.size() - 1);
    }
}
