package org.epicontrol.roster.task;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

@Type("Wish")
@Description("微心愿: a resident's small request (medicine, supplies) that one volunteer claims and fulfils")
public record Wish(
        @Id @NonNull String id,
        @NonNull String household,
        @NonNull WishKind kind,
        @NonNull String description,
        @NonNull WishStatus status,
        @NonNull OffsetDateTime createdAt,
        @Description("Who posted it (user name); null for wishes posted before issue 13") String postedBy,
        @Ignore long communityId,
        @Ignore Long claimedById,
        @Ignore Long householdId) {
}
