package org.epicontrol.roster.feed;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The consumer on, against {@link FakeNoticeFeedResource}, with short intervals (the tests wait for outcomes, they
 * never assert durations) and small pages so that paging happens.
 */
public class FeedOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "notice-feed.enabled", "true",
                "notice-feed.poll-interval", "20ms",
                "notice-feed.batch-size", "7",
                "notice-feed.backoff.initial", "10ms",
                "notice-feed.backoff.max", "100ms",
                "notice-feed.alert-after", "3",
                "notice-feed.request-timeout", "20s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeNoticeFeedResource.class));
    }
}
