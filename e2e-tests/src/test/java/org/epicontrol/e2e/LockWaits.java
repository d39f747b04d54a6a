package org.epicontrol.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Lock requests a test's own lock holds up in a suite database: proof that a process is stuck right where the test wants it. */
final class LockWaits {
    private LockWaits() {
    }

    /** Lock requests of {@code db}'s database that are not granted. */
    static int count(Connection db) {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pg_locks l"
                + " join pg_database d on d.oid = l.database where d.datname = current_database() and not l.granted")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
