package org.epicontrol.notice.feed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("AreaEventPage")
@Description("A page of the area-event feed, oldest first")
public record AreaEventPage(
        @NonNull List<@NonNull AreaEvent> events,
        @Description("sequence of the last event returned, or the `after` given when none") @Id String endCursor,
        @NonNull boolean hasMore) {
}
