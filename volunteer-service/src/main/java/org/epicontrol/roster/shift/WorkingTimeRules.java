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
            if (other.start().isBefore(added.end()) && added.start().isBefore(other.end())) {
                throw new DomainException("OVERLAPPING_SHIFT", "already on duty from " + other.start() + " to "
                        + other.end() + ", which overlaps this shift");
            }
            Duration gap = other.start().isBefore(added.start())
                    ? Duration.between(other.end(), added.start())
                    : Duration.between(added.end(), other.start());
            if (!gap.isNegative() && !gap.isZero() && gap.compareTo(limits.minRest()) < 0) {
                throw new DomainException("MIN_REST_VIOLATED", "only " + hours(gap) + " h between this shift and the one "
                        + (other.start().isAfter(added.start()) ? "starting " + other.start() : "ending " + other.end())
                        + "; at least " + hours(limits.minRest()) + " h of rest are required");
            }
        }
        List<Interval> all = new ArrayList<>(existing);
        all.add(added);
        // The busiest 24 h window starts where some shift starts or ends 24 h after some shift ends.
        List<OffsetDateTime> windowStarts = new ArrayList<>();
        for (Interval i : all) {
            windowStarts.add(i.start());
            windowStarts.add(i.end().minusHours(24));
        }
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
            if (worked.compareTo(limits.maxPer24h()) > 0) {
                throw new DomainException("MAX_HOURS_EXCEEDED", "this shift would make " + hours(worked)
                        + " h on duty within 24 h from " + from + "; the limit is " + hours(limits.maxPer24h()) + " h");
            }
        }
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
    }
}
