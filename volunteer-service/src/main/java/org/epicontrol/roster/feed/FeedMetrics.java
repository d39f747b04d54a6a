package org.epicontrol.roster.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer's meters, tagged with the feed:
 * <ul>
 *   <li>{@code notice_feed_lag_seconds}: from notice-service committing an event ({@code occurredAt}) to every
 *   handler here having handled it and its position stored; a histogram with p50/p95/p99;</li>
 *   <li>{@code notice_feed_position}: the last sequence this replica stored;</li>
 *   <li>{@code notice_feed_events_handled_total}, {@code notice_feed_events_failed_total} (also by handler),
 *   {@code notice_feed_reads_failed_total};</li>
 *   <li>{@code notice_feed_retries}: failed attempts in a row (same event, or reads); an alert at
 *   {@code notice-feed.alert-after};</li>
 *   <li>{@code notice_feed_stuck_total}: times the retries reached {@code notice-feed.alert-after}.</li>
 * </ul>
 */
@ApplicationScoped
public class FeedMetrics {

    private final MeterRegistry registry;
    /** Per feed and name: built once, not per event. */
    private final Map<List<String>, Object> meters = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void handled(String feed, AreaEvent event) {
        Duration lag = Duration.between(event.occurredAt(), OffsetDateTime.now());
        timer(feed).record(lag.isNegative() ? Duration.ZERO : lag); // clocks of two hosts: never below zero
        counter(feed, "notice.feed.events.handled", "Area events every handler has handled", null).increment();
        gauge(feed, "notice.feed.position", "The last sequence of the feed handled and stored").set(event.sequence());
    }

    void position(String feed, long position) {
        gauge(feed, "notice.feed.position", "The last sequence of the feed handled and stored").set(position);
    }

    void handlerFailed(String feed, String handler) {
        counter(feed, "notice.feed.events.failed", "Attempts at an area event that a handler failed", handler).increment();
    }

    void readFailed(String feed) {
        counter(feed, "notice.feed.reads.failed", "Reads of the feed that failed (notice-service down, bad answer)", null)
                .increment();
    }

    void retries(String feed, long inARow) {
        gauge(feed, "notice.feed.retries", "Failed attempts in a row (the same event, or reads of the feed)").set(inARow);
    }

    void stuck(String feed) {
        counter(feed, "notice.feed.stuck", "Times the retries in a row reached notice-feed.alert-after", null).increment();
    }

    private Timer timer(String feed) {
        return (Timer) meters.computeIfAbsent(List.of("notice.feed.lag", feed), key -> Timer.builder(key.get(0))
                .description("From notice-service committing an area event to this service having handled it")
                .tag("feed", feed)
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry));
    }

    private Counter counter(String feed, String name, String description, String handler) {
        List<String> key = handler == null ? List.of(name, feed) : List.of(name, feed, handler);
        return (Counter) meters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).description(description).tag("feed", feed);
            return (handler == null ? builder : builder.tag("handler", handler)).register(registry);
        });
    }

    private AtomicLong gauge(String feed, String name, String description) {
        return (AtomicLong) meters.computeIfAbsent(List.of(name, feed), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag("feed", feed).register(registry);
            return value;
        });
    }
}
