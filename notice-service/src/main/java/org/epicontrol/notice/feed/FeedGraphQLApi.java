package org.epicontrol.notice.feed;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.PageRequest;
import org.epicontrol.notice.access.NoticeAccess;
import org.epicontrol.notice.area.Area;
import org.epicontrol.notice.common.NoticeConfig;
import org.epicontrol.notice.notice.Notice;

/** What is published, as it happens: the live noticePublished subscription and the durable areaEvents feed. */
@GraphQLApi
public class FeedGraphQLApi {

    private final NoticeFeed feed;
    private final AreaEventFeed areaEvents;
    private final NoticeAccess access;
    private final PageRequest pages;

    public FeedGraphQLApi(NoticeFeed feed, AreaEventFeed areaEvents, NoticeAccess access, NoticeConfig config) {
        this.feed = feed;
        this.areaEvents = areaEvents;
        this.access = access;
        this.pages = new PageRequest(config.feed());
    }

    @Subscription("noticePublished")
    @Description("Each notice as it is published (an import is a draft and is announced when published)")
    public Multi<Notice> noticePublished() {
        return feed.published();
    }

    @Query("areaEvents")
    @Description("The change feed of published designations, in commit order; public (published notices only)."
            + " first: 1..500, default 100")
    public Uni<@NonNull AreaEventPage> areaEvents(@Id String after, @DefaultValue("100") Integer first) {
        // both checked before any read: a bad argument is a typed error and reads nothing
        int size = pages.size(first);
        return areaEvents.after(position(after), size);
    }

    /** The event's area, read with the event; public, as a published notice names it (NoticeVisibility all the same). */
    public @NonNull Area area(@Source AreaEvent event) {
        return access.visibility().filter(event.place());
    }

    private static Long position(String after) {
        if (after == null) {
            return null;
        }
        try {
            long sequence = Long.parseLong(after);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below, as a negative one
        }
        throw new DomainException("INVALID_CURSOR",
                "after '" + after + "' is not a feed position (the decimal sequence of an event, or 0)");
    }
}
