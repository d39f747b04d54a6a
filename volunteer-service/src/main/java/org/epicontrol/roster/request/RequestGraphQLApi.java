package org.epicontrol.roster.request;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
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
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.alert.AlertView;
import org.epicontrol.roster.household.Household;
import org.epicontrol.roster.household.Households;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.people.Team;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Teams;
import org.epicontrol.roster.people.Volunteers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

@GraphQLApi
public class RequestGraphQLApi {

    private final Requests requests;
    private final RequestDesk desk;
    private final OrgUnits units;
    private final Households households;
    private final Volunteers volunteers;
    private final Teams teams;
    private final PageRequest pages;
    private final RosterAccess access;

    public RequestGraphQLApi(Requests requests, RequestDesk desk, OrgUnits units, Households households,
                             Volunteers volunteers, Teams teams, PageRequest pages, RosterAccess access) {
        this.requests = requests;
        this.desk = desk;
        this.units = units;
        this.households = households;
        this.volunteers = volunteers;
        this.teams = teams;
        this.pages = pages;
        this.access = access;
    }

    @Mutation("takeRequest")
    @Description("A resident's request taken by the community's staff or grid workers: OPEN, due within the response"
            + " time of its urgency")
    public Uni<@NonNull ResidentRequest> takeRequest(@NonNull RequestInput input) {
        return Uni.createFrom().deferred(() -> {
            long community = Ids.parse(input.communityId());
            Long household = input.householdId() == null ? null : Ids.parse(input.householdId());
            return access.write("takeRequest", RosterAccess.FIELD_STAFF, Target.UNIT, community,
                            AccessRules::mayHandleRequests)
                    .map(permit -> household == null ? permit
                            : permit.and(Target.HOUSEHOLD, household, AccessRules::mayHandleRequests))
                    .chain(permit -> desk.take(input, household, OffsetDateTime.now(), permit));
        });
    }

    @Mutation("assignRequest")
    @Description("OPEN or ASSIGNED → ASSIGNED: to a volunteer of the request's community, or to a team (the"
            + " community's or a city-wide one); name one of them")
    public Uni<@NonNull ResidentRequest> assignRequest(@Id @NonNull String id, @Id String volunteerId,
                                                       @Id String teamId) {
        return Uni.createFrom().deferred(() -> {
            long request = Ids.parse(id);
            Long volunteer = volunteerId == null ? null : Ids.parse(volunteerId);
            Long team = teamId == null ? null : Ids.parse(teamId);
            return handling("assignRequest", request).map(permit -> {
                Permit named = volunteer == null ? permit : permit.and(Target.VOLUNTEER, volunteer, AccessRules::mayAssignTo);
                return team == null ? named : named.and(Target.TEAM, team, AccessRules::mayAssignTeam);
            }).chain(permit -> desk.assign(request, volunteer, team, OffsetDateTime.now(), permit));
        });
    }

    @Mutation("closeRequest")
    @Description("OPEN or ASSIGNED → DONE, with what was done. Of concurrent closes one wins; the others get"
            + " INVALID_TRANSITION")
    public Uni<@NonNull ResidentRequest> closeRequest(@Id @NonNull String id, @NonNull String outcome) {
        return Uni.createFrom().deferred(() -> handling("closeRequest", Ids.parse(id))
                .chain(permit -> desk.close(Ids.parse(id), outcome, OffsetDateTime.now(), permit)));
    }

    @Mutation("cancelRequest")
    @Description("OPEN or ASSIGNED → CANCELLED, with the reason")
    public Uni<@NonNull ResidentRequest> cancelRequest(@Id @NonNull String id, @NonNull String reason) {
        return Uni.createFrom().deferred(() -> handling("cancelRequest", Ids.parse(id))
                .chain(permit -> desk.cancel(Ids.parse(id), reason, OffsetDateTime.now(), permit)));
    }

