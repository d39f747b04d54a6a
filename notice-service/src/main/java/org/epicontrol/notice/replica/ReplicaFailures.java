package org.epicontrol.notice.replica;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.io.IOException;
import java.util.Set;

/**
 * What a failed read on the replica means: the replica is unavailable (no connection, connection lost, shutting
 * down or starting up), the statement lost a conflict with the replay of the primary's WAL (a hot standby cancels
 * queries that hold back replay), or neither (a failure of the read itself, answered as it is).
 */
final class ReplicaFailures {

    enum Kind { UNAVAILABLE, RECOVERY_CONFLICT, OTHER }

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, not yet consistent). */
    private static final Set<String> SERVER_GOING = Set.of("57P01", "57P02", "57P03");
    /** serialization_failure and deadlock_detected: how a hot standby cancels a query in conflict with recovery. */
    private static final Set<String> CONFLICT = Set.of("40001", "40P01");

    private ReplicaFailures() {
    }

    static Kind of(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof IOException || e instanceof ClosedConnectionException) {
                return Kind.UNAVAILABLE;
            }
            if (e instanceof DatabaseException db && db.getSqlState() != null) {
                String state = db.getSqlState();
                if (state.startsWith("08") || SERVER_GOING.contains(state)) {
                    return Kind.UNAVAILABLE;
                }
                if (CONFLICT.contains(state)) {
                    return Kind.RECOVERY_CONFLICT;
                }
                return Kind.OTHER;
            }
        }
        return Kind.OTHER;
    }
}
