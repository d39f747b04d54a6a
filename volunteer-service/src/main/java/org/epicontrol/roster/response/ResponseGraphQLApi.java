package org.epicontrol.roster.response;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.epicontrol.common.Ids;
import org.epicontrol.roster.access.AccessRules;
import org.epicontrol.roster.access.RosterAccess;
import org.epicontrol.roster.access.Target;
import org.epicontrol.roster.area.Area;
import org.epicontrol.roster.coverage.CoverageGap;
import org.epicontrol.roster.org.Community;
import org.epicontrol.roster.org.OrgKind;
import org.epicontrol.roster.org.OrgUnits;
import org.epicontrol.roster.persistence.Reading;
import org.epicontrol.roster.post.DutyPost;
import org.epicontrol.roster.post.DutyPosts;
import org.epicontrol.roster.task.Task;
import org.epicontrol.roster.task.Tasks;
import org.epicontrol.roster.testing.TestingRound;
import org.epicontrol.roster.testing.TestingRounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Responses: {@code response(id)}, {@code Community.responses}, {@code Area.response} and the response's own fields.
 * Every response is checked with {@link AccessRules#mayReadResponse} where it is resolved; its posts, testing
 * rounds, tasks and uncovered hours with the rules of their own types. Its notices and community are shown with the
 * response (nothing personal).
 */
@GraphQLApi
public class ResponseGraphQLApi {

    private final Responses responses;
    private final Reading reading;
    private final ResponseStates states;
    private final DutyPosts posts;
    private final TestingRounds rounds;
    private final Tasks tasks;
    private final OrgUnits units;
    private final RosterAccess access;

    public ResponseGraphQLApi(Responses responses, Reading reading, ResponseStates states, DutyPosts posts,
                              TestingRounds rounds, Tasks tasks, OrgUnits units, RosterAccess access) {
        this.responses = responses;
        this.reading = reading;
        this.states = states;
        this.posts = posts;
        this.rounds = rounds;
        this.tasks = tasks;
        this.units = units;
        this.access = access;
    }

    @Query("response")
    public Uni<Response> response(@Id @NonNull String id) {
        long response = Ids.parse(id);
        return access.readObject("response", Target.RESPONSE, response)
                .chain(() -> responses.byIds(List.of(response))).map(list -> list.get(0));
    }

    @Description("The community's responses, newest first; only those in a state when given")
    public Uni<List<List<Response>>> responses(@Source List<Community> communities, ResponseState state) {
        List<Long> ids = communities.stream().map(c -> Long.parseLong(c.id())).toList();
        return access.signedIn("Community.responses").chain(() -> responses.ofCommunities(ids, state))
                .chain(found -> access.visibleLists("Community.responses", Target.RESPONSE, found, Response::numericId));
    }

    @Description("The area's open response (else its latest), or the response of the area containing it that a notice"
            + " naming this area was noted on")
    public Uni<List<Response>> response(@Source List<Area> areas) {
        return access.signedIn("Area.response").chain(() -> responses.ofAreas(areas.stream().map(Area::id).toList()))
                .chain(found -> access.visible("Area.response", Target.RESPONSE, found, Response::numericId));
    }

    public Uni<List<Community>> community(@Source List<Response> list) {
        return units.byIds(list.stream().map(Response::communityId).toList(), OrgKind.COMMUNITY)
                .map(found -> found.stream().map(u -> u == null ? null : Community.of(u)).toList());
    }

    @Description("The notice-service Area it answers")
    public List<Area> area(@Source List<Response> list) {
        return list.stream().map(r -> Area.byKey(r.areaId())).toList();
    }

    @Description("The posts it opened (closed ones too, with their active period)")
    public Uni<List<List<DutyPost>>> posts(@Source List<Response> list) {
        return posts.ofResponses(ids(list))
                .chain(found -> access.visibleLists("Response.posts", Target.POST, found, DutyPost::numericId));
    }

    public Uni<List<List<TestingRound>>> testingRounds(@Source List<Response> list) {
        return rounds.ofResponses(ids(list)).chain(found -> access.visibleLists("Response.testingRounds",
                Target.TESTING_ROUND, found, TestingRound::numericId));
    }

    @Description("The tasks it created (door-to-door, daily supply delivery ...)")
    public Uni<List<List<Task>>> tasks(@Source List<Response> list) {
        return tasks.ofResponses(ids(list))
                .chain(found -> access.visibleLists("Response.tasks", Target.TASK, found, Task::numericId));
    }

    @Description("Post-hours of its posts still short of people in the next 24 h (from when the posts start)")
    public Uni<List<List<CoverageGap>>> uncovered(@Source List<Response> list) {
        return states.uncovered(ids(list))
                .chain(found -> access.visibleStaffing("Response.uncovered", found, CoverageGap::postId));
    }

    @Description("The notice changes that opened, changed or closed it, in feed order")
    public Uni<List<List<DrivingNotice>>> notices(@Source List<Response> list) {
        List<Long> ids = ids(list);
        return reading.apply(s -> s.createSelectionQuery("from DrivingNoticeEntity where responseId in ?1"
                + " order by sequence, id", DrivingNoticeEntity.class).setParameter(1, ids).getResultList()).map(found -> {
                    Map<Long, List<DrivingNotice>> byResponse = new HashMap<>();
                    found.forEach(n -> byResponse.computeIfAbsent(n.responseId, k -> new ArrayList<>())
                            .add(DrivingNotice.of(n)));
                    return ids.stream().map(id -> byResponse.getOrDefault(id, List.of())).toList();
                });
    }

    private static List<Long> ids(List<Response> list) {
        return list.stream().map(Response::numericId).toList();
    }
}
