package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Testing rounds of a community's unit: scheduled by a response (once per (response, round)) or created by hand,
 * completed once every household is accounted for, or cancelled with their response.
 */
@ApplicationScoped
public class TestingRounds {

    private static final String COLUMNS = "r.id, r.area_id, r.round, r.rounds, r.on_date, r.status, r.cancel_reason,"
            + " r.response_id, r.unit_id, r.community_id";

    private final Pool pool;
    private final RoundHouseholds households;
    private final AuditTrail audit;

    public TestingRounds(Pool pool, RoundHouseholds households, AuditTrail audit) {
        this.pool = pool;
        this.households = households;
        this.audit = audit;
    }

    /** Rounds 1..n on the given dates; rounds the response has already are left as they are. */
    public Uni<Void> schedule(long responseId, String areaId, long unitId, List<LocalDate> dates, Permit permit) {
        if (dates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Integer[] rounds = new Integer[dates.size()];
        for (int i = 0; i < rounds.length; i++) {
            rounds[i] = i + 1;
        }
        String sql = "insert into testing_round (response_id, community_id, area_id, unit_id, round, rounds, on_date)"
                + " select $1, (select community_id from response where id = $1), $2, $3, n, $5, d"
                + " from unnest($4::int[], $6::date[]) as t(n, d)"
                + " on conflict (response_id, round) do nothing returning id";
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                .execute(Tuple.from(List.of(responseId, areaId, unitId, rounds, dates.size(),
                        dates.toArray(LocalDate[]::new))))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem()
                        : audit.record(tx, actor, "SCHEDULE_TESTING", "Response", responseId,
                                Map.of("rounds", dates.size(), "first", dates.get(0).toString()))));
    }

    /**
     * A round created by hand for a community, grid or building (its community is the one on the unit's path). Bad
     * input (another kind of unit, round numbers out of order or beyond the schema's limit) is INVALID_INPUT.
     */
    public Uni<TestingRound> create(TestingRoundInput input, long unitId, Permit permit) {
        if (input.date() == null) {
            throw DomainException.invalid("date is required");
        }
        int round = input.round() == null ? 1 : input.round();
        int rounds = input.rounds() == null ? Math.max(round, 1) : input.rounds();
        if (round < 1 || rounds < round) {
            throw DomainException.invalid("round must be at least 1 and rounds at least round; were " + round
                    + " of " + rounds);
        }
        String areaId = input.areaId() == null || input.areaId().isBlank() ? null : input.areaId().strip();
        if (areaId != null && areaId.length() > 100) {
            throw DomainException.invalid("areaId must have at most 100 characters");
        }
        String sql = "insert into testing_round as r (community_id, area_id, unit_id, round, rounds, on_date)"
                + " select c.id, $2, o.id, $3, $4, $5 from org_unit o"
                + " join org_unit c on c.id = any(o.path_ids) and c.kind = 'COMMUNITY'"
                + " where o.id = $1 and o.kind in ('COMMUNITY', 'GRID', 'BUILDING') returning " + COLUMNS;
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                        .execute(Tuple.from(Arrays.asList(unitId, areaId, round, rounds, input.date())))
                        .chain(rows -> {
                            if (rows.rowCount() == 0) {
                                return refuseUnit(tx, unitId);
                            }
                            TestingRound created = map(rows.iterator().next());
                            Map<String, Object> details = new HashMap<>();
                            details.put("unitId", unitId);
                            details.put("date", input.date().toString());
                            details.put("round", round);
                            details.put("rounds", rounds);
                            details.put("areaId", areaId);
                            return audit.record(tx, actor, "CREATE_TESTING_ROUND", "TestingRound",
                                    created.numericId(), details).replaceWith(created);
                        }))
                .onFailure(e -> e instanceof PgException pg && "23514".equals(pg.getSqlState()))
                .transform(e -> DomainException.invalid("round " + round + " of " + rounds
                        + " is beyond what a round may be (testing_round: at most 14 rounds)"));
    }

    private static Uni<TestingRound> refuseUnit(SqlClient tx, long unitId) {
        return tx.preparedQuery("select kind from org_unit where id = $1").execute(Tuple.of(unitId)).map(rows -> {
            if (rows.size() == 0) {
                throw DomainException.notFound("org unit", unitId);
            }
            throw DomainException.invalid("a testing round is for a community, grid or building; unit " + unitId
                    + " is a " + rows.iterator().next().getString("kind"));
        });
    }

    /**
     * A round carried out: refused with HOUSEHOLDS_MISSING while a household under its unit is not accounted for
     * (a round without households, e.g. a response's round of an area without a register, completes). The round's
     * row is locked first (FOR NO KEY UPDATE: recordings under way, which share-lock it, finish before the count,
     * and later ones find the round DONE).
     */
    public Uni<TestingRound> complete(long roundId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("select " + COLUMNS
                                + " from testing_round r where r.id = $1 for no key update")
                        .execute(Tuple.of(roundId))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw DomainException.notFound("testing round", roundId);
                            }
                            TestingRound round = map(rows.iterator().next());
                            if (round.status() != TestingRoundStatus.SCHEDULED) {
                                throw new DomainException("INVALID_TRANSITION", "testing round " + roundId + " is "
                                        + round.status() + "; only a SCHEDULED round can be completed");
                            }
                            return households.missingCount(tx, roundId, round.unitId());
                        })
                        .chain(missing -> {
                            if (missing > 0) {
                                throw new HouseholdsMissing(roundId, missing);
                            }
                            return tx.preparedQuery("update testing_round set status = 'DONE' where id = $1")
                                    .execute(Tuple.of(roundId))
                                    .chain(() -> audit.record(tx, actor, "COMPLETE_TESTING_ROUND", "TestingRound",
                                            roundId, Map.of()));
                        }))
                .chain(() -> byId(roundId));
    }

    /** Cancels, in {@code tx}, the rounds of a response not yet done; answers how many. */
    public Uni<Integer> cancelOfResponse(SqlClient tx, long responseId, String reason) {
        return tx.preparedQuery("update testing_round set status = 'CANCELLED', cancel_reason = $2"
                        + " where response_id = $1 and status = 'SCHEDULED'")
                .execute(Tuple.of(responseId, reason)).map(rows -> rows.rowCount());
    }

    /** One round; null if there is none. */
    public Uni<TestingRound> byId(long roundId) {
        return pool.preparedQuery("select " + COLUMNS + " from testing_round r where r.id = $1")
                .execute(Tuple.of(roundId)).map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    /**
     * The rounds testing households of a unit, by date: rounds of the unit itself and of units inside it (a
     * community's rounds of its grids and buildings), and rounds of the units containing it (a building is tested by
     * its community's round).
     */
    public Uni<List<TestingRound>> ofUnit(long unitId, LocalDate from, LocalDate to) {
        String sql = "select " + COLUMNS + " from testing_round r where r.unit_id in ("
                + " select o.id from org_unit o where o.path_ids @> array[$1::bigint]"
                + " union select unnest(q.path_ids) from org_unit q where q.id = $1)"
                + " and ($2::date is null or r.on_date >= $2) and ($3::date is null or r.on_date <= $3)"
                + " order by r.on_date, r.id";
        return pool.preparedQuery(sql).execute(Tuple.of(unitId, from, to)).map(rows -> {
            List<TestingRound> found = new ArrayList<>();
            rows.forEach(row -> found.add(map(row)));
            return found;
        });
    }

    /** Rounds of each response, in round order. */
    public Uni<List<List<TestingRound>>> ofResponses(List<Long> responseIds) {
        return pool.preparedQuery("select " + COLUMNS + " from testing_round r where r.response_id = any($1)"
                        + " order by r.response_id, r.round")
                .execute(Tuple.of((Object) responseIds.toArray(Long[]::new))).map(rows -> {
                    Map<Long, List<TestingRound>> byResponse = new HashMap<>();
                    for (Row row : rows) {
                        TestingRound r = map(row);
                        byResponse.computeIfAbsent(r.responseId(), k -> new ArrayList<>()).add(r);
                    }
                    return responseIds.stream().map(id -> byResponse.getOrDefault(id, List.of())).toList();
                });
    }

    /** A write into a round that is no longer SCHEDULED. */
    static DomainException closed(long roundId, String status) {
        return new DomainException("ROUND_CLOSED", "testing round " + roundId + " is " + status
                + "; households are recorded only in a SCHEDULED round");
    }

    private static TestingRound map(Row row) {
        return new TestingRound(String.valueOf(row.getLong("id")), row.getString("area_id"), row.getInteger("round"),
                row.getInteger("rounds"), row.getLocalDate("on_date"),
                TestingRoundStatus.valueOf(row.getString("status")), row.getString("cancel_reason"),
                row.getLong("response_id"), row.getLong("unit_id"), row.getLong("community_id"));
    }
}
