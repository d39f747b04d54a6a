package org.epicontrol.roster.request;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.request.RequestDeskTest.vars;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 接诉即办 figures on known data: requests taken through the API, their times set in the database. */
@QuarkusTest
class RequestFiguresTest {

    private static final String FIGURES = """
            query($u: ID!, $from: DateTime, $to: DateTime) { requestFigures(unitId: $u, from: $from, to: $to) {
              community { id } open overdue closed cancelled medianMinutesToClose } }""";
    private static final OffsetDateTime BASE = OffsetDateTime.parse("2022-11-20T08:00:00+08:00");

    @Inject
    Pool pool;

    @Test
    void eachCommunityUnderTheUnitHasItsOpenOverdueClosedAndMedianMinutesToClose() {
        RequestWorld world = new RequestWorld(pool);
        // A: closed after 10, 20 and 60 minutes, one cancelled, one open and overdue, one assigned in time
        closedAfter(world, world.communityA, BASE, 10);
        closedAfter(world, world.communityA, BASE.plusHours(1), 20);
        closedAfter(world, world.communityA, BASE.plusHours(2), 60);
        GRAPHQL.data(RequestWorld.CANCEL, vars("id", world.take(world.communityA, null, "ROUTINE"), "r", "重复"));
        String overdue = world.take(world.communityA, world.householdA2, "URGENT");
        sql("update resident_request set received_at = now() - interval '3 hours', due_at = now() - interval '1 hour'"
                + " where id = $1", overdue);
        String inTime = world.take(world.communityA, null, "ROUTINE");
        GRAPHQL.data(RequestWorld.ASSIGN, vars("id", inTime, "v", world.assigneeId));
        // B: closed after 30 minutes
        closedAfter(world, world.communityB, BASE.plusHours(3), 30);

        List<Map<String, Object>> street = world.officer.data(FIGURES, Map.of("u", world.street))
                .getList("requestFigures");
        assertEquals(List.of(line(world.communityA, 2, 1, 3, 1, 20.0), line(world.communityB, 0, 0, 1, 0, 30.0)),
                street, "one line per community, in id order");

        Map<String, Object> window = new HashMap<>(Map.of("u", world.street, "from", BASE.toString(),
                "to", BASE.plusMinutes(90).toString()));
        assertEquals(List.of(line(world.communityA, 0, 0, 2, 0, 15.0), line(world.communityB, 0, 0, 0, 0, null)),
                world.officer.data(FIGURES, window).getList("requestFigures"),
                "only the requests received in the window; a community without any has no median");

        assertEquals(List.of(line(world.communityA, 2, 1, 3, 1, 20.0)),
                world.adminA.data(FIGURES, Map.of("u", world.communityA)).getList("requestFigures"));
        GRAPHQL.post(RequestWorld.REQUESTS, Map.of("u", world.communityA, "o", true))
                .body("data.requests.edges.node.id", equalTo(List.of(overdue)));
    }

    @Test
    void theFiguresAreForTheStaffOfTheUnit() {
        RequestWorld world = new RequestWorld(pool);
        for (GraphQLClient refused : List.of(world.adminA, world.adminB, world.gridWorkerA1, world.assignee,
                world.officerElsewhere)) {
            refused.post(FIGURES, Map.of("u", world.street))
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        world.gridWorkerA1.post(FIGURES, Map.of("u", world.communityA)).body("errors[0].extensions.code",
                equalTo("FORBIDDEN"));
        world.anonymous.post(FIGURES, Map.of("u", world.communityA)).body("errors[0].extensions.code",
                equalTo("UNAUTHENTICATED"));
        world.adminB.post(FIGURES, Map.of("u", world.communityA)).body("errors[0].extensions.code",
                equalTo("FORBIDDEN"));
    }

    private void closedAfter(RequestWorld world, String community, OffsetDateTime received, int minutes) {
        String id = world.take(community, null, "ROUTINE");
        GRAPHQL.data(RequestWorld.CLOSE, vars("id", id, "o", "已办结"));
        pool.preparedQuery("update resident_request set received_at = $2, due_at = $2 + interval '1 day',"
                        + " closed_at = $2 + make_interval(mins => $3) where id = $1")
                .execute(Tuple.of(Long.parseLong(id), received, minutes)).await().indefinitely();
    }

    private void sql(String update, String id) {
        pool.preparedQuery(update).execute(Tuple.of(Long.parseLong(id))).await().indefinitely();
    }

    private static Map<String, Object> line(String community, int open, int overdue, int closed, int cancelled,
                                            Double median) {
        Map<String, Object> line = new HashMap<>();
        line.put("community", Map.of("id", community));
        line.put("open", open);
        line.put("overdue", overdue);
        line.put("closed", closed);
        line.put("cancelled", cancelled);
        line.put("medianMinutesToClose", median == null ? null : median.floatValue());
        return line;
    }
}
