package org.epicontrol.roster.org;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.org.OrgFixtures.GRAPHQL;
import static org.epicontrol.roster.org.OrgFixtures.count;
import static org.epicontrol.roster.org.OrgFixtures.volunteer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ResponsibilityTest {

    private static final String ASSIGN = """
            mutation($unit: ID!, $volunteer: ID!, $role: String) {
              assignResponsibility(unitId: $unit, volunteerId: $volunteer, role: $role) { id kind } }""";
    private static final String ASSIGN_DEFAULT_ROLE = """
            mutation($unit: ID!, $volunteer: ID!) {
              assignResponsibility(unitId: $unit, volunteerId: $volunteer) { id kind } }""";

    @Inject
    Pool pool;

    @Test
    void aGridWorkerIsResponsibleForSeveralGridsAndBuildings() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String otherGrid = OrgFixtures.unit("GRID", "第二网格", branch.community());
        String worker = volunteer(branch.community(), "王格格");

        GRAPHQL.data(ASSIGN_DEFAULT_ROLE, Map.of("unit", branch.grid(), "volunteer", worker));
        GRAPHQL.data(ASSIGN_DEFAULT_ROLE, Map.of("unit", otherGrid, "volunteer", worker));
        GRAPHQL.data(ASSIGN_DEFAULT_ROLE, Map.of("unit", branch.building1(), "volunteer", worker));

        GRAPHQL.post("query($id: ID!) { community(id: $id) { grids { name responsibleWorkers { name } } } }",
                        Map.of("id", branch.community()))
                .body("data.community.grids.responsibleWorkers.name", equalTo(List.of(List.of("王格格"), List.of("王格格"))));
        GRAPHQL.post("query($id: ID!) { orgUnit(id: $id) { responsibleWorkers { id } } }", Map.of("id", branch.building1()))
                .body("data.orgUnit.responsibleWorkers.id", equalTo(List.of(worker)));
    }

    @Test
    void assigningTheSameResponsibilityTwiceHoldsItOnce() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String worker = volunteer(branch.community(), "李格格");
        GRAPHQL.data(ASSIGN_DEFAULT_ROLE, Map.of("unit", branch.grid(), "volunteer", worker));
        long before = count(pool, "responsibility");

        GRAPHQL.data(ASSIGN, Map.of("unit", branch.grid(), "volunteer", worker, "role", "GRID_WORKER"));

        assertEquals(before, count(pool, "responsibility"));
        GRAPHQL.post("query($id: ID!) { grid(id: $id) { responsibleWorkers { id } } }", Map.of("id", branch.grid()))
                .body("data.grid.responsibleWorkers.id", equalTo(List.of(worker)));
    }

    @Test
    void thePeopleOfOneUnitAreListedWithTheirRoles() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String worker = volunteer(branch.community(), "张格格");
        String doctor = volunteer(branch.community(), "赵医生");
        GRAPHQL.data(ASSIGN_DEFAULT_ROLE, Map.of("unit", branch.building2(), "volunteer", worker));
        GRAPHQL.data(ASSIGN, Map.of("unit", branch.building2(), "volunteer", doctor, "role", "village_doctor"));
        GRAPHQL.data(ASSIGN, Map.of("unit", branch.building2(), "volunteer", worker, "role", "BUILDING_CAPTAIN"));

        GRAPHQL.post("query($id: ID!) { orgUnit(id: $id) { responsibleWorkers { name }"
                        + " responsibilities { role volunteer { name } } } }", Map.of("id", branch.building2()))
                .body("data.orgUnit.responsibleWorkers.name", equalTo(List.of("张格格", "赵医生")))
                .body("data.orgUnit.responsibilities.role", equalTo(List.of("BUILDING_CAPTAIN", "GRID_WORKER", "VILLAGE_DOCTOR")))
                .body("data.orgUnit.responsibilities.volunteer.name", equalTo(List.of("张格格", "张格格", "赵医生")));
    }

    @Test
    void aCommunityCannotHoldAResponsibilityAndNothingIsStored() {
        OrgFixtures.Branch branch = OrgFixtures.branch();
        String worker = volunteer(branch.community(), "刘格格");
        long before = count(pool, "responsibility");

        assign(branch.community(), worker, null).body("data.assignResponsibility", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        assign(branch.grid(), "999999", null).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        assign("999999", worker, null).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        assign(branch.grid(), worker, "grid worker!").body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        assign("not-an-id", worker, null).body("errors[0].extensions.code", equalTo("INVALID_INPUT"));

        assertEquals(before, count(pool, "responsibility"));
    }

    private static ValidatableResponse assign(String unit, String volunteer, String role) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("unit", unit);
        vars.put("volunteer", volunteer);
        if (role != null) {
            vars.put("role", role);
        }
        return GRAPHQL.post(role == null ? ASSIGN_DEFAULT_ROLE : ASSIGN, vars);
    }
}
