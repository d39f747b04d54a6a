package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Testing rounds of an area under a response: scheduled once per (response, round), done, or cancelled. */
@ApplicationScoped
public class TestingRounds {

    private static final String COLUMNS = "r.id, r.area_id, r.round, r.rounds, r.on_date, r.status, r.cancel_reason,"
            + " r.response_id";

    private final Pool pool;
    private final AuditTrail audit;

    public TestingRounds(Pool pool, AuditTrail audit) {
        this.pool = pool;
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

    /** A round carried out. */
    public Uni<TestingRound> complete(long roundId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("update testing_round set status = 'DONE'"
                                + " where id = $1 and status = 'SCHEDULED' returning id")
                        .execute(Tuple.of(roundId))
                        .chain(rows -> rows.rowCount() == 1
                                ? audit.record(tx, actor, "COMPLETE_TESTING_ROUND", "TestingRound", roundId, Map.of())
                                : tx.preparedQuery("select status from testing_round where id = $1")
                                        .execute(Tuple.of(roundId)).map(found -> {
                                            if (found.size() == 0) {
                                                throw DomainException.notFound("testing round", roundId);
                                            }
                                            throw new DomainException("INVALID_TRANSITION", "testing round " + roundId
                                                    + " is " + found.iterator().next().getString("status")
                                                    + "; only a SCHEDULED round can be completed");
                                        })))
                .chain(() -> pool.preparedQuery("select " + COLUMNS + " from testing_round r where r.id = $1")
                        .execute(Tuple.of(roundId)).map(rows -> map(rows.iterator().next())));
    }

    /** Cancels, in {@code tx}, the rounds of a response not yet done; answers how many. */
    public Uni<Integer> cancelOfResponse(SqlClient tx, long responseId, String reason) {
        return tx.preparedQuery("update testing_round set status = 'CANCELLED', cancel_reason = $2"
                        + " where response_id = $1 and status = 'SCHEDULED'")
                .execute(Tuple.of(responseId, reason)).map(rows -> rows.rowCount());
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

    private static TestingRound map(Row row) {
        return new TestingRound(String.valueOf(row.getLong("id")), row.getString("area_id"), row.getInteger("round"),
                row.getInteger("rounds"), row.getLocalDate("on_date"),
                TestingRoundStatus.valueOf(row.getString("status")), row.getString("cancel_reason"),
                row.getLong("response_id"));
    }
}
