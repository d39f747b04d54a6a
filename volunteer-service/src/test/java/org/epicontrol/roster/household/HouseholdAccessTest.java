package org.epicontrol.roster.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.household.HouseholdWorld.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.household.HouseholdWorld.CREATE;
import static org.epicontrol.roster.household.HouseholdWorld.HOUSEHOLD;
import static org.epicontrol.roster.household.HouseholdWorld.REMOVE;
import static org.epicontrol.roster.household.HouseholdWorld.UPDATE;
import static org.epicontrol.roster.household.HouseholdWorld.input;
import static org.epicontrol.roster.org.OrgFixtures.scalar;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who reads and edits a household of 1号楼 in grid A1 of community A, field by field and write by write (the rules
 * AccessRules.mayReadHousehold, mayReadResidentContact, mayEditHousehold; the table in its javadoc).
 */
@QuarkusTest
class HouseholdAccessTest {

    private static final Supplier<HouseholdWorld> WORLD = HouseholdWorld.perClass();
    private static final String LIST = """
            query($u: ID!) { households(unitId: $u) { totalCount edges { node { id room contactName contactPhone } } } }""";

    @Inject
    Pool pool;

    private static HouseholdWorld world() {
        return WORLD.get();
    }

    /** The household every read test reads: created once per class. */
    private static String household() {
        return HOUSEHOLD_ID.get();
    }

