package org.epicontrol.roster.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's own consumer (on under {@link FeedOnProfile}) against the fake feed of the profile. */
@QuarkusTest
@TestProfile(FeedOnProfile.class)
class NoticeFeedConsumerTest {

    @Inject
    RecordingHandler recording;
    @Inject
    Pool pool;
    @Inject
    NoticeFeedConfig config;

    private final FakeNoticeFeed feed = FakeNoticeFeedResource.feed;

    @Test
    void everyPublishedEventReachesTheHandlerBeansInSequenceOrderAndThePositionIsStored() {
        feed.publish(20); // three pages of 7

        Eventually.until("every event handled", () -> recording.recorder().handled().size() == feed.sequences().size());

        assertEquals(feed.sequences(), recording.recorder().handled());
        assertEquals(feed.sequences().get(feed.sequences().size() - 1), storedPosition());
        assertTrue(recording.recorder().mostAtOnce() <= 1, "one event at a time");
    }

    @Test
    void handlersRunOnASafeDuplicatedContextAsHibernateReactivePanacheRequires() {
        feed.publish(2);

        Eventually.until("every event handled", () -> recording.recorder().handled().size() == feed.sequences().size());

        assertTrue(recording.recorder().allOnSafeContexts());
    }

    @Test
    void theLagHistogramThePositionAndTheCountsAreMetrics() {
        feed.publish(3);
        Eventually.until("every event handled", () -> recording.recorder().handled().size() == feed.sequences().size());
        long last = feed.sequences().get(feed.sequences().size() - 1);

        String tag = "feed=\"" + config.name() + "\"";
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("notice_feed_lag_seconds_count{" + tag))
                .body(containsString("notice_feed_lag_seconds{" + tag + ",quantile=\"0.99\"}"))
                .body(containsString("notice_feed_lag_seconds_bucket{" + tag))
                .body(containsString("notice_feed_position{" + tag + "} " + last + ".0"))
                .body(containsString("notice_feed_events_handled_total{" + tag));
    }

    @Test
    void notAnsweringFeedLeavesTheServiceReadyAndShowsInTheFeedHealthDetail() {
        feed.answerErrors(true);
        try {
            Eventually.until("the consumer reports the failing feed", () -> RestAssured.get("/q/health/well")
                    .jsonPath().getString("checks.find { it.name == 'notice-feed' }.data.role").equals("failing"));

            RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            RestAssured.get("/q/health/well").then().statusCode(200)
                    .body("checks.find { it.name == 'notice-feed' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'notice-feed' }.data.failing", equalTo("reading the notice feed"));
        } finally {
            feed.answerErrors(false);
        }
        feed.publish(1);
        Eventually.until("the consumer leads again", () -> RestAssured.get("/q/health/well")
                .jsonPath().getString("checks.find { it.name == 'notice-feed' }.data.role").equals("leading"));
        Eventually.until("the event published meanwhile handled",
                () -> recording.recorder().handled().equals(feed.sequences()));
    }

    private Long storedPosition() {
        return pool.preparedQuery("select last_sequence from feed_position where feed = $1")
                .execute(Tuple.of(config.name())).await().indefinitely().iterator().next().getLong(0);
    }
}
