package org.epicontrol.notice.feed;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.epicontrol.notice.notice.Notice;

@GraphQLApi
public class FeedGraphQLApi {

    private final NoticeFeed feed;

    public FeedGraphQLApi(NoticeFeed feed) {
        this.feed = feed;
    }

    @Subscription("noticePublished")
    @Description("Each notice as it is published (an import is a draft and is announced when published)")
    public Multi<Notice> noticePublished() {
        return feed.published();
    }
}