    private static final Supplier<String> HOUSEHOLD_ID = new Supplier<>() {
        private String id;

        @Override
        public synchronized String get() {
            if (id == null) {
                id = world().household(world().building, "101");
            }
            return id;
        }
    };

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"SYSTEM_ADMIN", "ADMIN_OF_A", "GRID_WORKER_A1", "GRID_WORKER_A1_BY_DUTY",
            "CAPTAIN_OF_BUILDING"})
    void theCommunitysAdminsAndTheBuildingsGridWorkerAndCaptainReadItWithItsContacts(Who who) {
        read(who).body("errors", nullValue())
                .body("data.household.room", equalTo("101"))
                .body("data.household.building.id", equalTo(world().building))
                .body("data.household.contactName", equalTo("张三"))
                .body("data.household.contactPhone", equalTo("13900001111"));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"OFFICER"})
    void theDistrictsOfficerReadsTheRegisterButNotTheResidentsNamesAndPhones(Who who) {
        read(who).body("data.household.room", equalTo("101"))
                .body("data.household.contactName", nullValue())
                .body("data.household.contactPhone", nullValue())
                .body("errors", hasSize(2))
                .body("errors.extensions.code", everyItem(equalTo("FORBIDDEN")))
                .body("errors.path", containsInAnyOrder(List.of("household", "contactName"),
                        List.of("household", "contactPhone")));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ADMIN_OF_B", "GRID_WORKER_A2", "GRID_WORKER_B1", "CAPTAIN_ELSEWHERE",
            "VOLUNTEER_OF_A"})
    void everyoneElseGetsNoHousehold(Who who) {
        read(who).body("data.household", nullValue()).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ANONYMOUS"})
    void anonymousCallersAreAskedToSignIn(Who who) {
        read(who).body("data.household", nullValue()).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class)
    void theRegisterOfAUnitIsForWhoMayReadEveryHouseholdUnderIt(Who who) {
        household();
        assertListed(who, world().communityA, who == Who.SYSTEM_ADMIN || who == Who.ADMIN_OF_A || who == Who.OFFICER);
        assertListed(who, world().gridA1, who == Who.SYSTEM_ADMIN || who == Who.ADMIN_OF_A || who == Who.OFFICER
                || who == Who.GRID_WORKER_A1 || who == Who.GRID_WORKER_A1_BY_DUTY);
        assertListed(who, world().building, who == Who.SYSTEM_ADMIN || who == Who.ADMIN_OF_A || who == Who.OFFICER
                || who == Who.GRID_WORKER_A1 || who == Who.GRID_WORKER_A1_BY_DUTY || who == Who.CAPTAIN_OF_BUILDING);
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"OFFICER"})
    void aListsContactsAreRefusedHouseholdByHousehold(Who who) {
        world().household(world().buildingA1Two, "101");
        world().household(world().buildingA1Two, "102");
        world().as(who).post(LIST, Map.of("u", world().buildingA1Two))
                .body("data.households.edges.node.room", hasSize(2))
                .body("data.households.edges.node.contactName", everyItem(nullValue()))
                .body("errors.path", hasItems(
                        List.of("households", "edges", 0, "node", "contactName"),
                        List.of("households", "edges", 1, "node", "contactPhone")));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class)
    void createUpdateAndRemoveAreForTheCommunitysAdminsAndTheBuildingsGridWorker(Who who) {
        boolean allowed = who == Who.SYSTEM_ADMIN || who == Who.ADMIN_OF_A || who == Who.GRID_WORKER_A1
                || who == Who.GRID_WORKER_A1_BY_DUTY;
        String room = "8" + who.ordinal();
        ValidatableResponse created = world().as(who).post(CREATE, Map.of("in", input(world().building, "3", room, 2)));
        expect(created, "createHousehold", who, allowed);
        long stored = scalar(pool, "select count(*) from household where building_id = $1 and room = $2",
                Long.valueOf(world().building), room);
        assertEquals(allowed ? 1L : 0L, stored);

        String id = world().household(world().building, "9" + who.ordinal());
        expect(world().as(who).post(UPDATE, Map.of("id", id, "in", input(world().building, "3", "9" + who.ordinal(), 7))),
                "updateHousehold", who, allowed);
        assertEquals(allowed ? 7L : 3L, scalar(pool, "select head_count from household where id = $1",
                Long.valueOf(id)));
        expect(world().as(who).post(REMOVE, Map.of("id", id, "r", "搬走")), "removeHousehold", who, allowed);
        assertEquals(allowed ? 0L : 1L, scalar(pool, "select count(*) from household where id = $1 and active",
                Long.valueOf(id)));
        // the fixture's creation, then the caller's update and removal
        assertEquals(allowed ? 3L : 1L, scalar(pool, "select count(*) from audit_event where target_type = 'Household'"
                + " and target_id = $1", id));
        assertEquals(allowed ? 1L : 0L, scalar(pool, "select count(*) from audit_event where action = 'CREATE_HOUSEHOLD'"
                + " and details->>'building' = $1 and details->>'room' = $2", world().building, room));
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"ADMIN_OF_A", "GRID_WORKER_A1"})
    void movingAHouseholdNeedsTheRightToEditTheNewBuildingToo(Who who) {
        String id = world().household(world().building, "77-" + who.ordinal());
        world().as(who).post(UPDATE, Map.of("id", id, "in", input(world().buildingB, "1", "77", 1)))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(Long.valueOf(world().building), scalar(pool, "select building_id from household where id = $1",
                Long.valueOf(id)));
    }

    private static ValidatableResponse read(Who who) {
        return world().as(who).post(HOUSEHOLD, Map.of("id", household()));
    }

    private void assertListed(Who who, String unit, boolean allowed) {
        ValidatableResponse answer = world().as(who).post(LIST, Map.of("u", unit));
        if (allowed) {
            answer.body("data.households.totalCount", notNullValue());
        } else {
            answer.body("data", nullValue()).body("errors[0].extensions.code",
                    equalTo(who == Who.ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN"));
        }
    }

    private static void expect(ValidatableResponse answer, String field, Who who, boolean allowed) {
        if (allowed) {
            answer.body("errors", nullValue()).body("data." + field + ".id", notNullValue());
        } else {
            answer.body("data", nullValue()).body("errors[0].extensions.code",
                    equalTo(who == Who.ANONYMOUS ? "UNAUTHENTICATED" : "FORBIDDEN"));
        }
    }
}
