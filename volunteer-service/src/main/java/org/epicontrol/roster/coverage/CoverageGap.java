package org.epicontrol.roster.coverage;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("An hour of a post with fewer people than it needs")
public record CoverageGap(
        @NonNull OffsetDateTime hourStart,
        @NonNull int required,
        @NonNull int staffed,
        @Description("False when no shift exists for an around-the-clock post in this hour") @NonNull boolean hasShift,
        @Ignore long postId,
        @Ignore Long shiftId) {
}
