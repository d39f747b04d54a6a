package org.epicontrol.roster.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.task.Concurrently;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.scalar;
import static org.epicontrol.roster.request.RequestWorld.ASSIGN;
import static org.epicontrol.roster.request.RequestWorld.CANCEL;
import static org.epicontrol.roster.request.RequestWorld.CLOSE;
import static org.epicontrol.roster.request.RequestWorld.TAKE;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Taking, assigning, closing and cancelling requests: the transitions, the clock, the checks, the trail. */
@QuarkusTest
class RequestDeskTest {

    @Inject
    Pool pool;

    @Inject
    RequestsConfig config;

    @Test
    void aRequestIsDueWithinTheResponseTimeOfItsUrgency() {
        RequestWorld world = new RequestWorld(pool);
        for (String urgency : List.of("EMERGENCY", "URGENT", "ROUTINE")) {
            JsonPath taken = world.gridWorkerA1.data(TAKE, Map.of("in", RequestWorld.input(world.communityA,
                    world.householdA1, urgency))).setRootPath("data.takeRequest");
            Duration within = Duration.between(OffsetDateTime.parse(taken.getString("receivedAt")),
                    OffsetDateTime.parse(taken.getString("dueAt")));
            assertEquals(config.respondWithin().of(RequestUrgency.valueOf(urgency)), within, urgency);
            assertEquals("OPEN", taken.getString("status"));
            assertEquals("grid-a1", taken.getString("takenBy"));
            assertEquals("PHONE", taken.getString("channel"));
            assertEquals(world.householdA1, taken.getString("household.id"));
            assertEquals(world.communityA, taken.getString("community.id"));
            assertEquals(0, taken.getInt("escalationLevel"));
            assertFalse(taken.getBoolean("overdue"));
        }
    }

    @Test
    void aRequestGoesFromOpenToAssignedToDoneAndThenMovesNoMore() {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, world.householdA1, "URGENT");

        JsonPath assigned = world.adminA.data(ASSIGN, vars("id", id, "v", world.assigneeId)).setRootPath("data.assignRequest");
        assertEquals("ASSIGNED", assigned.getString("status"));
        assertEquals(world.assigneeId, assigned.getString("assignee.id"));
        assertNotNull(assigned.getString("assignedAt"));

        JsonPath done = world.gridWorkerA1.data(CLOSE, vars("id", id, "o", "已送药上门")).setRootPath("data.closeRequest");
        assertEquals("DONE", done.getString("status"));
        assertEquals("已送药上门", done.getString("outcome"));
        assertNotNull(done.getString("closedAt"));

