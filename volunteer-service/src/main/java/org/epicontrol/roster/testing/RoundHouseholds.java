package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.PageInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The households of a round and their statuses, by SQL (the query is the point: a street's round spans tens of
 * thousands of doors). The households of a round are the active households whose building lies under the round's
 * unit ({@code org_unit.path_ids @> array[unit]}, the GIN index of the tree); a list may be narrowed to a unit inside
 * it (a grid worker's grid, a captain's building). Lists run in the register's order (building, unit, room) and page
 * by keyset on {@code household_order_idx}; a cursor names the last household.
 */
@ApplicationScoped
public class RoundHouseholds {

    // $1 the round, $2 the units the building must lie under (the round's, and the narrower one asked for)
    private static final String MEMBERS = " from household h join org_unit b on b.id = h.building_id"
            + " left join household_test t on t.round_id = $1 and t.household_id = h.id"
            + " where h.active and b.path_ids @> $2::bigint[]";
    // households that still need a visit: no outcome (no status yet, or an attempt: not at home, refused). Written as
    // an anti-join: "t.status is null or …" after the outer join made the planner expect one row and loop over units
    private static final String MISSED = " and not exists (select 1 from household_test o where o.round_id = $1"
            + " and o.household_id = h.id and o.status in ('TESTED', 'POSITIVE', 'ISOLATED'))";
    // after the household of the cursor ($3; 0: from the start) in the register's order
    private static final String AFTER = " and ($3 = 0 or (h.building_id, h.unit_label, h.room, h.id) >"
            + " (select a.building_id, a.unit_label, a.room, a.id from household a where a.id = $3))";
    private static final String ORDER = " order by h.building_id, h.unit_label, h.room, h.id limit $4";
    private static final Listing<MissedHousehold> MISSED_LIST = new Listing<>("missed",
            "h.id as household_id, t.status, t.reason, t.accounted, t.recorded_at", MISSED, RoundHouseholds::missedOf,
            MissedHousehold::householdId);
    private static final Listing<HouseholdTest> TESTS_LIST = new Listing<>("household-test", HouseholdTests.COLUMNS,
            " and t.household_id is not null", HouseholdTests::map, HouseholdTest::householdId);

    private final Pool pool;

    public RoundHouseholds(Pool pool) {
        this.pool = pool;
    }

