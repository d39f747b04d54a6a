package org.epicontrol.roster.feed;

import java.util.List;

/** One page of notice-service's {@code areaEvents}, as read by {@link NoticeFeedClient}. */
public record AreaEventPage(List<AreaEvent> events, boolean hasMore) {

    public AreaEventPage {
        events = List.copyOf(events);
    }
}
