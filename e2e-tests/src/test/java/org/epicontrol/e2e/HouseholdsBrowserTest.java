package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's 入户核酸 on a grid worker's phone in real Chromium ({@code web/browser-tests/testing-round.mjs}): a
 * building of his grid with its households and today's round, set up through the gateway as 西贾社区's admin (its own
 * building, so the demo's round other tests read stays as it is); {@code grid-xijia-1} records two households in two
 * taps each on a 375 px screen, and the suite has them, recorded by him.
 */
@ExtendWith(SuiteExtension.class)
class HouseholdsBrowserTest {

    private static final String CREATE_ROUND = """
            mutation($in: TestingRoundInput!) { createTestingRound(input: $in) { id status } }""";
    private static final String TESTS = """
            query($id: ID!) { testingRound(id: $id) { progress { accounted peopleTested }
              tests(first: 50) { edges { node { household { id } status testedCount recordedBy } } } } }""";

    private static HouseholdBuilding building;
    private static String round;

    private final RunningSuite suite;

    HouseholdsBrowserTest(RunningSuite suite) {
        this.suite = suite;
    }

    @BeforeAll
    static void aBuildingOfTheGridWorkersGridWithTodaysRound(RunningSuite suite) {
        building = HouseholdBuilding.create(suite, "书林苑24号楼");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonPath created = Gateway.queryAs(suite, HouseholdBuilding.ADMIN, CREATE_ROUND,
                "in", Map.of("unitId", building.id, "date", today.toString()));
        assertNull(created.get("errors"), created::prettify);
        round = created.getString("data.createTestingRound.id");
    }

    @Test
    void aGridWorkerRecordsTwoHouseholdsOnAPhoneInTwoTapsEachAndTheProgressMoves() throws Exception {
        BrowserScenario.Outcome outcome = BrowserScenario.run(suite, "testing-round.mjs", "BUILDING", building.name);
        assertEquals(0, outcome.exitCode(), outcome::output);
        assertTrue(outcome.output().contains("testing-round: passed"), outcome::output);

        // what the browser did is in the suite: the first unit's 101 tested (its head count), 102 not at home
        List<HouseholdBuilding.Household> first = building.inUnit(building.units().get(0));
        JsonPath read = Gateway.queryAs(suite, HouseholdBuilding.ADMIN, TESTS, "id", round);
        assertNull(read.get("errors"), read::prettify);
        List<Map<String, Object>> tests = read.getList("data.testingRound.tests.edges.node");
        assertEquals(2, tests.size(), read::prettify);
        Map<String, Object> tested = testOf(tests, first.get(0).id());
        assertEquals("TESTED", tested.get("status"), read::prettify);
        assertEquals(first.get(0).headCount(), tested.get("testedCount"), read::prettify);
        assertEquals(HouseholdBuilding.GRID_WORKER, tested.get("recordedBy"), read::prettify);
        Map<String, Object> notAtHome = testOf(tests, first.get(1).id());
        assertEquals("NOT_AT_HOME", notAtHome.get("status"), read::prettify);
        assertEquals(HouseholdBuilding.GRID_WORKER, notAtHome.get("recordedBy"), read::prettify);
        assertEquals(1, read.getInt("data.testingRound.progress.accounted"), read::prettify);
        assertEquals(first.get(0).headCount(), read.getInt("data.testingRound.progress.peopleTested"), read::prettify);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> testOf(List<Map<String, Object>> tests, String householdId) {
        return tests.stream().filter(t -> householdId.equals(((Map<String, Object>) t.get("household")).get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no status recorded for household " + householdId));
    }
}
