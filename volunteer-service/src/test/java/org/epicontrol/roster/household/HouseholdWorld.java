package org.epicontrol.roster.household;

import io.restassured.response.ValidatableResponse;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.testsupport.GraphQLClient;
import org.epicontrol.testsupport.TestTokens;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.RosterFixtures.unique;

/**
 * A district with communities A (grids A1 with buildings 1号楼 and 2号楼, A2 with another 1号楼) and B (grid B1, one
 * building), and a caller of every kind the household rules name: admins of A and B, the district's officer, grid
 * workers of A1 by group and by a GRID_WORKER responsibility, of A2 and of B1, the captain (BUILDING_CAPTAIN
 * responsibility of their linked volunteer) of A1's 1号楼 and of A1's 2号楼, a volunteer of A, anonymous.
 */
final class HouseholdWorld {

    enum Who { SYSTEM_ADMIN, ADMIN_OF_A, ADMIN_OF_B, OFFICER, GRID_WORKER_A1, GRID_WORKER_A1_BY_DUTY, GRID_WORKER_A2,
        GRID_WORKER_B1, CAPTAIN_OF_BUILDING, CAPTAIN_ELSEWHERE, VOLUNTEER_OF_A, ANONYMOUS }

    static final String FIELDS = "id unitLabel room address headCount needs note active version building { id name }"
            + " contactName contactPhone";
    static final String CREATE = "mutation($in: HouseholdInput!) { createHousehold(input: $in) { " + FIELDS + " } }";
    static final String UPDATE = "mutation($id: ID!, $in: HouseholdInput!) { updateHousehold(id: $id, input: $in) { "
            + FIELDS + " } }";
    static final String REMOVE = "mutation($id: ID!, $r: String!) { removeHousehold(id: $id, reason: $r) { " + FIELDS
            + " } }";
    static final String HOUSEHOLD = "query($id: ID!) { household(id: $id) { " + FIELDS + " } }";
    static final String IMPORT = """
            mutation($c: ID!, $csv: String!) { importHouseholds(communityId: $c, csv: $csv) {
              stored rows created updated rejectedCount message rejected { line reason text } } }""";

    final String communityA;
    final String gridA1;
    final String gridA2;
    /** 1号楼 of grid A1: the captain's building. */
    final String building;
    /** 2号楼 of grid A1. */
    final String buildingA1Two;
    /** 1号楼 of grid A2: the same name as {@link #building}. */
    final String buildingA2;
    final String communityB;
    final String buildingB;
    private final Map<Who, GraphQLClient> clients = new EnumMap<>(Who.class);

