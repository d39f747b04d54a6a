package org.epicontrol.roster.people;

import io.smallrye.graphql.api.federation.Resolver;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.GraphQLException;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;

import java.util.List;

@GraphQLApi
public class PeopleGraphQLApi {

    private final Volunteers volunteers;
    private final OrgUnits units;
    private final ContactPolicy contacts;
    private final PageRequest pages;

    public PeopleGraphQLApi(Volunteers volunteers, OrgUnits units, ContactPolicy contacts, PageRequest pages) {
        this.volunteers = volunteers;
        this.units = units;
        this.contacts = contacts;
        this.pages = pages;
    }

    @Query("volunteer")
    public Uni<Volunteer> volunteer(@Id @NonNull String id) {
        return volunteers.byIds(List.of(Ids.parse(id))).map(list -> list.get(0));
    }

    @Mutation("createVolunteer")
    public Uni<Volunteer> createVolunteer(@NonNull VolunteerInput input) {
        return volunteers.create(input);
    }

    @Mutation("createTeam")
    @Description("A team such as a bank's party-member vanguard team")
    public Uni<Team> createTeam(@NonNull String name, @Id String communityId) {
        return volunteers.createTeam(name, communityId == null ? null : Ids.parse(communityId));
    }

    @Description("Personal data: only for staff who manage the volunteer's community; others get null and an error")
    public String phone(@Source Volunteer volunteer) throws GraphQLException {
        if (!contacts.maySeeContactOf(volunteer)) {
            throw new DomainException("FORBIDDEN", "the phone of a volunteer is shown only to staff managing their community");
        }
        return volunteer.phoneNumber();
    }

    public Uni<List<Community>> community(@Source List<Volunteer> people) {
        return units.byIds(people.stream().map(Volunteer::communityId).toList(), OrgKind.COMMUNITY)
                .map(list -> list.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    public Uni<List<Volunteer>> volunteers(@Source Community community, Integer first) {
        return volunteers.ofCommunity(Long.parseLong(community.id()), pages.size(first));
    }

    @Resolver
    public Uni<List<Volunteer>> volunteersByIds(@Name("id") List<String> ids) {
        return volunteers.byIds(ids.stream().map(Ids::parseOrZero).toList());
    }
}
