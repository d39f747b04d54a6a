package org.epicontrol.roster.rostering.solver;

import org.epicontrol.roster.availability.Availability;
import org.epicontrol.roster.shift.Limits;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Small facts for solver tests: people, places on a post at hours of a day of a week starting Monday 2033-01-03. */
final class Plans {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate MONDAY = LocalDate.of(2033, 1, 3);
    static final Limits LIMITS = new Limits(Duration.ofHours(12), Duration.ofHours(8));
    static final Qualification ANYBODY = new Qualification("卡口", List.of(), null);
    private static final AtomicInteger NO = new AtomicInteger();

    private Plans() {
    }

    static Person person(long id, String... kinds) {
        return new Person(id, List.of(kinds), List.of(), Availability.always(ZONE), null, Set.of());
    }

    static OffsetDateTime at(int day, int hour) {
        return MONDAY.plusDays(day).atTime(0, 0).plusHours(hour).atZone(ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.ofHours(8));
    }

    /** A place at post {@code post} from hour {@code from} of day {@code day}, {@code hours} long. */
    static Place place(long post, int day, int from, int hours, Person person) {
        return place(post, day, from, hours, ANYBODY, person);
    }

    static Place place(long post, int day, int from, int hours, Qualification q, Person person) {
        Interval interval = new Interval(at(day, from), at(day, from + hours));
        return new Place(NO.incrementAndGet(), post * 1000 + day * 24 + from, post, interval, MONDAY.plusDays(day), q,
                LIMITS, false, person);
    }

    static Place kept(long post, int day, int from, int hours, Person person) {
        Interval interval = new Interval(at(day, from), at(day, from + hours));
        return new Place(NO.incrementAndGet(), post * 1000 + day * 24 + from, post, interval, MONDAY.plusDays(day),
                ANYBODY, LIMITS, true, person);
    }

    /** A person in these teams. */
    static Person teamed(long id, Long... teams) {
        return new Person(id, List.of(), List.of(), Availability.always(ZONE), null, Set.of(), Set.of(teams));
    }

    /** The held place of assignment {@code assignment} (moves allowed), its holder {@code holder}, now {@code person}. */
    static Place held(long post, int day, int from, int hours, long assignment, Person holder, Person person) {
        Place p = place(post, day, from, hours, holder).holding(assignment);
        p.setPerson(person);
        return p;
    }
}