    private HouseholdWorld() {
        String districtName = unique("户区");
        String streetName = unique("街道");
        String aName = unique("甲社区");
        String bName = unique("乙社区");
        String a1Name = unique("甲一网格");
        String a2Name = unique("甲二网格");
        String b1Name = unique("乙一网格");
        String district = RosterFixtures.orgUnit("DISTRICT", districtName, null);
        String street = RosterFixtures.orgUnit("STREET", streetName, district);
        communityA = RosterFixtures.orgUnit("COMMUNITY", aName, street);
        communityB = RosterFixtures.orgUnit("COMMUNITY", bName, street);
        gridA1 = RosterFixtures.orgUnit("GRID", a1Name, communityA);
        gridA2 = RosterFixtures.orgUnit("GRID", a2Name, communityA);
        String gridB1 = RosterFixtures.orgUnit("GRID", b1Name, communityB);
        building = RosterFixtures.orgUnit("BUILDING", "1号楼", gridA1);
        buildingA1Two = RosterFixtures.orgUnit("BUILDING", "2号楼", gridA1);
        buildingA2 = RosterFixtures.orgUnit("BUILDING", "1号楼", gridA2);
        buildingB = RosterFixtures.orgUnit("BUILDING", "1号楼", gridB1);
        String pathA = "/" + districtName + "/" + streetName + "/" + aName;
        String pathB = "/" + districtName + "/" + streetName + "/" + bName;
        GraphQLClient anonymous = RosterFixtures.ANONYMOUS;
        clients.put(Who.SYSTEM_ADMIN, GRAPHQL);
        clients.put(Who.ADMIN_OF_A, signed(TestTokens.user(unique("admin-a")).roles("community-admin").groups(pathA)));
        clients.put(Who.ADMIN_OF_B, signed(TestTokens.user(unique("admin-b")).roles("community-admin").groups(pathB)));
        clients.put(Who.OFFICER, signed(TestTokens.user(unique("officer")).roles("district-officer")
                .groups("/" + districtName)));
        clients.put(Who.GRID_WORKER_A1, signed(TestTokens.user(unique("grid-a1")).roles("grid-worker")
                .groups(pathA + "/" + a1Name)));
        clients.put(Who.GRID_WORKER_A2, signed(TestTokens.user(unique("grid-a2")).roles("grid-worker")
                .groups(pathA + "/" + a2Name)));
        clients.put(Who.GRID_WORKER_B1, signed(TestTokens.user(unique("grid-b1")).roles("grid-worker")
                .groups(pathB + "/" + b1Name)));
        clients.put(Who.GRID_WORKER_A1_BY_DUTY, withDuty("grid-duty", "grid-worker", gridA1, "GRID_WORKER"));
        clients.put(Who.CAPTAIN_OF_BUILDING, withDuty("captain", "volunteer", building, "BUILDING_CAPTAIN"));
        clients.put(Who.CAPTAIN_ELSEWHERE, withDuty("captain-2", "volunteer", buildingA1Two, "BUILDING_CAPTAIN"));
        TestTokens volunteer = TestTokens.user(unique("vol-a")).roles("volunteer");
        RosterFixtures.linkedVolunteer(communityA, volunteer.subject());
        clients.put(Who.VOLUNTEER_OF_A, signed(volunteer));
        clients.put(Who.ANONYMOUS, anonymous);
    }

    /** A fresh world (a test that counts a community's households needs its own). */
    static HouseholdWorld create() {
        return new HouseholdWorld();
    }

    /** A world made on first use and kept for one test class. */
    static Supplier<HouseholdWorld> perClass() {
        return new Supplier<>() {
            private HouseholdWorld world;

            @Override
            public synchronized HouseholdWorld get() {
                if (world == null) {
                    world = new HouseholdWorld();
                }
                return world;
            }
        };
    }

    GraphQLClient as(Who who) {
        return clients.get(who);
    }

    /** A household created by a system administrator in {@code buildingId}, with contacts; its id. */
    String household(String buildingId, String room) {
        return GRAPHQL.data(CREATE, Map.of("in", input(buildingId, "1", room, 3))).getString("createHousehold.id");
    }

    static Map<String, Object> input(String buildingId, String unit, String room, Integer headCount) {
        Map<String, Object> input = new HashMap<>();
        input.put("buildingId", buildingId);
        input.put("unitLabel", unit);
        input.put("room", room);
        input.put("headCount", headCount);
        input.put("contactName", "张三");
        input.put("contactPhone", "13900001111");
        return input;
    }

    ValidatableResponse importCsv(Who who, String community, String csv) {
        return as(who).post(IMPORT, Map.of("c", community, "csv", csv));
    }

    /** A volunteer of A linked to a fresh account holding {@code duty} for {@code unit}. */
    private GraphQLClient withDuty(String user, String role, String unit, String duty) {
        TestTokens token = TestTokens.user(unique(user)).roles(role);
        String volunteer = RosterFixtures.linkedVolunteer(communityA, token.subject());
        GRAPHQL.data("mutation($u: ID!, $v: ID!, $r: String) { assignResponsibility(unitId: $u, volunteerId: $v,"
                + " role: $r) { id } }", Map.of("u", unit, "v", volunteer, "r", duty));
        return signed(token);
    }

    private static GraphQLClient signed(TestTokens token) {
        return RosterFixtures.ANONYMOUS.bearer(token.sign());
    }
}
