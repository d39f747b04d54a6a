package org.epicontrol.roster.shift;

import org.epicontrol.common.DomainException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Maximum hours in any 24 h and minimum rest between shifts, checked for a person's shifts plus a new one.
 * Back-to-back shifts (no gap) count as one stretch of work: the 24 h limit bounds them, the rest rule does not.
 */
public final class WorkingTimeRules {

    public record Interval(OffsetDateTime start, OffsetDateTime end) {
    }

    private WorkingTimeRules() {
    }

    public static void check(List<Interval> existing, Interval added, Limits limits) {
        for (Interval other : existing) {
            if (overlap(other, added)) {
                throw new DomainException("OVERLAPPING_SHIFT", "already on duty from " + other.start() + " to "
                        + other.end() + ", which overlaps this shift");
            }
            if (restTooShort(other, added, limits)) {
                Duration gap = gap(other, added);
                throw new DomainException("MIN_REST_VIOLATED", "only " + hours(gap) + " h between this shift and the one "
                        + (other.start().isAfter(added.start()) ? "starting " + other.start() : "ending " + other.end())
                        + "; at least " + hours(limits.minRest()) + " h of rest are required");
            }
        }
        List<Interval> all = new ArrayList<>(existing);
        all.add(added);
        Busiest busiest = busiest24h(all);
        if (busiest.worked().compareTo(limits.maxPer24h()) > 0) {
            throw new DomainException("MAX_HOURS_EXCEEDED", "this shift would make " + hours(busiest.worked())
                    + " h on duty within 24 h from " + busiest.from() + "; the limit is " + hours(limits.maxPer24h()) + " h");
        }
    }

    /** Whether two shifts share any time (touching ends do not). */
    public static boolean overlap(Interval a, Interval b) {
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    /** Whether two shifts that do not overlap leave less rest between them than the limit (back to back: no rest due). */
    public static boolean restTooShort(Interval a, Interval b, Limits limits) {
        Duration gap = gap(a, b);
        return !gap.isNegative() && !gap.isZero() && gap.compareTo(limits.minRest()) < 0;
    }

    private static Duration gap(Interval a, Interval b) {
        return a.start().isBefore(b.start()) ? Duration.between(a.end(), b.start()) : Duration.between(b.end(), a.start());
    }

    /** The busiest 24 h window of a person's shifts: where it starts and how long they are on duty within it. */
    public record Busiest(OffsetDateTime from, Duration worked) {
    }

    public static Busiest busiest24h(List<Interval> all) {
        // The busiest 24 h window starts where some shift starts or ends 24 h after some shift ends.
        List<OffsetDateTime> windowStarts = new ArrayList<>();
        for (Interval i : all) {
            windowStarts.add(i.start());
            windowStarts.add(i.end().minusHours(24));
        }
        Busiest busiest = new Busiest(null, Duration.ZERO);
        for (OffsetDateTime from : windowStarts) {
            OffsetDateTime to = from.plusHours(24);
            Duration worked = Duration.ZERO;
            for (Interval i : all) {
                OffsetDateTime s = i.start().isAfter(from) ? i.start() : from;
                OffsetDateTime e = i.end().isBefore(to) ? i.end() : to;
                if (e.isAfter(s)) {
                    worked = worked.plus(Duration.between(s, e));
                }
            }
            if (worked.compareTo(busiest.worked()) > 0) {
                busiest = new Busiest(from, worked);
            }
        }
        return busiest;
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }
}