    /** In a write's transaction: how many households of the round are not accounted for. */
    Uni<Long> missingCount(SqlClient tx, long roundId, long unitId) {
        return tx.preparedQuery("select count(*) as n" + MEMBERS + " and not exists (select 1 from household_test o"
                        + " where o.round_id = $1 and o.household_id = h.id and o.accounted)")
                .execute(Tuple.of(roundId, new Long[]{unitId}))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The progress of each round, one line per building and unit (one statement for the whole batch). */
    Uni<List<RoundProgress>> progress(List<TestingRound> rounds) {
        String sql = "select r.id as round_id, h.building_id, h.unit_label, count(*) as households,"
                + " count(*) filter (where t.accounted) as accounted, coalesce(sum(h.head_count), 0) as people,"
                + " coalesce(sum(t.tested_count), 0) as tested"
                + " from testing_round r join org_unit b on b.path_ids @> array[r.unit_id]"
                + " join household h on h.building_id = b.id and h.active"
                + " left join household_test t on t.round_id = r.id and t.household_id = h.id"
                + " where r.id = any($1) group by r.id, h.building_id, h.unit_label"
                + " order by r.id, h.building_id, h.unit_label";
        Long[] ids = rounds.stream().map(TestingRound::numericId).toArray(Long[]::new);
        return pool.preparedQuery(sql).execute(Tuple.of((Object) ids)).map(rows -> {
            Map<Long, List<BuildingProgress>> lines = new HashMap<>();
            for (Row row : rows) {
                int households = (int) row.getLong("households").longValue();
                int accounted = (int) row.getLong("accounted").longValue();
                lines.computeIfAbsent(row.getLong("round_id"), k -> new ArrayList<>()).add(new BuildingProgress(
                        row.getString("unit_label"), households, accounted, households - accounted,
                        (int) row.getLong("people").longValue(), (int) row.getLong("tested").longValue(),
                        row.getLong("building_id")));
            }
            return rounds.stream().map(r -> RoundProgress.of(lines.getOrDefault(r.numericId(), List.of()))).toList();
        });
    }

    /** A page of the households the round has not tested (no status, NOT_AT_HOME, REFUSED), under {@code units}. */
    Uni<MissedHouseholdConnection> missed(long roundId, Long[] units, int first, String after) {
        return page(MISSED_LIST, roundId, units, first, after).map(p -> new MissedHouseholdConnection(p.edges().stream()
                .map(e -> new MissedHouseholdConnection.Edge(e.cursor(), e.node())).toList(), p.info(), p.total()));
    }

    /** The missed households of a round under its unit, all of them (for the door-to-door tasks). */
    Uni<List<Long>> allMissed(SqlClient tx, long roundId, long unitId) {
        return tx.preparedQuery("select h.id" + MEMBERS + MISSED + " order by h.building_id, h.unit_label, h.room, h.id")
                .execute(Tuple.of(roundId, new Long[]{unitId})).map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong("id")));
                    return ids;
                });
    }

    /** A page of the statuses recorded in the round, under {@code units}. */
    Uni<HouseholdTestConnection> tests(long roundId, Long[] units, int first, String after) {
        return page(TESTS_LIST, roundId, units, first, after).map(p -> new HouseholdTestConnection(p.edges().stream()
                .map(e -> new HouseholdTestConnection.Edge(e.cursor(), e.node())).toList(), p.info(), p.total()));
    }

    /** One page of a listing in the register's order, and how many the listing holds in all. */
    private <T> Uni<Page<T>> page(Listing<T> listing, long roundId, Long[] units, int first, String after) {
        Long cursor = Cursor.decodeId(listing.cursorKind(), after);
        return pool.preparedQuery("select " + listing.columns() + MEMBERS + listing.condition() + AFTER + ORDER)
                .execute(Tuple.of(roundId, units, cursor == null ? 0L : cursor, first + 1))
                .chain(rows -> count(listing.condition(), roundId, units)
                        .map(total -> Page.of(rows, first, total, listing)));
    }

    private Uni<Integer> count(String condition, long roundId, Long[] units) {
        return pool.preparedQuery("select count(*) as n" + MEMBERS + condition)
                .execute(Tuple.of(roundId, units)).map(rows -> (int) rows.iterator().next().getLong("n").longValue());
    }

    private static MissedHousehold missedOf(Row row) {
        String status = row.getString("status");
        return new MissedHousehold(status == null ? null : HouseholdTestStatus.valueOf(status), row.getString("reason"),
                Boolean.TRUE.equals(row.getBoolean("accounted")), row.getOffsetDateTime("recorded_at"),
                row.getLong("household_id"));
    }

    /** What a listing selects of a round's households, which of them, and how its nodes and cursors are made. */
    private record Listing<T>(String cursorKind, String columns, String condition, Function<Row, T> map,
                              ToLongFunction<T> householdOf) {
    }

    /** One page of nodes with their cursors: one row more than asked tells whether another page follows. */
    private record Page<T>(List<Edge<T>> edges, PageInfo info, int total) {

        record Edge<T>(String cursor, T node) {
        }

        static <T> Page<T> of(RowSet<Row> rows, int first, int total, Listing<T> listing) {
            List<Edge<T>> edges = new ArrayList<>();
            for (Row row : rows) {
                if (edges.size() == first) {
                    break;
                }
                T node = listing.map().apply(row);
                edges.add(new Edge<>(Cursor.encode(listing.cursorKind(),
                        String.valueOf(listing.householdOf().applyAsLong(node))), node));
            }
            boolean more = rows.size() > first;
            return new Page<>(edges, new PageInfo(more, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                    total);
        }
    }
}
