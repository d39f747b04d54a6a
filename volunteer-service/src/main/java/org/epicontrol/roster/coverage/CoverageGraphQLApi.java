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

    public CoverageGraphQLApi(Coverage coverage, DutyPosts posts, Volunteers volunteers, Shifts shifts, PageRequest pages) {
        this.coverage = coverage;
        this.posts = posts;
        this.volunteers = volunteers;
        this.shifts = shifts;
        this.pages = pages;
    }

    @Query("coverageGaps")
    @Description("Every post-hour under its required headcount, for a community (or a street or district) and a window")
    public Uni<List<CoverageGap>> coverageGaps(@Id @NonNull String community, @NonNull OffsetDateTime from,
                                               @NonNull OffsetDateTime to) {
        return coverage.gaps(Ids.parse(community), from, to);
    }

    @Query("onDuty")
    @Description("Who is at a post, or at the posts of an area, at a time (now by default)")
    public Uni<List<OnDuty>> onDuty(@Id String postId, @Id String areaId, OffsetDateTime at) {
        OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
        if ((postId == null) == (areaId == null)) {
            throw DomainException.invalid("give either postId or areaId");
        }
        return postId != null
                ? coverage.onDutyAtPosts(List.of(Ids.parse(postId)), when).map(l -> l.get(0))
                : coverage.onDutyAtAreas(List.of(areaId), when).map(l -> l.get(0));
    }

    @Query("volunteerHours")
    @Description("Hours on duty per person in a community (or street, district) within a window, most first")
    public Uni<List<VolunteerHours>> volunteerHours(@Id @NonNull String community, @NonNull OffsetDateTime from,
                                                    @NonNull OffsetDateTime to, Integer first) {
        return coverage.hours(Ids.parse(community), from, to, pages.size(first));
    }

    @Mutation("setRosterRules")
    @Description("A community's own limits; null falls back to the defaults (12 h in 24 h, 8 h rest)")
    public Uni<Boolean> setRosterRules(@Id @NonNull String community, Integer maxHoursPer24h, Integer minRestHours) {
        return coverage.setRules(Ids.parse(community), maxHoursPer24h, minRestHours).replaceWith(true);
    }

    public Uni<List<DutyPost>> post(@Source List<CoverageGap> gaps) {
        return posts.byIds(gaps.stream().map(CoverageGap::postId).toList());
    }

    @Name("post")
    public Uni<List<DutyPost>> onDutyPost(@Source List<OnDuty> list) {
        return posts.byIds(list.stream().map(OnDuty::postId).toList());
    }

    public Uni<List<Volunteer>> volunteer(@Source List<OnDuty> list) {
        return volunteers.byIds(list.stream().map(OnDuty::volunteerId).toList());
    }

    @Name("shift")
    public Uni<List<Shift>> onDutyShift(@Source List<OnDuty> list) {
        return shifts.byIds(list.stream().map(OnDuty::shiftId).toList());
    }

    @Name("volunteer")
    public Uni<List<Volunteer>> hoursVolunteer(@Source List<VolunteerHours> list) {
        return volunteers.byIds(list.stream().map(VolunteerHours::volunteerId).toList());
    }
}
