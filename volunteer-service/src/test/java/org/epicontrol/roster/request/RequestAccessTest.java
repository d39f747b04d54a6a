package org.epicontrol.roster.request;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.scalar;
import static org.epicontrol.roster.request.RequestDeskTest.vars;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who reads and handles residents' requests, caller by caller: admins of A and B, officers in and out of the
 * district, grid workers of the household's grid, of another grid of A and of B, the assignee, another volunteer,
 * anonymous. Refused writes change nothing.
 */
@QuarkusTest
class RequestAccessTest {

    @Inject
    Pool pool;

    @Test
    void aHouseholdsRequestIsReadByItsCommunitysStaffItsGridsWorkerAndItsAssigneeOnly() {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, world.householdA1, "URGENT");
        GRAPHQL.data(RequestWorld.ASSIGN, vars("id", id, "v", world.assigneeId));

        for (GraphQLClient reader : List.of(world.adminA, world.officer, world.gridWorkerA1)) {
            reader.post(RequestWorld.REQUEST, vars("id", id))
                    .body("data.request.id", equalTo(id))
                    .body("data.request.household.id", equalTo(world.householdA1))
                    .body("errors", nullValue());
        }
        // the assignee reads the request; its household keeps the register's own rule (staff, grid worker, captain)
        world.assignee.post(RequestWorld.REQUEST, vars("id", id))
                .body("data.request.id", equalTo(id))
                .body("data.request.assignee.id", equalTo(world.assigneeId))
                .body("data.request.household", nullValue())
                .body("errors[0].path", equalTo(List.of("request", "household")))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        for (GraphQLClient outsider : List.of(world.adminB, world.officerElsewhere, world.gridWorkerA2,
                world.gridWorkerB1, world.otherVolunteer)) {
            outsider.post(RequestWorld.REQUEST, vars("id", id))
                    .body("data.request", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        world.anonymous.post(RequestWorld.REQUEST, vars("id", id))
                .body("data.request", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aRequestWithoutAHouseholdIsReadByEveryGridWorkerOfItsCommunity() {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, null, "ROUTINE");

        for (GraphQLClient reader : List.of(world.gridWorkerA1, world.gridWorkerA2)) {
            reader.post(RequestWorld.REQUEST, vars("id", id)).body("data.request.id", equalTo(id));
        }
        world.gridWorkerB1.post(RequestWorld.REQUEST, vars("id", id))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aListHoldsOnlyTheRequestsTheCallerMayReadAndAnOutsidersListIsRefused() {
        RequestWorld world = new RequestWorld(pool);
        String ofA1 = world.take(world.communityA, world.householdA1, "ROUTINE");
        String ofA2 = world.take(world.communityA, world.householdA2, "ROUTINE");
        String ofCommunity = world.take(world.communityA, null, "ROUTINE");
        String ofB = world.take(world.communityB, world.householdB1, "ROUTINE");

        assertEquals(List.of(ofCommunity, ofA2, ofA1), RequestWorld.listed(world.adminA, world.communityA),
                "newest first");
        assertEquals(List.of(ofB, ofCommunity, ofA2, ofA1), RequestWorld.listed(world.officer, world.street));
        assertEquals(List.of(ofCommunity, ofA2), RequestWorld.listed(world.gridWorkerA2, world.communityA),
                "another grid's households' requests are left out");
        assertEquals(List.of(ofA1), RequestWorld.listed(world.gridWorkerA1, world.gridA1));
        for (GraphQLClient outsider : List.of(world.adminB, world.gridWorkerB1, world.assignee, world.officerElsewhere)) {
            outsider.post(RequestWorld.REQUESTS, Map.of("u", world.communityA))
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        world.gridWorkerA1.post(RequestWorld.REQUESTS, Map.of("u", world.gridA2))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        world.anonymous.post(RequestWorld.REQUESTS, Map.of("u", world.communityA))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void pagesFollowTheCursor() {
        RequestWorld world = new RequestWorld(pool);
        List<String> taken = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(0, world.take(world.communityB, null, "ROUTINE"));
        }
        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> vars = new java.util.HashMap<>(Map.of("u", world.communityB, "first", 2));
            vars.put("after", after);
            var page = world.adminB.data(RequestWorld.REQUESTS, vars);
            seen.addAll(page.getList("requests.edges.node.id"));
            more = page.getBoolean("requests.pageInfo.hasNextPage");
            after = page.getString("requests.pageInfo.endCursor");
        }
        assertEquals(taken, seen);
    }

    @Test
    void onlyTheCommunitysAdminsAndGridWorkersTakeRequestsAndARefusalStoresNothing() {
        RequestWorld world = new RequestWorld(pool);
        world.gridWorkerA1.post(RequestWorld.TAKE, Map.of("in", RequestWorld.input(world.communityA,
                world.householdA1, "URGENT"))).body("data.takeRequest.status", equalTo("OPEN"));
        world.adminA.post(RequestWorld.TAKE, Map.of("in", RequestWorld.input(world.communityA, world.householdA2,
                "URGENT"))).body("data.takeRequest.status", equalTo("OPEN"));
        long before = count(world);

        Map<GraphQLClient, Map<String, Object>> refused = Map.of(
                world.gridWorkerA2, RequestWorld.input(world.communityA, world.householdA1, "URGENT"),
                world.gridWorkerB1, RequestWorld.input(world.communityA, null, "URGENT"),
                world.adminB, RequestWorld.input(world.communityA, null, "URGENT"),
                world.officer, RequestWorld.input(world.communityA, null, "URGENT"),
                world.assignee, RequestWorld.input(world.communityA, null, "URGENT"),
                world.adminA, RequestWorld.input(world.communityA, world.householdB1, "URGENT"));
        refused.forEach((caller, in) -> caller.post(RequestWorld.TAKE, Map.of("in", in))
                .body("data.takeRequest", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN")));
        world.anonymous.post(RequestWorld.TAKE, Map.of("in", RequestWorld.input(world.communityA, null, "URGENT")))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(before, count(world));
    }

    @Test
    void outsidersNeitherAssignNorCloseNorCancelAndNothingChanges() {
        RequestWorld world = new RequestWorld(pool);
        String id = world.take(world.communityA, world.householdA1, "URGENT");
        List<GraphQLClient> outsiders = List.of(world.adminB, world.gridWorkerA2, world.gridWorkerB1, world.officer,
                world.assignee, world.otherVolunteer);
        for (GraphQLClient outsider : outsiders) {
            outsider.post(RequestWorld.ASSIGN, vars("id", id, "v", world.assigneeId))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            outsider.post(RequestWorld.CLOSE, vars("id", id, "o", "x"))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            outsider.post(RequestWorld.CANCEL, vars("id", id, "r", "x"))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        // A's admin may not hand A's request to B's volunteer
        world.adminA.post(RequestWorld.ASSIGN, vars("id", id, "v", world.volunteerB))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        GRAPHQL.post(RequestWorld.REQUEST, vars("id", id))
                .body("data.request.status", equalTo("OPEN"))
                .body("data.request.assignee", nullValue());
        assertEquals(Set.of("TAKE_REQUEST"), Set.copyOf(GRAPHQL.data("query($id: ID!) { rosterAuditTrail("
                + "targetType: \"ResidentRequest\", targetId: $id) { edges { node { action } } } }",
                Map.of("id", id)).getList("rosterAuditTrail.edges.node.action")));

        world.gridWorkerA1.post(RequestWorld.ASSIGN, vars("id", id, "v", world.assigneeId))
                .body("data.assignRequest.assignee.id", equalTo(world.assigneeId));
        world.gridWorkerA1.post(RequestWorld.CLOSE, vars("id", id, "o", "已送达"))
                .body("data.closeRequest.status", equalTo("DONE"));
    }

    private long count(RequestWorld world) {
        return scalar(pool, "select count(*) from resident_request where community_id = any($1)",
                (Object) new Long[] {Long.parseLong(world.communityA), Long.parseLong(world.communityB)});
    }
}
