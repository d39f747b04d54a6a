package org.epicontrol.roster.testing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.task.Task;
import org.epicontrol.roster.task.TaskCompletionListener;
import org.epicontrol.roster.task.TaskKind;

/**
 * A round's door-to-door task done (completeTask) records its household TESTED with its head count in that round,
 * in the completion's transaction, if the household is not accounted for yet ({@link Precedence.Mode#TASK_DONE});
 * a round no longer SCHEDULED is left as it is (a DONE round has every household accounted for already), and so is a
 * household removed from the register since.
 */
@ApplicationScoped
public class DoorToDoorResults implements TaskCompletionListener {

    private final HouseholdTests tests;

    public DoorToDoorResults(HouseholdTests tests) {
        this.tests = tests;
    }

    @Override
    public Uni<Void> completed(SqlClient tx, Actor actor, Task task) {
        if (task.kind() != TaskKind.DOOR_TO_DOOR_TESTING || task.testingRoundId() == null) {
            return Uni.createFrom().voidItem();
        }
        long roundId = task.testingRoundId();
        // the round share-locked as a recording does: it cannot be completed between this look and the recording
        return tx.preparedQuery("select r.status = 'SCHEDULED' and h.active as open from testing_round r, household h"
                        + " where r.id = $1 and h.id = $2 for share of r")
                .execute(Tuple.of(roundId, task.householdId()))
                .chain(rows -> !rows.iterator().next().getBoolean("open") ? Uni.createFrom().voidItem()
                        : tests.record(tx, actor, new Recording(roundId, task.householdId(), HouseholdTestStatus.TESTED,
                                null, null, Precedence.Mode.TASK_DONE, task.numericId())).replaceWithVoid());
    }
}
