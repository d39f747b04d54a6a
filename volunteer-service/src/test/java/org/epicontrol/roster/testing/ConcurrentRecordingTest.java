package org.epicontrol.roster.testing;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.epicontrol.roster.RosterFixtures;
import org.epicontrol.roster.task.Concurrently;
import org.epicontrol.testsupport.GraphQLClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import static org.epicontrol.roster.testing.RoundWorld.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several recorders at once over real connections (one HTTP request each, each its own transaction): nothing a
 * recorder sent is lost, every household ends with the status {@link Precedence} says, and no recording fails
 * (a deadlock or a serialisation error would surface as an error of that request).
 */
@QuarkusTest
class ConcurrentRecordingTest {

    private static final HouseholdTestStatus[] STATUSES = HouseholdTestStatus.values();

    @Inject
    Pool pool;

    @Test
    void twentyRecordersOverThreeHundredHouseholdsLoseNothing() throws Exception {
        RoundWorld world = new RoundWorld(pool);
        String building = RosterFixtures.orgUnit("BUILDING", RosterFixtures.unique("大院"), world.gridA1);
        List<String> doors = world.households(building, 300, 3);
        String round = world.round(building);
        List<GraphQLClient> recorders = recorders(world, 20);
        // every household recorded by three recorders, each sending something different; shuffled so that recorders
        // meet on the same households in different orders
        List<Map.Entry<Integer, String>> work = new ArrayList<>();
        for (int i = 0; i < doors.size(); i++) {
            for (int k = 0; k < 3; k++) {
                work.add(Map.entry(i * 3 + k, doors.get(i)));
            }
        }
        Collections.shuffle(work, new Random(13));
        List<Callable<String>> calls = new ArrayList<>();
        for (int r = 0; r < recorders.size(); r++) {
            GraphQLClient recorder = recorders.get(r);
            List<Map.Entry<Integer, String>> mine = new ArrayList<>();
            for (int i = r; i < work.size(); i += recorders.size()) {
                mine.add(work.get(i));
            }
            calls.add(() -> {
                for (Map.Entry<Integer, String> item : mine) {
                    int n = item.getKey();
                    HouseholdTestStatus status = STATUSES[n % STATUSES.length];
                    String error = record(recorder, round, item.getValue(), status.name(),
                            status.counted() ? n % 4 : null, "第" + n + "次").extract().path("errors[0].message");
                    if (error != null) {
                        return error;
                    }
                }
                return null;
            });
        }
        for (String error : Concurrently.run(calls)) {
            assertNull(error);
        }

        assertEquals(300, world.scalar("select count(*) from household_test where round_id = $1",
                Long.parseLong(round)));
        assertEquals(900, world.scalar("select count(*) from household_test_record where round_id = $1",
                Long.parseLong(round)), "every recording is in the history");
        for (String door : doors) {
            assertStandsAsPrecedenceSays(round, door);
        }
    }

    @Test
    void twentyRecordersAtOneDoorAreSerialised() throws Exception {
        RoundWorld world = new RoundWorld(pool);
        String building = RosterFixtures.orgUnit("BUILDING", RosterFixtures.unique("楼"), world.gridA1);
        String door = world.households(building, 1, 4).get(0);
        String round = world.round(building);
        List<GraphQLClient> recorders = recorders(world, 20);
        List<Callable<String>> calls = new ArrayList<>();
        for (int r = 0; r < recorders.size(); r++) {
            int n = r;
            GraphQLClient recorder = recorders.get(r);
            HouseholdTestStatus status = STATUSES[n % STATUSES.length];
            calls.add(() -> record(recorder, round, door, status.name(), status.counted() ? n % 5 : null, "第" + n + "人")
                    .extract().path("errors[0].message"));
        }
        for (String error : Concurrently.run(calls)) {
            assertNull(error);
        }
        assertEquals(20, world.scalar("select count(*) from household_test_record where household_id = $1",
                Long.parseLong(door)));
        assertStandsAsPrecedenceSays(round, door);
    }

    /** Grid workers of A1 by group, each an account of their own. */
    private static List<GraphQLClient> recorders(RoundWorld world, int count) {
        List<GraphQLClient> recorders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            recorders.add(world.gridWorkerOfA1("recorder-" + i));
        }
        return recorders;
    }

    /**
     * Replays the household's history in the order it was written: each record must say what stood before it, be
     * applied exactly when Precedence says so, and what stands must be the last applied record.
     */
    private void assertStandsAsPrecedenceSays(String round, String door) {
        List<Row> records = new ArrayList<>();
        pool.preparedQuery("select status, tested_count, reason, previous_status, applied from household_test_record"
                        + " where round_id = $1 and household_id = $2 order by id")
                .execute(Tuple.of(Long.parseLong(round), Long.parseLong(door))).await().indefinitely()
                .forEach(records::add);
        assertTrue(!records.isEmpty());
        HouseholdTest standing = null;
        for (Row row : records) {
            assertEquals(standing == null ? null : standing.status().name(), row.getString("previous_status"));
            Recording incoming = new Recording(0, 0, HouseholdTestStatus.valueOf(row.getString("status")),
                    row.getInteger("tested_count"), row.getString("reason"), Precedence.Mode.RECORD, null);
            Precedence.Decision decision = Precedence.decide(standing, incoming);
            assertEquals(decision == Precedence.Decision.APPLY, row.getBoolean("applied"), "record " + row.toJson());
            if (decision == Precedence.Decision.APPLY) {
                standing = new HouseholdTest(incoming.status(), incoming.testedCount(), incoming.reason(),
                        incoming.accounted(), "", null, 0, 0);
            }
        }
        Row row = pool.preparedQuery("select status, tested_count, reason from household_test where round_id = $1"
                        + " and household_id = $2").execute(Tuple.of(Long.parseLong(round), Long.parseLong(door)))
                .await().indefinitely().iterator().next();
        assertEquals(standing.status().name(), row.getString("status"));
        assertEquals(standing.reason(), row.getString("reason"));
        assertEquals(standing.testedCount(), row.getInteger("tested_count"));
    }
}
