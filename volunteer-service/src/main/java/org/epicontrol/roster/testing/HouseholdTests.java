package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.Actor;

import java.util.Arrays;

/**
 * Records a household's status in a round (SQL on the reactive client: concurrent recorders are the point). One
 * recording is one transaction: the round's row is share-locked (completing the round waits for recordings under
 * way, and they for it), the household's standing row is locked (inserted, or {@code for update}), so concurrent
 * recorders of one household are serialised and each decides against what the one before it left
 * ({@link Precedence}); every recording that is not a repeat goes to the append-only history.
 */
@ApplicationScoped
public class HouseholdTests {

    static final String COLUMNS = "t.round_id, t.household_id, t.status, t.tested_count, t.reason, t.accounted,"
            + " t.recorded_by, t.recorded_at";

    private final Pool pool;

    public HouseholdTests(Pool pool) {
        this.pool = pool;
    }

    /** recordHouseholdTest: the checks of {@code permit} and the recording in one transaction. */
    Uni<HouseholdTest> record(Recording recording, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> record(tx, actor, recording));
    }

    /**
     * In {@code tx}: the round must be SCHEDULED (else ROUND_CLOSED), the household active and under the round's
     * unit (else INVALID_INPUT). Answers what stands after the recording.
     */
    Uni<HouseholdTest> record(SqlClient tx, Actor actor, Recording recording) {
        return openRound(tx, recording.roundId())
                .chain(unitId -> householdOf(tx, recording, unitId))
                .chain(complete -> tx.preparedQuery("insert into household_test as t (round_id, household_id, status,"
                                + " tested_count, reason, recorded_by, recorded_subject) values ($1, $2, $3, $4, $5, $6, $7)"
                                + " on conflict (round_id, household_id) do nothing returning " + COLUMNS)
                        .execute(Tuple.from(Arrays.asList(complete.roundId(), complete.householdId(),
                                complete.status().name(), complete.testedCount(), complete.reason(), by(actor),
                                actor.subject())))
                        .chain(inserted -> inserted.rowCount() == 1
                                ? history(tx, actor, complete, null, true).replaceWith(map(inserted.iterator().next()))
                                : update(tx, actor, complete)));
    }

    /** The standing status of a household recorded before: locked, then decided against. */
    private Uni<HouseholdTest> update(SqlClient tx, Actor actor, Recording recording) {
        return tx.preparedQuery("select " + COLUMNS + " from household_test t where t.round_id = $1"
                        + " and t.household_id = $2 for update")
                .execute(Tuple.of(recording.roundId(), recording.householdId()))
                .chain(rows -> {
                    HouseholdTest standing = map(rows.iterator().next());
                    return switch (Precedence.decide(standing, recording)) {
                        case SAME -> Uni.createFrom().item(standing);
                        case KEEP -> history(tx, actor, recording, standing.status(), false).replaceWith(standing);
                        case APPLY -> tx.preparedQuery("update household_test as t set status = $3, tested_count = $4,"
                                        + " reason = $5, recorded_by = $6, recorded_subject = $7, recorded_at = now()"
                                        + " where t.round_id = $1 and t.household_id = $2 returning " + COLUMNS)
                                .execute(Tuple.from(Arrays.asList(recording.roundId(), recording.householdId(),
                                        recording.status().name(), recording.testedCount(), recording.reason(),
                                        by(actor), actor.subject())))
                                .chain(updated -> history(tx, actor, recording, standing.status(), true)
                                        .replaceWith(map(updated.iterator().next())));
                    };
                });
    }

    /** The round's unit, the round's row share-locked for the rest of the transaction. */
    private static Uni<Long> openRound(SqlClient tx, long roundId) {
        return tx.preparedQuery("select unit_id, status from testing_round where id = $1 for share")
                .execute(Tuple.of(roundId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("testing round", roundId);
                    }
                    Row row = rows.iterator().next();
                    if (!TestingRoundStatus.SCHEDULED.name().equals(row.getString("status"))) {
                        throw TestingRounds.closed(roundId, row.getString("status"));
                    }
                    return row.getLong("unit_id");
                });
    }

    /** The household checked against the round; the recording with its tested count filled from the head count. */
    private static Uni<Recording> householdOf(SqlClient tx, Recording recording, long unitId) {
        return tx.preparedQuery("select h.active, h.head_count, b.path_ids @> array[$2::bigint] as inside"
                        + " from household h join org_unit b on b.id = h.building_id where h.id = $1")
                .execute(Tuple.of(recording.householdId(), unitId)).map(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("household", recording.householdId());
                    }
                    Row row = rows.iterator().next();
                    if (!row.getBoolean("inside")) {
                        throw DomainException.invalid("household " + recording.householdId()
                                + " is not among the households of testing round " + recording.roundId());
                    }
                    if (!row.getBoolean("active")) {
                        throw DomainException.invalid("household " + recording.householdId()
                                + " has been removed from the register");
                    }
                    if (!recording.status().counted() || recording.testedCount() != null) {
                        return recording;
                    }
                    return recording.withTestedCount(row.getInteger("head_count"));
                });
    }

    private static Uni<Void> history(SqlClient tx, Actor actor, Recording recording, HouseholdTestStatus previous,
                                     boolean applied) {
        return tx.preparedQuery("insert into household_test_record (round_id, household_id, status, tested_count,"
                        + " reason, previous_status, applied, correction, task_id, recorded_by, recorded_subject)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.from(Arrays.asList(recording.roundId(), recording.householdId(),
                        recording.status().name(), recording.testedCount(), recording.reason(),
                        previous == null ? null : previous.name(), applied,
                        recording.mode() == Precedence.Mode.CORRECTION, recording.taskId(), by(actor),
                        actor.subject())))
                .replaceWithVoid();
    }

    private static String by(Actor actor) {
        return actor.username() != null ? actor.username() : actor.subject();
    }

    static HouseholdTest map(Row row) {
        return new HouseholdTest(HouseholdTestStatus.valueOf(row.getString("status")), row.getInteger("tested_count"),
                row.getString("reason"), row.getBoolean("accounted"), row.getString("recorded_by"),
                row.getOffsetDateTime("recorded_at"), row.getLong("round_id"), row.getLong("household_id"));
    }
}
