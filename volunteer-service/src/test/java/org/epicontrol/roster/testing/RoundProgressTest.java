package org.epicontrol.roster.testing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.testing.RoundWorld.record;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A round's progress per building and unit, its missed households and its statuses, paged. */
@QuarkusTest
class RoundProgressTest {

    private static final String PROGRESS = """
            query($r: ID!) { testingRound(id: $r) { id unit { id } community { id }
              progress { households accounted missing peopleTested people buildings units
                byBuilding { building { id name } unitLabel households accounted missing people peopleTested } } } }""";
    private static final String MISSED = """
            query($r: ID!, $u: ID, $first: Int, $after: String) { testingRound(id: $r) {
              missedHouseholds(unitId: $u, first: $first, after: $after) { totalCount
                edges { cursor node { status reason accounted household { id room unitLabel } } }
                pageInfo { hasNextPage endCursor } } } }""";
    private static final String TESTS = """
            query($r: ID!, $first: Int, $after: String) { testingRound(id: $r) {
              tests(first: $first, after: $after) { totalCount
                edges { node { status testedCount household { id } } } pageInfo { hasNextPage endCursor } } } }""";

    @Inject
    Pool pool;

    @Test
    void progressCountsHouseholdsUnitsAndPeoplePerBuildingAndUnit() {
        RoundWorld world = new RoundWorld(pool);
        List<String> unit1 = world.households(world.a1a, "1单元", 3, 3);
        List<String> unit2 = world.households(world.a1a, "2单元", 2, 2);
        List<String> other = world.households(world.a2a, "", 2, 4);
        world.households(world.b1a, 5, 3);
        String removed = world.households(world.a2a, "9单元", 1, 9).get(0);
        world.scalar("update household set active = false where id = $1 returning id", Long.parseLong(removed));
        String round = world.round(world.communityA);
        record(GRAPHQL, round, unit1.get(0), "TESTED", null, null);
        record(GRAPHQL, round, unit1.get(1), "TESTED", 2, null);
        record(GRAPHQL, round, unit1.get(2), "NOT_AT_HOME", null, null);
        record(GRAPHQL, round, unit2.get(0), "REFUSED", null, "拒绝");
        record(GRAPHQL, round, other.get(0), "POSITIVE", 4, null);

        JsonPath progress = GRAPHQL.data(PROGRESS, Map.of("r", round)).setRootPath("data.testingRound.progress");
        assertEquals(7, progress.getInt("households"));
        assertEquals(4, progress.getInt("accounted"));
        assertEquals(3, progress.getInt("missing"));
        assertEquals(3 + 2 + 4, progress.getInt("peopleTested"));
        assertEquals(9 + 4 + 8, progress.getInt("people"));
        assertEquals(2, progress.getInt("buildings"));
        assertEquals(3, progress.getInt("units"));
        List<Map<String, Object>> lines = progress.getList("byBuilding");
        assertEquals(List.of(world.a1a, world.a1a, world.a2a),
                lines.stream().map(l -> ((Map<?, ?>) l.get("building")).get("id")).toList());
        assertEquals(List.of("1单元", "2单元", ""), lines.stream().map(l -> l.get("unitLabel")).toList());
        assertEquals(List.of(3, 2, 2), lines.stream().map(l -> l.get("households")).toList());
        assertEquals(List.of(2, 1, 1), lines.stream().map(l -> l.get("accounted")).toList());
        assertEquals(List.of(1, 1, 1), lines.stream().map(l -> l.get("missing")).toList());
        assertEquals(List.of(5, 0, 4), lines.stream().map(l -> l.get("peopleTested")).toList());
    }