        for (Map.Entry<String, Map<String, Object>> move : Map.of(
                CLOSE, vars("id", id, "o", "again"),
                CANCEL, vars("id", id, "r", "不需要了"),
                ASSIGN, vars("id", id, "v", world.otherVolunteerId)).entrySet()) {
            world.adminA.post(move.getKey(), move.getValue())
                    .body("errors[0].extensions.code", equalTo("INVALID_TRANSITION"));
        }
        GRAPHQL.post(RequestWorld.REQUEST, vars("id", id))
                .body("data.request.status", equalTo("DONE"))
                .body("data.request.outcome", equalTo("已送药上门"))
                .body("data.request.assignee.id", equalTo(world.assigneeId));
        assertEquals(3, scalar(pool, "select count(*) from audit_event where target_type = 'ResidentRequest'"
                + " and target_id = $1", id), "taken, assigned, closed");
    }

    @Test
    void anOpenOrAssignedRequestIsCancelledWithItsReason() {
        RequestWorld world = new RequestWorld(pool);
        String open = world.take(world.communityA, null, "ROUTINE");
        String assigned = world.take(world.communityA, null, "ROUTINE");
        world.adminA.data(ASSIGN, vars("id", assigned, "v", world.assigneeId));

        for (String id : List.of(open, assigned)) {
            JsonPath cancelled = world.adminA.data(CANCEL, vars("id", id, "r", "居民已自行解决"))
                    .setRootPath("data.cancelRequest");
            assertEquals("CANCELLED", cancelled.getString("status"));
            assertEquals("居民已自行解决", cancelled.getString("cancelReason"));
            assertNull(cancelled.getString("outcome"));
        }
    }

    @Test
    void ofConcurrentClosesOfOneRequestExactlyOneWins() throws Exception {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, world.householdA1, "EMERGENCY");
        List<Callable<JsonPath>> closes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String outcome = "办结" + i;
            boolean close = i % 2 == 0;
            closes.add(() -> world.adminA.post(close ? CLOSE : CANCEL,
                    close ? vars("id", id, "o", outcome) : vars("id", id, "r", outcome)).extract().jsonPath());
        }

        List<JsonPath> answers = Concurrently.run(closes);

        assertEquals(1, answers.stream().filter(a -> a.get("errors") == null).count(), "one winner");
        assertEquals(9, answers.stream()
                .filter(a -> "INVALID_TRANSITION".equals(a.getString("errors[0].extensions.code"))).count());
        assertEquals(1, scalar(pool, "select count(*) from audit_event where target_type = 'ResidentRequest'"
                + " and target_id = $1 and action in ('CLOSE_REQUEST', 'CANCEL_REQUEST')", id));
    }

    @Test
    void aRequestIsAssignedToAVolunteerOrATeamOfItsCommunityOnly() {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, null, "ROUTINE");
        String teamOfA = team(world.communityA);
        String cityWide = team(null);
        String teamOfB = team(world.communityB);

        GRAPHQL.post(ASSIGN, vars("id", id, "t", teamOfA)).body("data.assignRequest.team.id", equalTo(teamOfA))
                .body("data.assignRequest.assignee", nullValue());
        GRAPHQL.post(ASSIGN, vars("id", id, "t", cityWide)).body("data.assignRequest.team.id", equalTo(cityWide));
        GRAPHQL.post(ASSIGN, vars("id", id, "v", world.assigneeId))
                .body("data.assignRequest.assignee.id", equalTo(world.assigneeId))
                .body("data.assignRequest.team", nullValue());

        for (Map<String, Object> wrong : List.of(vars("id", id, "t", teamOfB), vars("id", id, "v", world.volunteerB),
                vars("id", id), vars("id", id, "v", world.assigneeId, "t", teamOfA))) {
            GRAPHQL.post(ASSIGN, wrong).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        }
        GRAPHQL.post(RequestWorld.REQUEST, vars("id", id))
                .body("data.request.assignee.id", equalTo(world.assigneeId));
    }

    @Test
    void badInputIsATypedErrorAndStoresNothing() {
        RequestWorld world = new RequestWorld(pool);
        long before = scalar(pool, "select count(*) from resident_request");
        Map<String, Map<String, Object>> bad = new HashMap<>();
        bad.put("INVALID_INPUT household of another community", RequestWorld.input(world.communityA,
                world.householdB1, "URGENT"));
        bad.put("INVALID_INPUT a grid is not a community", RequestWorld.input(world.gridA1, null, "URGENT"));
        Map<String, Object> channel = RequestWorld.input(world.communityA, null, "URGENT");
        channel.put("channel", "CARRIER_PIGEON");
        bad.put("INVALID_INPUT unknown channel", channel);
        Map<String, Object> blank = RequestWorld.input(world.communityA, null, "URGENT");
        blank.put("description", "   ");
        bad.put("INVALID_INPUT blank description", blank);
        bad.put("NOT_FOUND no such household", RequestWorld.input(world.communityA, "987654321", "URGENT"));
        bad.put("NOT_FOUND no such community", RequestWorld.input("987654321", null, "URGENT"));

        bad.forEach((why, in) -> GRAPHQL.post(TAKE, Map.of("in", in))
                .body("data.takeRequest", nullValue())
                .body("errors[0].extensions.code", equalTo(why.substring(0, why.indexOf(' ')))));
        assertEquals(before, scalar(pool, "select count(*) from resident_request"));

        String id = world.take(world.communityA, null, "URGENT");
        GRAPHQL.post(CLOSE, vars("id", id, "o", " ")).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        GRAPHQL.post(CLOSE, vars("id", "987654321", "o", "x")).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        GRAPHQL.post(RequestWorld.REQUEST, vars("id", id)).body("data.request.status", equalTo("OPEN"));
    }

    @Test
    void theDatabaseRefusesARequestWhoseStatusAndFieldsDisagree() {
        RequestWorld world = new RequestWorld(pool);
        long id = Long.parseLong(world.take(world.communityA, null, "URGENT"));
        for (String broken : List.of(
                "update resident_request set status = 'DONE' where id = $1",
                "update resident_request set status = 'ASSIGNED' where id = $1",
                "update resident_request set assignee_id = " + world.assigneeId + " where id = $1",
                "update resident_request set due_at = received_at where id = $1",
                "update resident_request set escalation_level = 3, escalated_at = now() where id = $1",
                "update resident_request set household_id = " + world.householdB1 + " where id = $1")) {
            PgException refused = assertThrows(PgException.class, () -> pool.preparedQuery(broken)
                    .execute(Tuple.of(id)).await().indefinitely(), broken);
            // 23514 check_violation, 23503 foreign_key_violation
            assertTrue(List.of("23514", "23503").contains(refused.getSqlState()), broken + ": " + refused.getMessage());
        }
    }

    private static String team(String community) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("n", RosterFixtures.unique("送药队"));
        vars.put("c", community);
        return GRAPHQL.data("mutation($n: String!, $c: ID) { createTeam(name: $n, communityId: $c) { id } }", vars)
                .getString("createTeam.id");
    }

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            vars.put((String) pairs[i], pairs[i + 1]);
        }
        return vars;
    }
}
