package org.epicontrol.roster.mobilisation;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.epicontrol.roster.people.VolunteerKind;

import java.time.OffsetDateTime;
import java.util.List;

@Description("A community's call for volunteers (a pool by kinds, skills, team) to fill the shifts of a post, a"
        + " response or a window")
public record CallOut(
        @Id @NonNull String id,
        @NonNull OffsetDateTime from,
        @NonNull OffsetDateTime to,
        @NonNull List<@NonNull VolunteerKind> kinds,
        @NonNull List<@NonNull String> skills,
        String message,
        @NonNull CallOutStatus status,
        @NonNull OffsetDateTime createdAt,
        @Description("Volunteers called") @NonNull int invited,
        @Description("Of them, those who answered yes or no") @NonNull int answered,
        @Description("Of them, those who answered yes") @NonNull int accepted,
        @Description("Person-hours missing in the call's shifts when it went out (coverage gaps)") @NonNull double gapHours,
        @Description("Person-hours of the sign-ups its accepted answers made, still active") @NonNull double filledHours,
        @Ignore long communityId,
        @Ignore Long postId,
        @Ignore Long responseId,
        @Ignore Long teamId) {

    public long numericId() {
        return Long.parseLong(id);
    }
}
