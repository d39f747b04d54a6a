package org.epicontrol.notice.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts area events committed to the feed ({@code notices_area_events_written_total}, by kind): with the consumer's
 * position in volunteer-service it shows how far behind the consumer is.
 */
@ApplicationScoped
public class AreaEventMetrics {

    static final String METRIC = "notices.area.events.written";

    private final MeterRegistry registry;

    public AreaEventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** After the publication committed; never for one that rolled back. */
    public void written(AreaEventKind kind, int events) {
        Counter.builder(METRIC)
                .description("Area events committed to the change feed, by kind")
                .tag("kind", kind.name())
                .register(registry)
                .increment(events);
    }
}
