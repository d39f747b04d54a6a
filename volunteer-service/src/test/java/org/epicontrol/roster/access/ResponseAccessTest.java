package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.epicontrol.roster.access.World.Who;
import org.epicontrol.roster.feed.AreaEvent;
import org.epicontrol.roster.feed.AreaEventKind;
import org.epicontrol.roster.response.ResponseTrigger;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A response of community A, read and worked on by every kind of caller. */
@QuarkusTest
class ResponseAccessTest {

    private static final Supplier<World> WORLD = World.perClass();
    private static final String RESPONSE = "query($r: ID!) { response(id: $r) { id state } }";

    @Inject
    ResponseTrigger trigger;

    private static String responseOfA;

    private String response() {
        if (responseOfA == null) {
            World world = WORLD.get();
            String area = "access-area-" + System.nanoTime();
            GRAPHQL.data("mutation($u: ID!, $a: ID!) { linkArea(unitId: $u, areaId: $a) { id } }",
                    Map.of("u", world.gridA, "a", area));
            trigger.handle(new AreaEvent(System.nanoTime(), AreaEventKind.DESIGNATED, area, List.of("root", area),
                    "小店区", "书林苑", "HIGH", "HIGH", LocalDate.now().plusDays(1), "n1", 1,
                    OffsetDateTime.now())).await().indefinitely();
            responseOfA = GRAPHQL.data("query($c: ID!) { community(id: $c) { responses { id } } }",
                    Map.of("c", world.communityA)).getString("community.responses[0].id");
        }
        return responseOfA;
    }

    @Test
    void aResponseIsReadByItsCommunitysStaffGridWorkersAndVolunteers() {
        for (Who who : List.of(Who.SYSTEM_ADMIN, Who.ADMIN_OF_A, Who.OFFICER_OF_DISTRICT, Who.GRID_WORKER_OF_A,
                Who.VOLUNTEER_OF_A)) {
            WORLD.get().as(who).post(RESPONSE, Map.of("r", response()))
                    .body("errors", nullValue()).body("data.response.id", equalTo(response()));
        }
    }

    @Test
    void aResponseIsRefusedToOutsiders() {
        for (Who who : List.of(Who.ADMIN_OF_B, Who.OFFICER_ELSEWHERE, Who.GRID_WORKER_OF_B, Who.VOLUNTEER_OF_B,
                Who.NOTICE_EDITOR)) {
            WORLD.get().as(who).post(RESPONSE, Map.of("r", response()))
                    .body("data.response", nullValue()).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        WORLD.get().as(Who.ANONYMOUS).post(RESPONSE, Map.of("r", response()))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void communityResponsesAndAreaResponseApplyTheRuleToEachResponse() {
        String community = "query($c: ID!) { community(id: $c) { name responses { id } } }";
        WORLD.get().as(Who.ADMIN_OF_B).post(community, Map.of("c", WORLD.get().communityA))
                .body("data.community.name", notNullValue())
                .body("data.community.responses", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].path", equalTo(List.of("community", "responses")));
        WORLD.get().as(Who.ADMIN_OF_A).post(community, Map.of("c", WORLD.get().communityA))
                .body("errors", nullValue()).body("data.community.responses[0].id", equalTo(response()));
    }

    @Test
    void responsesReachedByManyPathsOfOneQueryAreAnsweredTogether() {
        // several Hibernate Reactive reads of one request, side by side
        String query = "query($r: ID!, $c: ID!) { a: response(id: $r) { id notices { noticeNumber } }"
                + " b: response(id: $r) { id notices { noticeNumber } } community(id: $c) { responses { id } }"
                + " plans: responsePlans(level: \"HIGH\") { id } more: responsePlans(level: \"SEALED\") { id } }";
        WORLD.get().as(Who.ADMIN_OF_A).post(query, Map.of("r", response(), "c", WORLD.get().communityA))
                .body("errors", nullValue())
                .body("data.a.id", equalTo(response())).body("data.b.notices[0].noticeNumber", equalTo(1))
                .body("data.community.responses[0].id", equalTo(response()))
                .body("data.plans", notNullValue()).body("data.more", notNullValue());
    }

    @Test
    void aResponsesTasksAndUncoveredHoursKeepTheirOwnRules() {
        String tasks = "query($r: ID!) { response(id: $r) { id tasks { id } } }";
        WORLD.get().as(Who.VOLUNTEER_OF_A).post(tasks, Map.of("r", response()))
                .body("data.response.id", equalTo(response())).body("data.response.tasks", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        String uncovered = "query($r: ID!) { response(id: $r) { id uncovered { hours } } }";
        WORLD.get().as(Who.GRID_WORKER_OF_A).post(uncovered, Map.of("r", response()))
                .body("data.response.uncovered", nullValue()).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        WORLD.get().as(Who.ADMIN_OF_A).post(uncovered, Map.of("r", response()))
                .body("errors", nullValue()).body("data.response.uncovered", notNullValue());
    }

    @Test
    void onlyTheCommunitysAdministratorsCloseOrChangeItsPostsAndRounds() {
        String post = GRAPHQL.data("query($r: ID!) { response(id: $r) { posts { id } } }", Map.of("r", response()))
                .getString("response.posts[0].id");
        String round = GRAPHQL.data("query($r: ID!) { response(id: $r) { testingRounds { id } } }",
                Map.of("r", response())).getString("response.testingRounds[0].id");
        String update = "mutation($p: ID!) { updateDutyPost(id: $p, change: { requiredHeadcount: 3 }) { requiredHeadcount } }";
        String close = "mutation($p: ID!) { closeDutyPost(id: $p, reason: \"撤岗\") { id activeUntil } }";
        String complete = "mutation($r: ID!) { completeTestingRound(id: $r) { status } }";
        for (Who who : List.of(Who.ADMIN_OF_B, Who.OFFICER_OF_DISTRICT, Who.GRID_WORKER_OF_A, Who.VOLUNTEER_OF_A)) {
            WORLD.get().as(who).post(update, Map.of("p", post)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            WORLD.get().as(who).post(close, Map.of("p", post)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            WORLD.get().as(who).post(complete, Map.of("r", round)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        WORLD.get().as(Who.ADMIN_OF_A).post(update, Map.of("p", post))
                .body("errors", nullValue()).body("data.updateDutyPost.requiredHeadcount", equalTo(3));
        WORLD.get().as(Who.ADMIN_OF_A).post(complete, Map.of("r", round))
                .body("errors", nullValue()).body("data.completeTestingRound.status", equalTo("DONE"));
        WORLD.get().as(Who.ADMIN_OF_A).post(close, Map.of("p", post))
                .body("errors", nullValue()).body("data.closeDutyPost.activeUntil", notNullValue());
    }
}
