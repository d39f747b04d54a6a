package org.epicontrol.roster.feed;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the fake notice-service feed the application's own consumer reads under {@link FeedOnProfile}. */
public class FakeNoticeFeedResource implements QuarkusTestResourceLifecycleManager {

    static volatile FakeNoticeFeed feed;

    @Override
    public Map<String, String> start() {
        feed = FakeNoticeFeed.start();
        return Map.of("notice-feed.url", feed.url());
    }

    @Override
    public void stop() {
        feed.close();
    }
}
