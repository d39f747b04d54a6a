package org.epicontrol.roster.availability;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("VolunteerAvailability")
@Description("When a volunteer can be rostered and what they prefer (issue 16); no weekly windows: any time")
public record VolunteerAvailability(
        @Id @NonNull String volunteerId,
        @NonNull List<@NonNull WeeklyWindow> weekly,
        @Description("One-off ranges the volunteer is unavailable, ending after now") @NonNull List<@NonNull AvailabilityException> exceptions,
        @Description("Preferred maximum hours a week (soft)") Integer maxHoursPerWeek,
        @Description("Posts of their community they prefer (soft)") @Id @NonNull List<@NonNull String> preferredPostIds) {
}
