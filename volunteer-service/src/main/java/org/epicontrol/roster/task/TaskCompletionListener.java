package org.epicontrol.roster.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import org.epicontrol.roster.audit.Actor;

/**
 * Told of every task completeTask moved to DONE, in that write's transaction (a failure rolls the completion back):
 * e.g. a testing round's door-to-door task records its household tested.
 */
public interface TaskCompletionListener {

    Uni<Void> completed(SqlClient tx, Actor actor, Task task);
}
