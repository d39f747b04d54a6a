package org.epicontrol.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Lock requests a test's own lock holds up in a suite database: proof that a process is stuck right where the test wants it. */
final class LockWaits {
    /** The lock requests not granted to sessions of the current database, with their sessions' pids. */
    static final String WAITING = "pg_locks l join pg_stat_activity a on a.pid = l.pid"
            + " where a.datname = current_database() and not l.granted";

    private LockWaits() {
    }

    /**
     * Lock requests not granted to sessions of {@code db}'s database; by the session's database, since a wait for a
     * row lock is a wait for the locking transaction, which names no database.
     */
    static int count(Connection db) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + WAITING)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
