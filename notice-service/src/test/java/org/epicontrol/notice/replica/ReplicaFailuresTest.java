package org.epicontrol.notice.replica;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.epicontrol.common.DomainException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.epicontrol.notice.replica.ReplicaFailures.Kind.OTHER;
import static org.epicontrol.notice.replica.ReplicaFailures.Kind.RECOVERY_CONFLICT;
import static org.epicontrol.notice.replica.ReplicaFailures.Kind.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplicaFailuresTest {

    private static PgException pg(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, null);
    }

    @Test
    void noConnectionOrALostOneMeansUnavailable() {
        assertEquals(UNAVAILABLE, ReplicaFailures.of(new ConnectException("Connection refused")));
        assertEquals(UNAVAILABLE, ReplicaFailures.of(new ConnectTimeoutException("connection timed out")));
        assertEquals(UNAVAILABLE, ReplicaFailures.of(ClosedConnectionException.INSTANCE));
        assertEquals(UNAVAILABLE, ReplicaFailures.of(new VertxException(new ConnectException("wrapped"))));
    }

    @Test
    void aServerShuttingDownStartingUpOrOutOfConnectionMeansUnavailable() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "08006", "08001"}) {
            assertEquals(UNAVAILABLE, ReplicaFailures.of(pg(state)), state);
        }
    }

    @Test
    void aQueryCancelledForReplayIsARecoveryConflict() {
        assertEquals(RECOVERY_CONFLICT, ReplicaFailures.of(pg("40001")));
        assertEquals(RECOVERY_CONFLICT, ReplicaFailures.of(pg("40P01")));
    }

    @Test
    void failuresOfTheReadItselfAreNeither() {
        assertEquals(OTHER, ReplicaFailures.of(pg("25006")), "a write on the standby is a bug, not a fallback");
        assertEquals(OTHER, ReplicaFailures.of(pg("42P01")));
        assertEquals(OTHER, ReplicaFailures.of(new DomainException("INVALID_CURSOR", "bad cursor")));
        assertEquals(OTHER, ReplicaFailures.of(new IllegalStateException("bug")));
    }
}
