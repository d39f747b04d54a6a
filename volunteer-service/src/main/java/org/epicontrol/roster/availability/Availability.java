package org.epicontrol.roster.availability;

import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a person can be rostered: inside one of their weekly windows (none recorded: any time), and outside every
 * one-off exception. A shift must lie wholly inside the windows, which may be joined (Mon 20:00–24:00 and Tue
 * 00:00–08:00 cover a night shift).
 */
public record Availability(List<Window> weekly, List<Interval> exceptions, ZoneId zone) {

    /** A weekly window; {@code end} not after {@code start}: it runs into the next day; equal: the whole day. */
    public record Window(DayOfWeek day, LocalTime start, LocalTime end) {
    }

    public static Availability always(ZoneId zone) {
        return new Availability(List.of(), List.of(), zone);
    }

    public boolean covers(Interval shift) {
        for (Interval exception : exceptions) {
            if (exception.start().isBefore(shift.end()) && shift.start().isBefore(exception.end())) {
                return false;
            }
        }
        if (weekly.isEmpty()) {
            return true;
        }
        List<Interval> occurrences = occurrences(shift);
        occurrences.sort(Comparator.comparing(Interval::start));
        // walk the joined occurrences from the shift's start
        OffsetDateTime reached = shift.start();
        for (Interval o : occurrences) {
            if (!o.start().isAfter(reached) && o.end().isAfter(reached)) {
                reached = o.end();
                if (!reached.isBefore(shift.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The windows' occurrences from the day before the shift's start to its end day. */
    private List<Interval> occurrences(Interval shift) {
        LocalDate first = shift.start().atZoneSameInstant(zone).toLocalDate().minusDays(1);
        LocalDate last = shift.end().atZoneSameInstant(zone).toLocalDate();
        List<Interval> found = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (Window w : weekly) {
                if (w.day() == date.getDayOfWeek()) {
                    ZonedDateTime start = date.atTime(w.start()).atZone(zone);
                    ZonedDateTime end = w.end().isAfter(w.start()) ? date.atTime(w.end()).atZone(zone)
                            : date.plusDays(1).atTime(w.end()).atZone(zone);
                    found.add(new Interval(start.toOffsetDateTime(), end.toOffsetDateTime()));
                }
            }
        }
        return found;
    }
}
