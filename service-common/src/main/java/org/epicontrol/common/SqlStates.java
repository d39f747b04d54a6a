package org.epicontrol.common;

import io.vertx.sqlclient.DatabaseException;

import java.sql.SQLException;

/**
 * PostgreSQL's error codes (SQLSTATE) the services turn into typed errors, and the test whether a failure carries
 * one, however it is wrapped: the reactive client's {@link DatabaseException} (PgException) directly, Hibernate
 * Reactive's exceptions around a JDBC-style {@link SQLException}.
 */
public final class SqlStates {

    /** unique_violation: a unique index or constraint refused the row. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** check_violation: a CHECK constraint refused the row. */
    public static final String CHECK_VIOLATION = "23514";
    /** foreign_key_violation. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** exclusion_violation: an exclusion constraint (overlapping periods). */
    public static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    /** The failure, or one of its causes, is a database error with that SQLSTATE. */
    public static boolean is(Throwable failure, String sqlState) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DatabaseException db && sqlState.equals(db.getSqlState())
                    || e instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
