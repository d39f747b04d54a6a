package org.epicontrol.roster.people;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Teams: created and staffed by the administrators of the team's community (a city-wide team: system
 * administrators, {@link AccessRules#mayManage} on an empty path passes nobody else). A team's name and kind are
 * for anyone signed in (the organisation); its leader and members are volunteers under the volunteer rule.
 */
@GraphQLApi
public class TeamGraphQLApi {

    private final Teams teams;
    private final Volunteers volunteers;
    private final OrgUnits units;
    private final RosterAccess access;

    public TeamGraphQLApi(Teams teams, Volunteers volunteers, OrgUnits units, RosterAccess access) {
        this.teams = teams;
        this.volunteers = volunteers;
        this.units = units;
        this.access = access;
    }

    @Mutation("createTeam")
    @Description("A team such as a bank's party-member vanguard team; without a community a city-wide team"
            + " (system administrators); the leader, a volunteer of the community, becomes its first member")
    public Uni<Team> createTeam(@NonNull String name, @Id String communityId, TeamKind kind, @Id String leaderId) {
        Long community = communityId == null ? null : Ids.parse(communityId);
        Long leader = leaderId == null ? null : Ids.parse(leaderId);
        Uni<Permit> permit = community == null ? access.organise("createTeam")
                : access.manage("createTeam", Target.UNIT, community);
        return permit.map(p -> leader == null ? p : p.and(Target.VOLUNTEER, leader, AccessRules::mayManage))
                .chain(p -> teams.create(name, community, kind, leader, p));
    }

    @Mutation("addTeamMember")
    @Description("A volunteer joins a team (of the team's community; a city-wide team takes anyone's)")
    public Uni<Team> addTeamMember(@Id @NonNull String teamId, @Id @NonNull String volunteerId) {
        long team = Ids.parse(teamId);
        long volunteer = Ids.parse(volunteerId);
        return membership("addTeamMember", team, volunteer).chain(p -> teams.addMember(team, volunteer, p));
    }

    @Mutation("removeTeamMember")
    @Description("A volunteer leaves a team; its leader cannot (LEADER_CANNOT_LEAVE)")
    public Uni<Team> removeTeamMember(@Id @NonNull String teamId, @Id @NonNull String volunteerId) {
        long team = Ids.parse(teamId);
        long volunteer = Ids.parse(volunteerId);
        return membership("removeTeamMember", team, volunteer).chain(p -> teams.removeMember(team, volunteer, p));
    }

    /** A change of a team's members: the team and the volunteer, each {@link AccessRules#mayManage}. */
    private Uni<Permit> membership(String operation, long team, long volunteer) {
        return access.manage(operation, Target.TEAM, team).map(p -> p.and(Target.VOLUNTEER, volunteer, AccessRules::mayManage));
    }

    @Description("The team's leader (one of its members): under the volunteer rule")
    public Uni<List<Volunteer>> leader(@Source List<Team> list) {
        List<Long> ids = list.stream().map(t -> t.leaderId() == null ? 0L : t.leaderId()).toList();
        return volunteers.byIds(ids).chain(found -> access.visible("Team.leader", Target.VOLUNTEER, found,
                Volunteer::numericId));
    }

    @Description("The team's members: the list only if the caller may see every one of them")
    public Uni<List<List<Volunteer>>> members(@Source List<Team> list) {
        return teams.memberIds(list.stream().map(Team::numericId).toList())
                .chain(memberIds -> volunteers.byIds(memberIds.stream().flatMap(List::stream).distinct().toList())
                        .map(found -> regroup(memberIds, found)))
                .chain(lists -> access.visibleLists("Team.members", Target.VOLUNTEER, lists, Volunteer::numericId));
    }

    @Description("The community of the team; null for a city-wide team")
    public Uni<List<Community>> community(@Source List<Team> list) {
        return units.byIds(list.stream().map(t -> t.communityId() == null ? 0L : t.communityId()).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("The teams the volunteer is in (a person may be in several)")
    public Uni<List<List<Team>>> teams(@Source List<Volunteer> people) {
        return teams.teamIdsOf(people.stream().map(Volunteer::numericId).toList())
                .chain(teamIds -> teams.byIds(teamIds.stream().flatMap(List::stream).distinct().toList())
                        .map(found -> regroup(teamIds, found)));
    }

    /** The objects of each group of ids, from one look-up of all of them. */
    private static <T> List<List<T>> regroup(List<List<Long>> groups, List<T> found) {
        List<Long> flat = groups.stream().flatMap(List::stream).distinct().toList();
        List<List<T>> answer = new ArrayList<>(groups.size());
        for (List<Long> group : groups) {
            answer.add(group.stream().map(id -> found.get(flat.indexOf(id))).filter(Objects::nonNull).toList());
        }
        return answer;
    }
}
