package org.epicontrol.roster.mobilisation;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.common.PageRequest;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.people.Team;
import org.epicontrol.roster.people.Teams;
import org.epicontrol.roster.people.Volunteer;
import org.epicontrol.roster.people.Volunteers;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.response.Response;
import org.epicontrol.roster.response.Responses;
import org.epicontrol.roster.shift.Assignment;

import java.util.List;

/**
 * Call-outs: made and closed by the community's administrators; read by the community's staff and volunteers
 * ({@link AccessRules#mayReadCallOut}); answered by the invited volunteer himself or an administrator for him
 * ({@link AccessRules#mayTakePartIn} on the call-out, {@link AccessRules#mayActAs} on the volunteer). Who answered
 * what ({@code answers}) only for the community's staff; a volunteer reads their own ({@code myAnswer}).
 */
@GraphQLApi
public class CallOutGraphQLApi {

    private final CallOuts callOuts;
    private final CallOutAnswers answers;
    private final Volunteers volunteers;
    private final Teams teams;
    private final DutyPosts posts;
    private final Responses responses;
    private final OrgUnits units;
    private final RosterAccess access;
    private final PageRequest pages;

    public CallOutGraphQLApi(CallOuts callOuts, CallOutAnswers answers, Volunteers volunteers, Teams teams,
                             DutyPosts posts, Responses responses, OrgUnits units, RosterAccess access, PageRequest pages) {
        this.callOuts = callOuts;
        this.answers = answers;
        this.volunteers = volunteers;
        this.teams = teams;
        this.posts = posts;
        this.responses = responses;
        this.units = units;
        this.access = access;
        this.pages = pages;
    }

    @Mutation("callOut")
    @Description("Calls the community's active volunteers matching the criteria for the shifts of a post, a response"
            + " or the community's posts in [from, to); each is invited and answers yes or no")
    public Uni<CallOut> callOut(@NonNull CallOutInput input) {
        long community = Ids.parse(input.communityId());
        Long post = input.postId() == null ? null : Ids.parse(input.postId());
        Long response = input.responseId() == null ? null : Ids.parse(input.responseId());
        Long team = input.teamId() == null ? null : Ids.parse(input.teamId());
        CallOuts.Call call = new CallOuts.Call(community, post, response, input.from(), input.to(), input.kinds(),
                input.skills(), team, input.message());
        return access.manage("callOut", Target.UNIT, community)
                .map(p -> post == null ? p : p.and(Target.POST, post, AccessRules::mayManage))
                .map(p -> response == null ? p : p.and(Target.RESPONSE, response, AccessRules::mayManage))
                .map(p -> team == null ? p : p.and(Target.TEAM, team, AccessRules::mayUseTeam))
                .chain(p -> callOuts.create(call, p));
    }

    @Mutation("answerCallOut")
    @Description("The invited volunteer (or an administrator for him) answers; yes with shifts signs him up for each"
            + " under the roster rules: refused shifts come back in refused with their rule's code, the others are kept."
            + " Answering again changes the answer; a later no does not cancel sign-ups already made")
    public Uni<CallOutAnswer> answerCallOut(@Id @NonNull String callOutId, @Id @NonNull String volunteerId,
                                            @NonNull boolean accept,
                                            // [String], not [ID]: SmallRye GraphQL 2.17 cannot coerce the elements of
                                            // an @Id list argument ("Unknown Scalar Type [java.util.List]")
                                            List<String> shiftIds) {
        long call = Ids.parse(callOutId);
        long volunteer = Ids.parse(volunteerId);
        List<Long> shifts = shiftIds == null ? List.of()
                : shiftIds.stream().filter(java.util.Objects::nonNull).map(Ids::parse).toList();
        return access.actFor("answerCallOut", Target.CALL_OUT, call, volunteer)
                .chain(p -> answers.answer(call, volunteer, accept, shifts, p));
    }

