package org.epicontrol.notice.replica;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * How far behind the primary the replica is, in time, as an upper bound of the staleness of what it answers. Fed by
 * {@link ReplicaLagCheck}: the primary's WAL insert position, read at a moment of this service's monotonic clock,
 * then the replica's replayed position. The insert position, not the flushed one: with {@code synchronous_commit}
 * off a commit is visible on the primary before its WAL is flushed (the embedded test server runs so), so only the
 * insert position covers everything a reader of the primary could see at that moment. The replica has replayed everything the primary had committed at the moment
 * of the newest primary sample whose position it has reached, so it is at most {@code now - that moment} stale; the
 * bound grows by itself between checks (and while they fail), so a read routed by it keeps the bound.
 *
 * <p>Why not {@code now() - pg_last_xact_replay_timestamp()}: on an idle primary it grows although the replica has
 * everything, and it mixes two machines' clocks. Why not the primary's {@code pg_stat_replication.replay_lsn}: a
 * standby reports its replay position only with its next write/flush report or every
 * {@code wal_receiver_status_interval} (10 s), so a caught-up replica looks behind for up to 10 s, and reading it
 * needs {@code pg_monitor}. Positions compared on the service's own clock need neither clock agreement nor
 * privileges, and an idle primary's position does not move, so a replica that has it is not lagging however long
 * nothing is written. Resolution: one check interval (the replica may be judged up to two intervals staler than it
 * is, never fresher).
 */
final class ReplicaLag {

    /** A lag in time, or that it is unknown (and why). {@code atLeast}: the replica is behind every kept sample. */
    record Estimate(Duration value, boolean atLeast, String unknownBecause) {

        static Estimate unknown(String why) {
            return new Estimate(null, false, why);
        }

        boolean known() {
            return value != null;
        }

        /** Known to be within the bound: only then may a public read use the replica. */
        boolean within(Duration maxLag) {
            return known() && !atLeast && value.compareTo(maxLag) <= 0;
        }

        /** For the gauge: seconds, a lower bound when {@code atLeast}, NaN when unknown. */
        double seconds() {
            return known() ? value.toNanos() / 1e9 : Double.NaN;
        }

        String describe() {
            if (!known()) {
                return "unknown (" + unknownBecause + ")";
            }
            return (atLeast ? "more than " : "") + String.format(java.util.Locale.ROOT, "%.3f s", seconds());
        }
    }

    private record Sample(long nanos, long lsn) {
    }

    /**
     * The last check's finding: the moment of the newest sample the replica had reached ({@code behind}: it had
     * reached none, the moment is the oldest kept sample's), or why it is unknown.
     */
    private record Finding(long caughtUpTo, boolean behind, String unknownBecause) {
    }

    private final long keepNanos;
    /** The primary's positions, increasing, each with the latest moment it was read at (the checker's only). */
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    /** Read on every public look-up: one volatile read, no lock. */
    private volatile Finding finding = new Finding(0, false, "not checked yet");

    /** {@code keep}: how long primary positions are kept; a replica behind all of them is "more than" the oldest's age. */
    ReplicaLag(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    /**
     * The primary's WAL reached {@code lsn} (a {@link #replayTarget}) by {@code nanos}: read after that moment, it
     * covers every commit visible before.
     */
    synchronized void primaryAt(long lsn, long nanos) {
        Sample last = samples.peekLast();
        if (last != null && lsn < last.lsn) {
            // A new primary after a fail-over, promoted at an earlier position: the old one's positions say nothing.
            samples.clear();
            last = null;
        }
        if (last != null && lsn == last.lsn) {
            // Idle primary: the position has not moved; a replica that has it is caught up to this moment.
            samples.pollLast();
            samples.addLast(new Sample(nanos, lsn));
        } else {
            samples.addLast(new Sample(nanos, lsn));
        }
        while (samples.size() > 1 && nanos - samples.peekFirst().nanos > keepNanos) {
            samples.pollFirst();
        }
    }

    /**
     * The replica has replayed up to {@code lsn}. Not monotonic: each check says where the replica answering it is
     * now (another replica behind the same Service, or one restored from an older backup, may be further behind).
     */
    synchronized void replicaReplayed(long lsn) {
        if (samples.isEmpty()) {
            finding = new Finding(0, false, "no position of the primary read yet");
            return;
        }
        Iterator<Sample> newestFirst = samples.descendingIterator();
        while (newestFirst.hasNext()) {
            Sample s = newestFirst.next();
            if (s.lsn <= lsn) {
                finding = new Finding(s.nanos, false, null);
                return;
            }
        }
        finding = new Finding(samples.peekFirst().nanos, true, null);
    }

    /** The replica's replay position cannot be compared (it is not a standby, or the check found nothing). */
    synchronized void unknown(String why) {
        finding = new Finding(0, false, why);
    }

    Estimate at(long nanos) {
        Finding f = finding;
        if (f.unknownBecause != null) {
            return Estimate.unknown(f.unknownBecause);
        }
        return new Estimate(Duration.ofNanos(Math.max(0, nanos - f.caughtUpTo)), f.behind, null);
    }

    /** WAL page size (XLOG_BLCKSZ, PostgreSQL's default and CloudNativePG's). */
    private static final int WAL_PAGE = 8192;
    /** Sizes of a WAL page header: short, and long (first page of a segment). */
    private static final int SHORT_HEADER = 24;
    private static final int LONG_HEADER = 40;

    /**
     * The position a replica must have replayed to have everything inserted up to {@code insertLsn}: an insert
     * position just past a page header (the last record ended exactly at the page's start) is that page's start,
     * which is where a caught-up replica's replay ends; otherwise an idle primary would keep it "behind" forever.
     */
    static long replayTarget(long insertLsn) {
        long intoPage = Long.remainderUnsigned(insertLsn, WAL_PAGE);
        return intoPage == SHORT_HEADER || intoPage == LONG_HEADER ? insertLsn - intoPage : insertLsn;
    }

    /** A pg_lsn as text ({@code 16/B374D848}) as the 64-bit position it names. */
    static long parseLsn(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a pg_lsn: " + text);
        }
        return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32)
                | Long.parseUnsignedLong(text.substring(slash + 1), 16);
    }
}
