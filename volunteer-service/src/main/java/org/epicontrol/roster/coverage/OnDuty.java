package org.epicontrol.roster.coverage;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.OffsetDateTime;

@Description("A person on duty at a post at the time asked")
public record OnDuty(@NonNull OffsetDateTime from, @NonNull OffsetDateTime until,
                     @Ignore long postId, @Ignore long volunteerId, @Ignore long shiftId) {
}
