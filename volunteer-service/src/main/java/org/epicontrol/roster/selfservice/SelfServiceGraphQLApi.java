package org.epicontrol.roster.selfservice;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.coverage.Coverage;
import org.epicontrol.roster.coverage.VolunteerHours;
import org.epicontrol.roster.shift.Assignment;
import org.epicontrol.roster.shift.Assignments;
import org.epicontrol.roster.shift.Shift;
import org.epicontrol.roster.shift.SwapRequest;
import org.epicontrol.roster.shift.Swaps;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A volunteer's own work (the console's 我的值守): their shifts, the shifts they may take, the swaps they are part of,
 * their hours. Each answers the signed-in account's own linked volunteer ({@link RosterAccess#ownVolunteer}); what
 * it lists passes its type's rule as well, and the fields under it keep theirs.
 */
@GraphQLApi
public class SelfServiceGraphQLApi {

    /** The longest window a volunteer looks at their own work in. */
    static final Duration MAX_WINDOW = Duration.ofDays(62);
    static final int MAX_OPEN_SHIFTS = 200;

    private final Assignments assignments;
    private final OpenShifts openShifts;
    private final Swaps swaps;
    private final Coverage coverage;
    private final RosterAccess access;

    public SelfServiceGraphQLApi(Assignments assignments, OpenShifts openShifts, Swaps swaps, Coverage coverage,
                                 RosterAccess access) {
        this.assignments = assignments;
        this.openShifts = openShifts;
        this.swaps = swaps;
        this.coverage = coverage;
        this.access = access;
    }

    @Query("myShifts")
    @Description("Your active assignments whose shift overlaps [from, to) (at most 62 days), by start; empty without"
            + " a volunteer linked to your account")
    public Uni<@NonNull List<@NonNull Assignment>> myShifts(@NonNull OffsetDateTime from, @NonNull OffsetDateTime to) {
        return access.ownVolunteer("myShifts").chain(volunteer -> {
            Coverage.checkWindow(from, to, MAX_WINDOW);
            return volunteer == null ? Uni.createFrom().item(List.<Assignment>of())
                    : assignments.activeOfVolunteer(volunteer, from, to)
                            .chain(found -> access.readable("myShifts", Target.ASSIGNMENT, found, Assignment::numericId));
        });
    }

    @Query("myOpenShifts")
    @Description("Shifts you may take in [from, to) (at most 62 days), by start: of your community's open posts you"
            + " are qualified for, not started, with a free place, not yours yet. Overlaps and working-time limits are"
            + " the sign-up's to refuse. first: 1..200")
    public Uni<@NonNull List<@NonNull Shift>> myOpenShifts(@NonNull OffsetDateTime from, @NonNull OffsetDateTime to,
                                                           @DefaultValue("50") Integer first) {
        return access.ownVolunteer("myOpenShifts").chain(volunteer -> {
            Coverage.checkWindow(from, to, MAX_WINDOW);
            int size = first == null ? 50 : first;
            if (size < 1 || size > MAX_OPEN_SHIFTS) {
                throw DomainException.invalid("first must be between 1 and " + MAX_OPEN_SHIFTS + ", was " + first);
            }
            return volunteer == null ? Uni.createFrom().item(List.<Shift>of())
                    : openShifts.of(volunteer, from, to, size)
                            .chain(found -> access.readable("myOpenShifts", Target.SHIFT, found, Shift::numericId));
        });
    }

    @Query("mySwapRequests")
    @Description("Open swap proposals addressed to you (accept or decline them) and those you made (withdraw them),"
            + " newest first")
    public Uni<@NonNull List<@NonNull SwapRequest>> mySwapRequests() {
        return access.ownVolunteer("mySwapRequests").chain(volunteer -> volunteer == null
                ? Uni.createFrom().item(List.<SwapRequest>of())
                : swaps.openOf(volunteer)
                        .chain(found -> access.readable("mySwapRequests", Target.SWAP, found, s -> Long.parseLong(s.id()))));
    }

    @Query("myHours")
    @Description("Your hours on duty and shifts in [from, to) (at most 62 days), counted as volunteerHours counts them;"
            + " null without a volunteer linked to your account")
    public Uni<VolunteerHours> myHours(@NonNull OffsetDateTime from, @NonNull OffsetDateTime to) {
        return access.ownVolunteer("myHours").chain(volunteer -> {
            Coverage.checkWindow(from, to, MAX_WINDOW);
            return volunteer == null ? Uni.createFrom().nullItem() : coverage.hoursOf(volunteer, from, to);
        });
    }
}
