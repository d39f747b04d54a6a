package org.epicontrol.roster.availability;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;

import java.time.OffsetDateTime;
import java.util.List;

// Availability is personal: the volunteer himself and the administrators of his community (AccessRules.mayActAs),
// for reads as for writes; a write checks the volunteer inside its own transaction.
@GraphQLApi
public class AvailabilityGraphQLApi {

    private final Availabilities availabilities;
    private final RosterAccess access;

    public AvailabilityGraphQLApi(Availabilities availabilities, RosterAccess access) {
        this.availabilities = availabilities;
        this.access = access;
    }

    @Query("volunteerAvailability")
    @Description("When a volunteer can be rostered: the volunteer himself and his community's administrators")
    public Uni<VolunteerAvailability> volunteerAvailability(@Id @NonNull String volunteerId) {
        long volunteer = Ids.parse(volunteerId);
        return access.readPersonal("volunteerAvailability", Target.VOLUNTEER, volunteer)
                .chain(() -> availabilities.of(volunteer));
    }

    @Mutation("setWeeklyAvailability")
    @Description("Replaces a volunteer's recurring weekly windows; an empty list: available any time")
    public Uni<VolunteerAvailability> setWeeklyAvailability(@Id @NonNull String volunteerId,
                                                            @NonNull List<@NonNull WeeklyWindowInput> windows) {
        long volunteer = Ids.parse(volunteerId);
        return access.write("setWeeklyAvailability", RosterAccess.FIELD_STAFF, Target.VOLUNTEER, volunteer,
                        AccessRules::mayActAs)
                .chain(permit -> availabilities.setWeekly(volunteer, windows, permit));
    }

    @Mutation("addAvailabilityException")
    @Description("The volunteer is unavailable from .. to (an illness, a trip)")
    public Uni<VolunteerAvailability> addAvailabilityException(@Id @NonNull String volunteerId,
                                                               @NonNull OffsetDateTime from, @NonNull OffsetDateTime to,
                                                               String reason) {
        long volunteer = Ids.parse(volunteerId);
        return access.write("addAvailabilityException", RosterAccess.FIELD_STAFF, Target.VOLUNTEER, volunteer,
                        AccessRules::mayActAs)
                .chain(permit -> availabilities.addException(volunteer, from, to, reason, permit));
    }

    @Mutation("removeAvailabilityException")
    public Uni<VolunteerAvailability> removeAvailabilityException(@Id @NonNull String volunteerId,
                                                                  @Id @NonNull String exceptionId) {
        long volunteer = Ids.parse(volunteerId);
        long exception = Ids.parse(exceptionId);
        return access.write("removeAvailabilityException", RosterAccess.FIELD_STAFF, Target.VOLUNTEER, volunteer,
                        AccessRules::mayActAs)
                .chain(permit -> availabilities.removeException(volunteer, exception, permit));
    }

    @Mutation("setRosterPreferences")
    @Description("A volunteer's preferred maximum hours a week and preferred posts, weighed by the rostering")
    public Uni<VolunteerAvailability> setRosterPreferences(@Id @NonNull String volunteerId, Integer maxHoursPerWeek,
                                                           @NonNull List<@NonNull String> preferredPostIds) {
        long volunteer = Ids.parse(volunteerId);
        List<Long> posts = preferredPostIds.stream().map(Ids::parse).toList();
        return access.write("setRosterPreferences", RosterAccess.FIELD_STAFF, Target.VOLUNTEER, volunteer,
                        AccessRules::mayActAs)
                .chain(permit -> availabilities.setPreferences(volunteer, maxHoursPerWeek, posts, permit));
    }
}
