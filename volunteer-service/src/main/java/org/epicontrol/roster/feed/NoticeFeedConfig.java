package org.epicontrol.roster.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code notice-feed.*}: how volunteer-service reads notice-service's area-event feed. */
@ConfigMapping(prefix = "notice-feed")
public interface NoticeFeedConfig {

    /** Whether this replica takes part in consuming the feed (off in tests unless a test turns it on). */
    @WithDefault("true")
    boolean enabled();

    /** notice-service's GraphQL endpoint, e.g. http://notice-service:8081/graphql. */
    String url();

    /** The feed's row in {@code feed_position} (and the key of its advisory lock). */
    @WithDefault("notice-service/areaEvents")
    String name();

    /** Pause between two reads once the consumer has caught up. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Events asked for per read ({@code areaEvents(first:)}): 1..500, notice-service's limit. */
    @WithDefault("100")
    int batchSize();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Deadline of one read, from sending the request to the parsed answer. */
    @WithDefault("10s")
    Duration requestTimeout();

    Backoff backoff();

    /** After this many failed attempts at the same event (or reads in a row), an error is logged and counted. */
    @WithDefault("5")
    int alertAfter();

    /** How long shutdown waits for the event in hand to be handled and its position stored. */
    @WithDefault("15s")
    Duration shutdownTimeout();

    /** Retry delays after a failure: doubling from {@code initial} up to {@code max}. */
    interface Backoff {
        @WithDefault("500ms")
        Duration initial();

        @WithDefault("30s")
        Duration max();
    }
}