    @Query("request")
    @Description("One resident's request")
    public Uni<ResidentRequest> request(@Id @NonNull String id) {
        return Uni.createFrom().deferred(() -> {
            long request = Ids.parse(id);
            return access.readObject("request", Target.REQUEST, request)
                    .chain(() -> requests.byIds(List.of(request))).map(found -> found.get(0));
        });
    }

    @Query("requests")
    @Description("Residents' requests under a unit (community, grid or building), newest first; overdueOnly: still"
            + " open and past their due time")
    public Uni<@NonNull ResidentRequestConnection> requests(@Id @NonNull String unitId, RequestStatus status,
                                                            @DefaultValue("false") Boolean overdueOnly,
                                                            @DefaultValue("50") Integer first, String after) {
        return Uni.createFrom().deferred(() -> {
            long unit = Ids.parse(unitId);
            int size = pages.size(first);
            return access.readRequests("requests", unit)
                    .chain(() -> requests.page(unit, status, Boolean.TRUE.equals(overdueOnly), size, after))
                    .chain(page -> access.readable("requests", Target.REQUEST, page.requests(),
                            ResidentRequest::numericId).map(page::connection));
        });
    }

    @Query("requestFigures")
    @Description("The 接诉即办 figures, one line per community under the unit: of the requests received in [from, to)"
            + " (either open-ended), how many are open, overdue now, closed, cancelled, and the median minutes to close")
    public Uni<@NonNull List<@NonNull RequestFigures>> requestFigures(@Id @NonNull String unitId, OffsetDateTime from,
                                                                      OffsetDateTime to) {
        return Uni.createFrom().deferred(() -> {
            long unit = Ids.parse(unitId);
            return access.readStaffing("requestFigures", Target.UNIT, unit)
                    .chain(() -> requests.figures(unit, from, to, OffsetDateTime.now()));
        });
    }

    @NonNull
    public Uni<List<Community>> community(@Source List<ResidentRequest> list) {
        return communities(list.stream().map(ResidentRequest::communityId).toList());
    }

    @NonNull
    @Name("community")
    @Description("The community the figures are of")
    public Uni<List<Community>> figuresCommunity(@Source List<RequestFigures> list) {
        return communities(list.stream().map(RequestFigures::communityId).toList());
    }

    @Description("The household it comes from, if it names one (the household's own rule applies)")
    public Uni<List<Household>> household(@Source List<ResidentRequest> list) {
        return households.byIds(ids(list, ResidentRequest::householdId))
                .chain(found -> access.visible("ResidentRequest.household", Target.HOUSEHOLD, found,
                        Household::numericId));
    }

    @Description("The volunteer it is assigned to")
    public Uni<List<Volunteer>> assignee(@Source List<ResidentRequest> list) {
        return volunteers.byIds(ids(list, ResidentRequest::assigneeId))
                .chain(found -> access.visible("ResidentRequest.assignee", Target.VOLUNTEER, found,
                        Volunteer::numericId));
    }

    @Description("The team it is assigned to")
    public Uni<List<Team>> team(@Source List<ResidentRequest> list) {
        return teams.byIds(ids(list, ResidentRequest::teamId))
                .chain(found -> access.visible("ResidentRequest.team", Target.TEAM, found,
                        t -> Long.parseLong(t.id())));
    }

    @Description("On a REQUEST_ESCALATED alert: the request (its own rule applies)")
    public Uni<List<ResidentRequest>> request(@Source List<AlertView> list) {
        return requests.byIds(list.stream().map(a -> a.requestId() == null ? 0L : Long.parseLong(a.requestId()))
                        .toList())
                .chain(found -> access.visible("Alert.request", Target.REQUEST, found, ResidentRequest::numericId));
    }

    private Uni<Permit> handling(String operation, long request) {
        return access.write(operation, RosterAccess.FIELD_STAFF, Target.REQUEST, request, AccessRules::mayHandleRequests);
    }

    private Uni<List<Community>> communities(List<Long> ids) {
        return units.byIds(ids, OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    private static <T> List<Long> ids(List<T> list, Function<T, Long> idOf) {
        return list.stream().map(idOf).map(id -> id == null ? 0L : id).toList();
    }
}
