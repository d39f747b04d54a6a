package org.epicontrol.notice.replica;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lag measure and the routing decision on it, on a clock of the test's own (nanoseconds as seconds). */
class ReplicaLagTest {

    private static final Duration MAX_LAG = Duration.ofSeconds(5);
    private static final long S = 1_000_000_000L;

    private final ReplicaLag lag = new ReplicaLag(Duration.ofMinutes(5));

    @Test
    void unknownBeforeTheFirstCheckSendsReadsToThePrimary() {
        ReplicaLag.Estimate estimate = lag.at(10 * S);
        assertFalse(estimate.known());
        assertFalse(estimate.within(MAX_LAG));
        assertTrue(Double.isNaN(estimate.seconds()));
        assertEquals(PublicReadRoute.PRIMARY_REPLICA_LAGGING,
                PublicReadRoute.of(true, false, false, estimate, MAX_LAG));
    }

    @Test
    void anIdlePrimaryWithACaughtUpReplicaIsNotLaggingHoweverLongNothingIsWritten() {
        for (long t = 0; t <= 3600; t++) {
            lag.primaryAt(0x1_0000_0100L, t * S);
            lag.replicaReplayed(0x1_0000_0100L);
        }
        assertEquals(Duration.ZERO, lag.at(3600 * S).value());
        assertTrue(lag.at(3600 * S + S / 2).within(MAX_LAG), "between two checks: half a second");
    }

    @Test
    void aReplicaBehindIsAsStaleAsTheNewestPrimaryPositionItHasReplayed() {
        lag.primaryAt(100, 0);
        lag.primaryAt(200, S);
        lag.primaryAt(300, 2 * S);
        lag.replicaReplayed(250);
        assertEquals(Duration.ofMillis(1500), lag.at(2 * S + S / 2).value(), "it has what the primary had at 1 s");
        assertTrue(lag.at(2 * S + S / 2).within(MAX_LAG));
        assertFalse(lag.at(7 * S).within(MAX_LAG), "the bound grows until the next check");
    }

    @Test
    void aReplicaWhoseReplayIsPausedCrossesMaxLagWhileThePrimaryWrites() {
        lag.primaryAt(100, 0);
        lag.replicaReplayed(100);
        for (long t = 1; t <= 8; t++) {
            lag.primaryAt(100 + t, t * S);
            lag.replicaReplayed(100);
        }
        assertEquals(Duration.ofSeconds(8), lag.at(8 * S).value());
        assertEquals(PublicReadRoute.PRIMARY_REPLICA_LAGGING, PublicReadRoute.of(true, false, false, lag.at(8 * S), MAX_LAG));
        lag.primaryAt(110, 9 * S);
        lag.replicaReplayed(110);
        assertEquals(PublicReadRoute.REPLICA, PublicReadRoute.of(true, false, false, lag.at(9 * S), MAX_LAG),
                "back on the replica once it has caught up");
    }

    @Test
    void aReplicaBehindEveryKeptPositionIsLaggingEvenRightAfterStart() {
        lag.primaryAt(500, 0);
        lag.replicaReplayed(400);
        ReplicaLag.Estimate estimate = lag.at(S / 10);
        assertTrue(estimate.atLeast());
        assertFalse(estimate.within(MAX_LAG), "a tenth of a second since the first check says nothing of its lag");
        assertEquals("more than 0.100 s", estimate.describe());
    }

    @Test
    void positionsOlderThanKeptAreDroppedAndAReplicaBehindThemIsMoreThanTheirAge() {
        ReplicaLag shortMemory = new ReplicaLag(Duration.ofSeconds(60));
        for (long t = 0; t <= 120; t++) {
            shortMemory.primaryAt(1000 + t, t * S);
        }
        shortMemory.replicaReplayed(1010);
        ReplicaLag.Estimate estimate = shortMemory.at(120 * S);
        assertTrue(estimate.atLeast());
        assertEquals(Duration.ofSeconds(60), estimate.value());
    }

