package org.epicontrol.roster.testing;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.testing.RoundWorld.Who;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.epicontrol.roster.RosterFixtures.GRAPHQL;
import static org.epicontrol.roster.testing.RoundWorld.record;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** recordHouseholdTest: what is stored, what stands when recordings meet, and what is refused with nothing changed. */
@QuarkusTest
class HouseholdTestRecordingTest {

    private static RoundWorld world;

    @Inject
    Pool pool;

    private String round;
    private List<String> doors;

    @BeforeEach
    void aRoundOfBuildingA1aWithFourHouseholds() {
        if (world == null) {
            world = new RoundWorld(pool);
        }
        String building = RosterFixtures.orgUnit("BUILDING",
                RosterFixtures.unique("楼"), world.gridA1);
        doors = world.households(building, 4, 3);
        round = world.round(building);
    }

    @Test
    void testedWithoutACountTakesTheHeadCountAndIsAccountedFor() {
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null)
                .body("errors", nullValue())
                .body("data.recordHouseholdTest.status", equalTo("TESTED"))
                .body("data.recordHouseholdTest.testedCount", equalTo(3))
                .body("data.recordHouseholdTest.accounted", equalTo(true))
                .body("data.recordHouseholdTest.recordedBy", equalTo("root"))
                .body("data.recordHouseholdTest.recordedAt", notNullValue());
        record(GRAPHQL, round, doors.get(1), "TESTED", 2, null)
                .body("data.recordHouseholdTest.testedCount", equalTo(2));
        assertEquals(2, history(doors.get(0)) + history(doors.get(1)));
    }

    @Test
    void notAtHomeIsAccountedForOnlyWithAReason() {
        record(GRAPHQL, round, doors.get(0), "NOT_AT_HOME", null, null)
                .body("data.recordHouseholdTest.accounted", equalTo(false))
                .body("data.recordHouseholdTest.testedCount", nullValue());
        record(GRAPHQL, round, doors.get(0), "NOT_AT_HOME", null, "外出务工，电话联系")
                .body("data.recordHouseholdTest.accounted", equalTo(true))
                .body("data.recordHouseholdTest.reason", equalTo("外出务工，电话联系"));
    }

    @Test
    void theSameRecordingAgainChangesNothingAndAddsNoRecord() {
        String first = record(GRAPHQL, round, doors.get(0), "REFUSED", null, "拒绝开门").extract()
                .path("data.recordHouseholdTest.recordedAt");
        String again = record(world.as(Who.GRID_WORKER_OF_A1), round, doors.get(0), "REFUSED", null, " 拒绝开门 ")
                .body("errors", nullValue()).extract().path("data.recordHouseholdTest.recordedAt");
        assertEquals(first, again);
        assertEquals(1, history(doors.get(0)));
        record(GRAPHQL, round, doors.get(1), "TESTED", null, null);
        record(GRAPHQL, round, doors.get(1), "TESTED", 3, null);
        assertEquals(1, history(doors.get(1)), "TESTED with the head count said is the same recording");
    }

    @Test
    void aWeakerStatusDoesNotReplaceAStrongerOneButIsKeptInTheHistory() {
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null);
        record(world.as(Who.GRID_WORKER_OF_A1), round, doors.get(0), "NOT_AT_HOME", null, null);
        record(GRAPHQL, round, doors.get(0), "REFUSED", null, "拒绝")
                .body("data.recordHouseholdTest.status", equalTo("TESTED"));
        assertEquals(3, history(doors.get(0)));
        assertEquals(2, world.scalar("select count(*) from household_test_record where household_id = $1"
                + " and not applied and previous_status = 'TESTED'", Long.parseLong(doors.get(0))));
        assertEquals("TESTED", standing(doors.get(0)));
    }

    @Test
    void anAccountedAttemptIsNotUndoneByOneWithoutAReasonButALaterEqualOneStands() {
        record(GRAPHQL, round, doors.get(0), "NOT_AT_HOME", null, "住院");
        record(GRAPHQL, round, doors.get(0), "NOT_AT_HOME", null, null)
                .body("data.recordHouseholdTest.reason", equalTo("住院"))
                .body("data.recordHouseholdTest.accounted", equalTo(true));
        record(GRAPHQL, round, doors.get(0), "REFUSED", null, "本人拒绝")
                .body("data.recordHouseholdTest.status", equalTo("REFUSED"));
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null)
                .body("data.recordHouseholdTest.status", equalTo("TESTED"));
        record(GRAPHQL, round, doors.get(0), "ISOLATED", null, "集中隔离")
                .body("data.recordHouseholdTest.status", equalTo("ISOLATED"))
                .body("data.recordHouseholdTest.testedCount", nullValue());
        assertEquals(5, history(doors.get(0)));
    }

    @Test
    void aPositiveResultReplacesTestedAndOnlyACorrectionUndoesIt() {
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null);
        record(GRAPHQL, round, doors.get(0), "POSITIVE", 1, null)
                .body("data.recordHouseholdTest.status", equalTo("POSITIVE"))
                .body("data.recordHouseholdTest.testedCount", equalTo(1));
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null)
                .body("data.recordHouseholdTest.status", equalTo("POSITIVE"));
        record(world.as(Who.GRID_WORKER_OF_A1), round, doors.get(0), "TESTED", null, "复核阴性", true)
                .body("errors", nullValue())
                .body("data.recordHouseholdTest.status", equalTo("TESTED"));
        assertEquals(1, world.scalar("select count(*) from household_test_record where household_id = $1"
                + " and correction and applied and previous_status = 'POSITIVE'", Long.parseLong(doors.get(0))));
    }

    @Test
    void aCorrectionReplacesAnyStatusEvenAWeakerOne() {
        record(GRAPHQL, round, doors.get(0), "TESTED", null, null);
        record(world.as(Who.ADMIN_OF_A), round, doors.get(0), "NOT_AT_HOME", null, null, true)
                .body("data.recordHouseholdTest.status", equalTo("NOT_AT_HOME"))
                .body("data.recordHouseholdTest.accounted", equalTo(false));
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        String refused = "INVALID_INPUT";
        record(GRAPHQL, round, doors.get(0), "REFUSED", null, null)
                .body("errors[0].extensions.code", equalTo(refused));
        record(GRAPHQL, round, doors.get(0), "ISOLATED", null, "  ")
                .body("errors[0].extensions.code", equalTo(refused));
        record(GRAPHQL, round, doors.get(0), "NOT_AT_HOME", 2, "外出")
                .body("errors[0].extensions.code", equalTo(refused));
        record(GRAPHQL, round, doors.get(0), "TESTED", 51, null)
                .body("errors[0].extensions.code", equalTo(refused));
        record(GRAPHQL, round, doors.get(0), "TESTED", -1, null)
                .body("errors[0].extensions.code", equalTo(refused));
        record(GRAPHQL, round, doors.get(0), "REFUSED", null, "拒".repeat(501))
                .body("errors[0].extensions.code", equalTo(refused));
        record(GRAPHQL, round, "x", "TESTED", null, null)
                .body("errors[0].extensions.code", equalTo(refused));
        assertEquals(0, history(doors.get(0)));
        assertEquals(0, world.scalar("select count(*) from household_test where round_id = $1", Long.parseLong(round)));
    }

    @Test
    void aHouseholdOutsideTheRoundsUnitOrRemovedIsRefused() {
        String elsewhere = world.households(world.a2a, 1, 2).get(0);
        record(GRAPHQL, round, elsewhere, "TESTED", null, null)
                .body("data.recordHouseholdTest", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        world.scalar("update household set active = false where id = $1 returning id", Long.parseLong(doors.get(3)));
        record(GRAPHQL, round, doors.get(3), "TESTED", null, null)
                .body("errors[0].extensions.code", equalTo("INVALID_INPUT"));
        assertEquals(0, history(elsewhere) + history(doors.get(3)));
    }

    @Test
    void unknownRoundsAndHouseholdsAreNotFound() {
        record(GRAPHQL, "999999999", doors.get(0), "TESTED", null, null)
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        record(GRAPHQL, round, "999999999", "TESTED", null, null)
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aRoundNoLongerScheduledRefusesRecordings() {
        for (String d : doors) {
            record(GRAPHQL, round, d, "TESTED", null, null);
        }
        GRAPHQL.post("mutation($r: ID!) { completeTestingRound(id: $r) { status } }", Map.of("r", round))
                .body("data.completeTestingRound.status", equalTo("DONE"));
        record(GRAPHQL, round, doors.get(0), "POSITIVE", 1, null)
                .body("data.recordHouseholdTest", nullValue())
                .body("errors[0].extensions.code", equalTo("ROUND_CLOSED"));
        assertEquals("TESTED", standing(doors.get(0)));

        String cancelled = world.round(world.a1b);
        world.scalar("update testing_round set status = 'CANCELLED', cancel_reason = '解封' where id = $1 returning id",
                Long.parseLong(cancelled));
        String door = world.households(world.a1b, 1, 1).get(0);
        record(GRAPHQL, cancelled, door, "TESTED", null, null)
                .body("errors[0].extensions.code", equalTo("ROUND_CLOSED"));
    }

    private long history(String household) {
        return world.scalar("select count(*) from household_test_record where household_id = $1",
                Long.parseLong(household));
    }

    private String standing(String household) {
        return pool.preparedQuery("select status from household_test where household_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(Long.parseLong(household))).await().indefinitely()
                .iterator().next().getString("status");
    }
}
