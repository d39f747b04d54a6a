package org.epicontrol.roster.coverage;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;
import java.util.List;

@Description("Consecutive hours of one post with the same shortfall; hours lists every post-hour of it")
public record CoverageGap(
        @NonNull OffsetDateTime from,
        @Description("End of the last hour (exclusive)") @NonNull OffsetDateTime until,
        @NonNull List<@NonNull OffsetDateTime> hours,
        @NonNull int required,
        @NonNull int staffed,
        @Description("False when no shift exists for an around-the-clock post in these hours") @NonNull boolean hasShift,
        @Ignore long postId,
        @Ignore Long shiftId) {
}
