package org.epicontrol.roster.coverage;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.shift.Shift;
import org.epicontrol.roster.shift.Shifts;

import java.time.OffsetDateTime;
import java.util.List;

@GraphQLApi
public class CoverageGraphQLApi {

    private final Coverage coverage;
    private final DutyPosts posts;
    private final Volunteers volunteers;
    private final Shifts shifts;
    private final PageRequest pages;
    private final RosterAccess access;

    public CoverageGraphQLApi(Coverage coverage, DutyPosts posts, Volunteers volunteers, Shifts shifts, PageRequest pages,
                              RosterAccess access) {
        this.coverage = coverage;
        this.posts = posts;
        this.volunteers = volunteers;
        this.shifts = shifts;
        this.pages = pages;
        this.access = access;
    }

    @Query("coverageGaps")
    @Description("Every post-hour under its required headcount, for a community (or a street or district) and a window")
    public Uni<List<CoverageGap>> coverageGaps(@Id @NonNull String community, @NonNull OffsetDateTime from,
                                               @NonNull OffsetDateTime to) {
        long unit = Ids.parse(community);
        return access.readStaffing("coverageGaps", Target.UNIT, unit).chain(() -> coverage.gaps(unit, from, to));
    }

    @Query("onDuty")
    @Description("Who is at a post, or at the posts of an area, at a time (now by default)")
    public Uni<List<OnDuty>> onDuty(@Id String postId, @Id String areaId, OffsetDateTime at) {
        OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
        if ((postId == null) == (areaId == null)) {
            throw DomainException.invalid("give either postId or areaId");
        }
        if (postId != null) {
            long post = Ids.parse(postId);
            return access.readStaffing("onDuty", Target.POST, post)
                    .chain(() -> coverage.onDutyAtPosts(List.of(post), when)).map(l -> l.get(0));
        }
        // an area's posts may belong to several communities: every one of them must be the caller's to read
        return access.signedIn("onDuty").chain(() -> coverage.onDutyAtAreas(List.of(areaId), when))
                .chain(found -> access.visibleStaffingAll("onDuty", found.get(0), OnDuty::postId));
    }

    @Query("volunteerHours")
    @Description("Hours on duty per person in a community (or street, district) within a window, most first")
    public Uni<List<VolunteerHours>> volunteerHours(@Id @NonNull String community, @NonNull OffsetDateTime from,
                                                    @NonNull OffsetDateTime to, Integer first) {
        long unit = Ids.parse(community);
        return access.hoursVisibleTo("volunteerHours", unit)
                .chain(only -> coverage.hours(unit, from, to, pages.size(first), only));
    }

    @Mutation("setRosterRules")
    @Description("A community's own limits; null falls back to the defaults (12 h in 24 h, 8 h rest)")
    public Uni<Boolean> setRosterRules(@Id @NonNull String community, Integer maxHoursPer24h, Integer minRestHours) {
        long unit = Ids.parse(community);
        return access.manage("setRosterRules", Target.UNIT, unit)
                .chain(permit -> coverage.setRules(unit, maxHoursPer24h, minRestHours, permit)).replaceWith(true);
    }

    public Uni<List<DutyPost>> post(@Source List<CoverageGap> gaps) {
        return posts.byIds(gaps.stream().map(CoverageGap::postId).toList())
                .chain(found -> access.visible("CoverageGap.post", Target.POST, found, DutyPost::numericId));
    }

    @Name("post")
    public Uni<List<DutyPost>> onDutyPost(@Source List<OnDuty> list) {
        return posts.byIds(list.stream().map(OnDuty::postId).toList())
                .chain(found -> access.visible("OnDuty.post", Target.POST, found, DutyPost::numericId));
    }

    public Uni<List<Volunteer>> volunteer(@Source List<OnDuty> list) {
        return volunteers.byIds(list.stream().map(OnDuty::volunteerId).toList())
                .chain(found -> access.visible("OnDuty.volunteer", Target.VOLUNTEER, found, Volunteer::numericId));
    }

    @Name("shift")
    public Uni<List<Shift>> onDutyShift(@Source List<OnDuty> list) {
        return shifts.byIds(list.stream().map(OnDuty::shiftId).toList())
                .chain(found -> access.visible("OnDuty.shift", Target.SHIFT, found, Shift::numericId));
    }

    @Name("volunteer")
    public Uni<List<Volunteer>> hoursVolunteer(@Source List<VolunteerHours> list) {
        return volunteers.byIds(list.stream().map(VolunteerHours::volunteerId).toList())
                .chain(found -> access.visible("VolunteerHours.volunteer", Target.VOLUNTEER, found, Volunteer::numericId));
    }
}
