package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident's request (接诉即办) through the gateway: the grid worker takes a household's call, the community's
 * admin gives it to a volunteer, the grid worker closes it with its outcome; the community's figures count it, and
 * another community's admin cannot read it.
 */
@ExtendWith(SuiteExtension.class)
class ResidentRequestEndToEndTest {

    private static final String FIELDS = """
            id status kind urgency description channel takenBy receivedAt dueAt closedAt outcome overdue
            community { id } household { id } assignee { id name }""";
    private static final String TAKE = "mutation($in: RequestInput!) { takeRequest(input: $in) { " + FIELDS + " } }";
    private static final String ASSIGN = "mutation($id: ID!, $v: ID) { assignRequest(id: $id, volunteerId: $v) { " + FIELDS + " } }";
    private static final String CLOSE = "mutation($id: ID!, $o: String!) { closeRequest(id: $id, outcome: $o) { " + FIELDS + " } }";
    private static final String ONE = "query($id: ID!) { request(id: $id) { " + FIELDS + " } }";
    private static final String CLOSED = """
            query($u: ID!) { requests(unitId: $u, status: DONE, first: 50) { edges { node { id } } } }""";
    private static final String FIGURES = """
            query($u: ID!, $from: DateTime, $to: DateTime) { requestFigures(unitId: $u, from: $from, to: $to) {
              community { id name } open overdue closed medianMinutesToClose } }""";

    private static HouseholdBuilding building;

    private final RunningSuite suite;

    ResidentRequestEndToEndTest(RunningSuite suite) {
        this.suite = suite;
    }

    @BeforeAll
    static void aBuildingWithItsHouseholdsAndCaptain(RunningSuite suite) {
        building = HouseholdBuilding.create(suite, "书林苑23号楼");
    }

    @Test
    void aRequestTakenByTheGridWorkerIsAssignedClosedAndCountedInTheFigures() {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(1);
        String household = building.households.get(3).id();
        JsonPath taken = Gateway.queryAs(suite, HouseholdBuilding.GRID_WORKER, TAKE, "in", Map.of(
                "communityId", building.grid.communityId(), "householdId", household, "kind", "MEDICINE",
                "urgency", "URGENT", "description", "降压药(硝苯地平)两盒", "channel", "PHONE"));
        assertNull(taken.get("errors"), taken::prettify);
        String id = taken.getString("data.takeRequest.id");
        assertEquals("OPEN", taken.getString("data.takeRequest.status"));
        assertEquals(household, taken.getString("data.takeRequest.household.id"));
        assertTrue(OffsetDateTime.parse(taken.getString("data.takeRequest.dueAt"))
                .isAfter(OffsetDateTime.parse(taken.getString("data.takeRequest.receivedAt"))), taken::prettify);
        assertNotNull(taken.getString("data.takeRequest.takenBy"), taken::prettify);

        JsonPath assigned = Gateway.queryAs(suite, HouseholdBuilding.ADMIN, ASSIGN, "id", id, "v", building.captainVolunteerId);
        assertNull(assigned.get("errors"), assigned::prettify);
        assertEquals("ASSIGNED", assigned.getString("data.assignRequest.status"));
        assertEquals(building.captainVolunteerId, assigned.getString("data.assignRequest.assignee.id"));

        JsonPath closed = Gateway.queryAs(suite, HouseholdBuilding.GRID_WORKER, CLOSE, "id", id, "o", "已送药上门");
        assertNull(closed.get("errors"), closed::prettify);
        assertEquals("DONE", closed.getString("data.closeRequest.status"));
        assertEquals("已送药上门", closed.getString("data.closeRequest.outcome"));
        assertNotNull(closed.getString("data.closeRequest.closedAt"));

        JsonPath list = Gateway.queryAs(suite, HouseholdBuilding.ADMIN, CLOSED, "u", building.grid.communityId());
        assertNull(list.get("errors"), list::prettify);
        assertTrue(list.getList("data.requests.edges.node.id").contains(id), list::prettify);
        JsonPath figures = Gateway.queryAs(suite, "officer", FIGURES, "u", building.grid.communityId(),
                "from", before.toString(), "to", OffsetDateTime.now().plusMinutes(1).toString());
        assertNull(figures.get("errors"), figures::prettify);
        List<Map<String, Object>> lines = figures.getList("data.requestFigures");
        assertEquals(1, lines.size(), figures::prettify);
        assertTrue((Integer) lines.get(0).get("closed") >= 1, figures::prettify);
        assertNotNull(lines.get(0).get("medianMinutesToClose"), figures::prettify);

        JsonPath other = Gateway.queryAs(suite, "admin-nanneihuan", ONE, "id", id);
        assertNull(other.get("data.request"), other::prettify);
        assertEquals("FORBIDDEN", other.getString("errors[0].extensions.code"), other::prettify);
    }
}
