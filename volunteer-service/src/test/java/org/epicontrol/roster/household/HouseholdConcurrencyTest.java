package org.epicontrol.roster.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.epicontrol.roster.task.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.household.HouseholdWorld.CREATE;
import static org.epicontrol.roster.household.HouseholdWorld.HOUSEHOLD;
import static org.epicontrol.roster.household.HouseholdWorld.UPDATE;
import static org.epicontrol.roster.household.HouseholdWorld.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent writers of one household or one door: one wins, the others are told, nothing is lost silently. */
@QuarkusTest
class HouseholdConcurrencyTest {

    private static final int WRITERS = 6;

    @Test
    void concurrentUpdatesOfOneVersionLeaveOneWinnerAndConflictsForTheRest() throws Exception {
        HouseholdWorld world = HouseholdWorld.create();
        String id = world.household(world.building, "301");
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 1; i <= WRITERS; i++) {
            Map<String, Object> in = input(world.building, "1", "301", 10 + i);
            in.put("version", 0);
            calls.add(() -> GRAPHQL.post(UPDATE, Map.of("id", id, "in", in)).extract().jsonPath());
        }
        List<JsonPath> answers = Concurrently.run(calls);
        List<Integer> won = answers.stream().filter(a -> a.get("errors") == null)
                .map(a -> a.getInt("data.updateHousehold.headCount")).toList();
        assertEquals(1, won.size(), "one writer wins");
        answers.stream().filter(a -> a.get("errors") != null)
                .forEach(a -> assertEquals("CONFLICT", a.getString("errors[0].extensions.code")));
        JsonPath stored = GRAPHQL.data(HOUSEHOLD, Map.of("id", id));
        assertEquals(won.get(0), stored.getInt("household.headCount"));
        assertEquals(1, stored.getInt("household.version"));
    }

    @Test
    void updatesWithoutAVersionEachApplyInTurnOrAreToldOfTheConflict() throws Exception {
        HouseholdWorld world = HouseholdWorld.create();
        String id = world.household(world.building, "302");
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 1; i <= WRITERS; i++) {
            Map<String, Object> in = input(world.building, "1", "302", 10 + i);
            calls.add(() -> GRAPHQL.post(UPDATE, Map.of("id", id, "in", in)).extract().jsonPath());
        }
        List<JsonPath> answers = Concurrently.run(calls);
        long applied = answers.stream().filter(a -> a.get("errors") == null).count();
        answers.stream().filter(a -> a.get("errors") != null)
                .forEach(a -> assertEquals("CONFLICT", a.getString("errors[0].extensions.code")));
        // every update that answered success moved the version on by one: none was overwritten unseen
        assertTrue(applied >= 1);
        assertEquals(applied, GRAPHQL.data(HOUSEHOLD, Map.of("id", id)).getInt("household.version"));
    }

    @Test
    void concurrentCreatesOfOneDoorStoreItOnce() throws Exception {
        HouseholdWorld world = HouseholdWorld.create();
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            calls.add(() -> GRAPHQL.post(CREATE, Map.of("in", input(world.building, "1", "401", 2)))
                    .extract().jsonPath());
        }
        List<JsonPath> answers = Concurrently.run(calls);
        assertEquals(1, answers.stream().filter(a -> a.get("errors") == null).count());
        answers.stream().filter(a -> a.get("errors") != null)
                .forEach(a -> assertEquals("DUPLICATE_HOUSEHOLD", a.getString("errors[0].extensions.code")));
    }

    @Test
    void concurrentImportsOfOneFileCreateEachDoorOnce() throws Exception {
        HouseholdWorld world = HouseholdWorld.create();
        StringBuilder csv = new StringBuilder(HouseholdImportTest.HEADER);
        for (int room = 1; room <= 40; room++) {
            csv.append("2号楼,1,").append(room).append(",2,,,,,\n");
        }
        List<Callable<JsonPath>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(() -> world.importCsv(HouseholdWorld.Who.ADMIN_OF_A, world.communityA, csv.toString())
                    .extract().jsonPath().setRootPath("data.importHouseholds"));
        }
        List<JsonPath> reports = Concurrently.run(calls);
        reports.forEach(r -> assertTrue(r.getBoolean("stored"), r.prettify()));
        assertEquals(40, reports.stream().mapToInt(r -> r.getInt("created")).sum());
        assertEquals(80, reports.stream().mapToInt(r -> r.getInt("updated")).sum());
        assertEquals(40, GRAPHQL.data("query($u: ID!) { households(unitId: $u) { totalCount } }",
                Map.of("u", world.buildingA1Two)).getInt("households.totalCount"));
    }
}