    @Test
    void eachCheckSaysWhereTheReplicaAnsweringItIsNotTheBestSeenSoFar() {
        lag.primaryAt(100, 0);
        lag.primaryAt(200, 10 * S);
        lag.replicaReplayed(200);
        assertTrue(lag.at(10 * S).within(MAX_LAG));
        lag.replicaReplayed(100);
        assertEquals(Duration.ofSeconds(10), lag.at(10 * S).value(), "another replica behind the same Service");
    }

    @Test
    void aNewPrimaryAtAnEarlierPositionStartsTheHistoryAgain() {
        lag.primaryAt(1000, 0);
        lag.primaryAt(900, S);
        lag.replicaReplayed(900);
        assertEquals(Duration.ZERO, lag.at(S).value());
    }

    @Test
    void aReplicaThatIsNoStandbyIsUnknownUntilAPositionCanBeComparedAgain() {
        lag.primaryAt(100, 0);
        lag.replicaReplayed(100);
        lag.unknown("not a standby");
        assertEquals("unknown (not a standby)", lag.at(0).describe());
        assertFalse(lag.at(0).within(MAX_LAG));
        lag.replicaReplayed(100);
        assertTrue(lag.at(0).within(MAX_LAG));
    }

    @Test
    void whoMaySeeDraftsAndWhereNoReplicaIsReadThePrimaryWithoutAFallback() {
        lag.primaryAt(100, 0);
        lag.replicaReplayed(100);
        ReplicaLag.Estimate fresh = lag.at(0);
        assertEquals(PublicReadRoute.REPLICA, PublicReadRoute.of(true, false, false, fresh, MAX_LAG));
        assertEquals(PublicReadRoute.PRIMARY, PublicReadRoute.of(true, true, false, fresh, MAX_LAG));
        assertEquals(PublicReadRoute.PRIMARY, PublicReadRoute.of(false, false, false, ReplicaLag.Estimate.unknown("-"), MAX_LAG));
        assertEquals(PublicReadRoute.PRIMARY_REPLICA_RESTING, PublicReadRoute.of(true, false, true, fresh, MAX_LAG));
    }

    @Test
    void exactlyMaxLagIsWithinTheBound() {
        lag.primaryAt(100, 0);
        lag.replicaReplayed(100);
        assertTrue(lag.at(5 * S).within(MAX_LAG));
        assertFalse(lag.at(5 * S + 1).within(MAX_LAG));
    }

    @Test
    void theCheckMustRunMoreThanTwiceWithinMaxLag() {
        ReadReplica.checkIntervals(Duration.ofSeconds(1), MAX_LAG);
        ReadReplica.checkIntervals(Duration.ofMillis(250), Duration.ofSeconds(2));
        assertThrows(IllegalArgumentException.class, () -> ReadReplica.checkIntervals(Duration.ofMillis(2500), MAX_LAG));
        assertThrows(IllegalArgumentException.class, () -> ReadReplica.checkIntervals(Duration.ZERO, MAX_LAG));
    }

    @Test
    void anInsertPositionJustPastAPageHeaderIsReachedAtThePagesStart() {
        assertEquals(0x3_0000_2000L, ReplicaLag.replayTarget(0x3_0000_2018L), "short header (24 bytes)");
        assertEquals(0x3_0100_0000L, ReplicaLag.replayTarget(0x3_0100_0028L), "long header (40), a segment's first page");
        assertEquals(0x3_0000_2030L, ReplicaLag.replayTarget(0x3_0000_2030L), "within a page: as it is");
        assertEquals(0x3_0000_2000L, ReplicaLag.replayTarget(0x3_0000_2000L));
        lag.primaryAt(ReplicaLag.replayTarget(0x3_0000_2018L), 0);
        lag.replicaReplayed(0x3_0000_2000L);
        assertEquals(Duration.ZERO, lag.at(0).value(), "an idle primary whose last record ended at a page's start");
    }

    @Test
    void positionsAreReadAsPostgresqlWritesThem() {
        assertEquals(0x16_B374D848L, ReplicaLag.parseLsn("16/B374D848"));
        assertEquals(0L, ReplicaLag.parseLsn("0/0"));
        assertThrows(IllegalArgumentException.class, () -> ReplicaLag.parseLsn("B374D848"));
    }
}