    @Mutation("closeCallOut")
    public Uni<CallOut> closeCallOut(@Id @NonNull String id) {
        long call = Ids.parse(id);
        return access.manage("closeCallOut", Target.CALL_OUT, call).chain(p -> callOuts.close(call, p));
    }

    @Query("callOut")
    public Uni<CallOut> callOut(@Id @NonNull String id) {
        long call = Ids.parse(id);
        return access.readObject("callOut", Target.CALL_OUT, call)
                .chain(() -> callOuts.byIds(List.of(call))).map(list -> list.get(0));
    }

    @Query("callOuts")
    @Description("A community's call-outs, newest first: for its staff and its volunteers")
    public Uni<List<CallOut>> callOuts(@Id @NonNull String communityId, Boolean openOnly, Integer first) {
        long community = Ids.parse(communityId);
        return access.readUnder("callOuts", community, AccessRules::mayReadCallOut)
                .chain(() -> callOuts.ofCommunity(community, Boolean.TRUE.equals(openOnly), pages.size(first)));
    }

    @Query("myCallOuts")
    @Description("The call-outs the signed-in volunteer is invited to, open ones first")
    public Uni<List<CallOut>> myCallOuts(Integer first) {
        return access.signedIn("myCallOuts").chain(scope -> scope.volunteerId() == null
                ? Uni.createFrom().item(List.<CallOut>of())
                : callOuts.ofVolunteer(scope.volunteerId(), pages.size(first)));
    }

    public Uni<List<Community>> community(@Source List<CallOut> list) {
        return units.byIds(list.stream().map(CallOut::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("The post the call is for, if any")
    public Uni<List<DutyPost>> post(@Source List<CallOut> list) {
        return posts.byIds(list.stream().map(k -> k.postId() == null ? 0L : k.postId()).toList())
                .chain(found -> access.visible("CallOut.post", Target.POST, found, DutyPost::numericId));
    }

    @Description("The response the call is for, if any")
    public Uni<List<Response>> response(@Source List<CallOut> list) {
        return responses.byIds(list.stream().map(k -> k.responseId() == null ? 0L : k.responseId()).toList())
                .chain(found -> access.visible("CallOut.response", Target.RESPONSE, found, Response::numericId));
    }

    @Description("The team whose members were called, if any")
    public Uni<List<Team>> team(@Source List<CallOut> list) {
        return teams.byIds(list.stream().map(k -> k.teamId() == null ? 0L : k.teamId()).toList());
    }

    @Description("Every invited volunteer's answer: for the community's administrators and district officers")
    public Uni<List<List<CallOutAnswer>>> answers(@Source List<CallOut> list) {
        return access.callOutAnswers("CallOut.answers", list.stream().map(CallOut::numericId).toList(),
                answers::ofCallOuts, CallOutAnswer::volunteerId);
    }

    @Description("The signed-in volunteer's own answer (null if not invited)")
    public Uni<List<CallOutAnswer>> myAnswer(@Source List<CallOut> list) {
        return access.signedIn("CallOut.myAnswer").chain(scope -> scope.volunteerId() == null
                ? Uni.createFrom().item(list.stream().map(k -> (CallOutAnswer) null).toList())
                : answers.ofVolunteer(list.stream().map(CallOut::numericId).toList(), scope.volunteerId()));
    }

    public Uni<List<Volunteer>> volunteer(@Source List<CallOutAnswer> list) {
        return volunteers.byIds(list.stream().map(CallOutAnswer::volunteerId).toList())
                .chain(found -> access.visible("CallOutAnswer.volunteer", Target.VOLUNTEER, found, Volunteer::numericId));
    }

    @Description("The sign-ups this answer made (whatever became of them since)")
    public Uni<List<List<Assignment>>> assignments(@Source List<CallOutAnswer> list) {
        return answers.signUpsOf(list)
                .chain(found -> access.visibleLists("CallOutAnswer.assignments", Target.ASSIGNMENT, found,
                        Assignment::numericId));
    }
}
