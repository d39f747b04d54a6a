package org.epicontrol.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo below the checkpoint as a new user finds it after {@code ./run-suite}: the README's query
 * ({@code readme/below-the-checkpoint.graphql}) as 西贾社区's admin shows 书林苑1号楼's households (the ledger of the
 * elderly living alone with their contacts), today's testing round under way (some households recorded, some
 * still to visit), an open resident request and an open wish.
 */
@ExtendWith(SuiteExtension.class)
class DemoBelowTheCheckpointTest {

    private static final String BUILDING = "书林苑1号楼";

    private final RunningSuite suite;

    DemoBelowTheCheckpointTest(RunningSuite suite) {
        this.suite = suite;
    }

    @Test
    void theReadmeQueryShowsTheBuildingsHouseholdsItsRoundInProgressAnOpenRequestAndAWish() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath answer = Gateway.queryAs(suite, "admin-xijia", TestResources.read("readme/below-the-checkpoint.graphql"),
                "community", DemoUnits.firstGrid(suite).communityId(), "from", today, "to", today);
        assertNull(answer.get("errors"), answer::prettify);

        List<Map<String, Object>> ledger = answer.getList("data.ledger.edges.node");
        assertFalse(ledger.isEmpty(), answer::prettify);
        assertTrue(ledger.stream().allMatch(h -> ((List<?>) h.get("needs")).contains("ELDERLY_ALONE")
                && h.get("contactPhone") != null), answer::prettify);

        String round = "data.testingRounds.find { it.unit.name == '" + BUILDING + "' }";
        assertEquals("SCHEDULED", answer.getString(round + ".status"), answer::prettify);
        assertEquals(30, answer.getInt(round + ".progress.households"), answer::prettify);
        int accounted = answer.getInt(round + ".progress.accounted");
        assertTrue(accounted > 0 && accounted < 30, "some recorded, some still to visit: " + answer.prettify());
        assertEquals(3, answer.getList(round + ".progress.byBuilding").size(), answer::prettify);
        assertFalse(answer.getList(round + ".missedHouseholds.edges").isEmpty(), answer::prettify);

        List<Map<String, Object>> requests = answer.getList("data.requests.edges.node");
        assertTrue(requests.stream().anyMatch(r -> "MEDICINE".equals(r.get("kind")) && r.get("household") != null),
                answer::prettify);
        assertFalse(answer.getList("data.wishes.edges").isEmpty(), answer::prettify);
    }
}