    @Test
    void aRoundWithoutHouseholdsHasEmptyProgress() {
        RoundWorld world = new RoundWorld(pool);
        String round = world.round(world.a1b);
        GRAPHQL.post(PROGRESS, Map.of("r", round))
                .body("data.testingRound.progress.households", equalTo(0))
                .body("data.testingRound.progress.missing", equalTo(0))
                .body("data.testingRound.progress.byBuilding.size()", equalTo(0))
                .body("data.testingRound.unit.id", equalTo(world.a1b))
                .body("data.testingRound.community.id", equalTo(world.communityA));
    }

    @Test
    void missedHouseholdsAreTheOnesWithoutAnOutcomeInTheRegistersOrderPageByPage() {
        RoundWorld world = new RoundWorld(pool);
        List<String> first = world.households(world.a1a, 5, 2);
        List<String> second = world.households(world.a1b, 4, 2);
        String round = world.round(world.gridA1);
        record(GRAPHQL, round, first.get(0), "TESTED", null, null);
        record(GRAPHQL, round, first.get(1), "ISOLATED", null, "居家隔离");
        record(GRAPHQL, round, first.get(2), "NOT_AT_HOME", null, null);
        record(GRAPHQL, round, second.get(0), "REFUSED", null, "拒绝");
        record(GRAPHQL, round, second.get(1), "POSITIVE", 2, null);
        List<String> expected = List.of(first.get(2), first.get(3), first.get(4), second.get(0), second.get(2),
                second.get(3));

        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("r", round);
            vars.put("first", 4);
            vars.put("after", after);
            JsonPath page = GRAPHQL.data(MISSED, vars).setRootPath("data.testingRound.missedHouseholds");
            assertEquals(6, page.getInt("totalCount"));
            seen.addAll(page.getList("edges.node.household.id"));
            more = page.getBoolean("pageInfo.hasNextPage");
            after = page.getString("pageInfo.endCursor");
        }
        assertEquals(expected, seen);

