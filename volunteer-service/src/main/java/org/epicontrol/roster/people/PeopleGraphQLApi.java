package org.epicontrol.roster.people;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;

import java.util.List;

@GraphQLApi
public class PeopleGraphQLApi {

    private final Volunteers volunteers;
    private final VolunteerChanges changes;
    private final OrgUnits units;
    private final RosterAccess access;
    private final PageRequest pages;

    public PeopleGraphQLApi(Volunteers volunteers, VolunteerChanges changes, OrgUnits units, RosterAccess access,
                            PageRequest pages) {
        this.volunteers = volunteers;
        this.changes = changes;
        this.units = units;
        this.access = access;
        this.pages = pages;
    }

    @Query("volunteer")
    public Uni<Volunteer> volunteer(@Id @NonNull String id) {
        long volunteer = Ids.parse(id);
        return access.readObject("volunteer", Target.VOLUNTEER, volunteer)
                .chain(() -> volunteers.byIds(List.of(volunteer)).map(list -> list.get(0)));
    }

    @Query("me")
    @Description("The volunteer record linked to the signed-in account, if any")
    public Uni<Volunteer> me() {
        return access.signedIn("me").chain(scope -> volunteers.byUserId(scope.caller().subject()));
    }

    @Mutation("createVolunteer")
    public Uni<Volunteer> createVolunteer(@NonNull VolunteerInput input) {
        Long team = input.teamId() == null ? null : Ids.parse(input.teamId());
        return access.manage("createVolunteer", Target.UNIT, Ids.parse(input.communityId()))
                .map(permit -> team == null ? permit : permit.and(Target.TEAM, team, AccessRules::mayUseTeam))
                .chain(permit -> volunteers.create(input, permit));
    }

    @Mutation("updateVolunteer")
    @Description("Name, phone, kinds, skills of a volunteer: the administrators of the volunteer's community")
    public Uni<Volunteer> updateVolunteer(@Id @NonNull String id, @NonNull VolunteerUpdate input) {
        long volunteer = Ids.parse(id);
        return access.manage("updateVolunteer", Target.VOLUNTEER, volunteer)
                .chain(permit -> changes.update(volunteer, input, permit));
    }

    @Mutation("deactivateVolunteer")
    @Description("The volunteer stops: assignments not yet started are cancelled with the reason, open call-outs drop"
            + " them, no new sign-ups; their account no longer acts as this volunteer")
    public Uni<Volunteer> deactivateVolunteer(@Id @NonNull String id, @NonNull String reason) {
        long volunteer = Ids.parse(id);
        return access.manage("deactivateVolunteer", Target.VOLUNTEER, volunteer)
                .chain(permit -> changes.deactivate(volunteer, reason, permit));
    }

    @Description("Personal data: only for the administrators of the volunteer's community; others get null and an error")
    public Uni<String> phone(@Source Volunteer volunteer) {
        return access.seePhone("phone", volunteer.numericId(), volunteer.communityId()).map(ok -> volunteer.phoneNumber());
    }

    public Uni<List<Community>> community(@Source List<Volunteer> people) {
        return units.byIds(people.stream().map(Volunteer::communityId).toList(), OrgKind.COMMUNITY)
                .map(list -> list.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("The community's people: for its administrators and its district's officers")
    public Uni<List<Volunteer>> volunteers(@Source Community community, Integer first) {
        long id = Long.parseLong(community.id());
        return access.readStaffing("Community.volunteers", Target.UNIT, id)
                .chain(() -> volunteers.ofCommunity(id, pages.size(first)))
                .chain(list -> access.visibleAll("Community.volunteers", Target.VOLUNTEER, list, Volunteer::numericId));
    }

    @Resolver
    public Uni<List<Volunteer>> volunteersByIds(@Name("id") List<String> ids) {
        List<Long> keys = ids.stream().map(Ids::parseOrZero).toList();
        return volunteers.byIds(keys)
                .chain(found -> access.visibleAll("_entities(Volunteer)", Target.VOLUNTEER, found, Volunteer::numericId));
    }
}
