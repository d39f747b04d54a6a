package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.task.RoundTask;
import org.epicontrol.roster.task.Task;
import org.epicontrol.roster.task.Tasks;

import java.util.ArrayList;
import java.util.List;

/**
 * generateMissedTasks: a door-to-door task for each household the round has not tested (no status, NOT_AT_HOME,
 * REFUSED) at its building, named by its address label; idempotent through the unique index of (round, household).
 */
@ApplicationScoped
public class MissedTasks {

    // the address label of a household: its own street address, else building, unit (a bare number gets 单元) and room
    private static final String LABELS = "select h.id, h.building_id, coalesce(h.address, b.name"
            + " || case when h.unit_label ~ '^[0-9]+$' then h.unit_label || '单元' else h.unit_label end || h.room)"
            + " as label from household h join org_unit b on b.id = h.building_id where h.id = any($1)"
            + " order by h.building_id, h.unit_label, h.room, h.id";

    private final Pool pool;
    private final RoundHouseholds households;
    private final Tasks tasks;
    private final TestingConfig config;

    public MissedTasks(Pool pool, RoundHouseholds households, Tasks tasks, TestingConfig config) {
        this.pool = pool;
        this.households = households;
        this.tasks = tasks;
        this.config = config;
    }

    /** The round must be SCHEDULED (ROUND_CLOSED otherwise); answers the tasks of every missed household. */
    Uni<List<Task>> generate(long roundId, Permit permit) {
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery("select unit_id, area_id, round, rounds, status"
                        + " from testing_round where id = $1 for share").execute(Tuple.of(roundId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw DomainException.notFound("testing round", roundId);
                    }
                    Row round = rows.iterator().next();
                    if (!TestingRoundStatus.SCHEDULED.name().equals(round.getString("status"))) {
                        throw TestingRounds.closed(roundId, round.getString("status"));
                    }
                    String description = config.missedTaskDescription()
                            .replace("{round}", String.valueOf(round.getInteger("round")))
                            .replace("{rounds}", String.valueOf(round.getInteger("rounds")));
                    return households.allMissed(tx, roundId, round.getLong("unit_id"))
                            .chain(missed -> labels(tx, missed))
                            .chain(wanted -> tasks.openForRound(tx, actor, roundId, round.getString("area_id"),
                                    description, wanted));
                }));
    }

    private static Uni<List<RoundTask>> labels(SqlClient tx, List<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery(LABELS).execute(Tuple.of((Object) householdIds.toArray(Long[]::new))).map(rows -> {
            List<RoundTask> wanted = new ArrayList<>();
            rows.forEach(row -> wanted.add(new RoundTask(row.getLong("id"), row.getLong("building_id"),
                    row.getString("label"))));
            return wanted;
        });
    }
}