        JsonPath firstPage = GRAPHQL.data(MISSED, Map.of("r", round, "first", 6))
                .setRootPath("data.testingRound.missedHouseholds.edges.node");
        assertEquals("NOT_AT_HOME", firstPage.getString("[0].status"));
        assertEquals(false, firstPage.getBoolean("[0].accounted"));
        assertEquals(null, firstPage.getString("[1].status"));
        assertEquals("REFUSED", firstPage.getString("[3].status"));
        assertEquals(true, firstPage.getBoolean("[3].accounted"));
    }

    @Test
    void missedHouseholdsNarrowToAUnitInsideTheRound() {
        RoundWorld world = new RoundWorld(pool);
        world.households(world.a1a, 2, 2);
        List<String> inA2 = world.households(world.a2a, 3, 2);
        String round = world.round(world.communityA);
        GRAPHQL.post(MISSED, Map.of("r", round, "u", world.gridA2))
                .body("data.testingRound.missedHouseholds.totalCount", equalTo(3))
                .body("data.testingRound.missedHouseholds.edges.node.household.id", equalTo(inA2));
        GRAPHQL.post(MISSED, Map.of("r", round, "u", world.b1a))
                .body("data.testingRound.missedHouseholds.totalCount", equalTo(0));
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        RoundWorld world = new RoundWorld(pool);
        world.households(world.a1a, 2, 2);
        String round = world.round(world.a1a);
        GRAPHQL.post(MISSED, Map.of("r", round, "after", "bm90LWEtY3Vyc29y"))
                .body("errors[0].extensions.code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void testsListTheStatusesRecordedPageByPage() {
        RoundWorld world = new RoundWorld(pool);
        List<String> doors = world.households(world.a1a, 5, 3);
        String round = world.round(world.a1a);
        for (int i = 0; i < 3; i++) {
            record(GRAPHQL, round, doors.get(i), "TESTED", i, null);
        }
        JsonPath page = GRAPHQL.data(TESTS, Map.of("r", round, "first", 2)).setRootPath("data.testingRound.tests");
        assertEquals(3, page.getInt("totalCount"));
        assertEquals(doors.subList(0, 2), page.getList("edges.node.household.id"));
        assertEquals(List.of(0, 1), page.getList("edges.node.testedCount"));
        JsonPath rest = GRAPHQL.data(TESTS, Map.of("r", round, "first", 2, "after", page.getString("pageInfo.endCursor")))
                .setRootPath("data.testingRound.tests");
        assertEquals(List.of(doors.get(2)), rest.getList("edges.node.household.id"));
        assertEquals(false, rest.getBoolean("pageInfo.hasNextPage"));
    }

    @Test
    void createTestingRoundDefaultsToRoundOneOfOneAndRefusesBadInput() {
        RoundWorld world = new RoundWorld(pool);
        String create = "mutation($in: TestingRoundInput!) { createTestingRound(input: $in) {"
                + " id round rounds date status areaId unit { id } community { id } } }";
        GRAPHQL.post(create, Map.of("in", Map.of("unitId", world.gridA1, "date", "2022-11-21")))
                .body("errors", equalTo(null))
                .body("data.createTestingRound.round", equalTo(1))
                .body("data.createTestingRound.rounds", equalTo(1))
                .body("data.createTestingRound.status", equalTo("SCHEDULED"))
                .body("data.createTestingRound.areaId", equalTo(null))
                .body("data.createTestingRound.community.id", equalTo(world.communityA));
        GRAPHQL.post(create, Map.of("in", Map.of("unitId", world.a1a, "date", "2022-11-22", "round", 2, "rounds", 3,
                        "areaId", "area-1")))
                .body("data.createTestingRound.round", equalTo(2))
                .body("data.createTestingRound.rounds", equalTo(3))
                .body("data.createTestingRound.areaId", equalTo("area-1"));
        long before = world.scalar("select count(*) from testing_round");
        String street = world.scalar("select parent_id from org_unit where id = $1", Long.parseLong(world.communityA))
                + "";
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("unitId", street, "date", "2022-11-21"),
                Map.of("unitId", world.gridA1, "date", "2022-11-21", "round", 0),
                Map.of("unitId", world.gridA1, "date", "2022-11-21", "round", 3, "rounds", 2),
                Map.of("unitId", world.gridA1, "date", "2022-11-21", "round", 15),
                Map.of("unitId", world.gridA1, "date", "2022-11-21", "areaId", "a".repeat(101)))) {
            GRAPHQL.post(create, Map.of("in", bad))
                    .body("data.createTestingRound", equalTo(null))
                    .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        }
        GRAPHQL.post(create, Map.of("in", Map.of("unitId", "999999999", "date", "2022-11-21")))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        assertEquals(before, world.scalar("select count(*) from testing_round"));
    }

    @Test
    void testingRoundsOfAUnitAreItsOwnThoseInsideAndThoseContainingIt() {
        RoundWorld world = new RoundWorld(pool);
        String community = world.round(world.communityA);
        String grid = world.round(world.gridA1);
        String building = world.round(world.a1a);
        String otherGrid = world.round(world.gridA2);
        world.round(world.gridB1);
        String rounds = "query($u: ID!) { testingRounds(unitId: $u) { id } }";
        assertEquals(List.of(community, grid, building), ids(GRAPHQL.data(rounds, Map.of("u", world.gridA1))));
        assertEquals(List.of(community, grid, building, otherGrid),
                ids(GRAPHQL.data(rounds, Map.of("u", world.communityA))));
        assertEquals(List.of(community, grid, building), ids(GRAPHQL.data(rounds, Map.of("u", world.a1a))));
        GRAPHQL.post("query($u: ID!, $from: Date) { testingRounds(unitId: $u, from: $from) { id } }",
                        Map.of("u", world.a1a, "from", java.time.LocalDate.now().plusDays(1).toString()))
                .body("data.testingRounds.size()", equalTo(0));
    }

    private static List<String> ids(JsonPath data) {
        return data.getList("testingRounds.id");
    }
}
