package org.epicontrol.roster.rostering.solver;

import org.epicontrol.roster.availability.Availability;
import org.epicontrol.roster.shift.Limits;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's community week (issue 16): 12 posts (the six vanguard posts, each staffed by one kind of person,
 * and six checkpoints for anybody, one asking for the skill 医护) in a 2×12 h rotation, headcount 2, for 7 days: 336
 * places; 150 volunteers of every kind with availability (most any time, some days only, some nights only, some
 * away for two days), preferred maxima and posts. Seeded: the same seed, the same week.
 */
final class CommunityWeek {

    static final List<String> KINDS = List.of("PARTY_MEMBER", "VETERAN", "YOUTH_LEAGUE", "WOMENS_TEAM",
            "RESIDENT_REPRESENTATIVE", "RESIDENT");
    static final LocalDate MONDAY = LocalDate.of(2033, 1, 3);
    static final Limits LIMITS = new Limits(Duration.ofHours(12), Duration.ofHours(8));

    private CommunityWeek() {
    }

    static RosterPlan build(long seed) {
        Random random = new Random(seed);
        List<Qualification> posts = new ArrayList<>();
        for (String kind : KINDS) {
            posts.add(new Qualification(kind + "先锋岗", List.of(kind), null));
        }
        for (int i = 0; i < 6; i++) {
            posts.add(new Qualification("卡口" + i, List.of(), i == 0 ? "医护" : null));
        }
        List<Person> people = new ArrayList<>();
        for (long id = 1; id <= 150; id++) {
            // the first 12 people (two of each kind) make every post staffable; the rest at random
            String kind = id <= 12 ? KINDS.get((int) (id - 1) % KINDS.size()) : KINDS.get(random.nextInt(KINDS.size()));
            List<String> skills = id <= 4 || random.nextInt(10) == 0 ? List.of("医护") : List.of();
            List<Availability.Window> weekly = new ArrayList<>();
            int pattern = random.nextInt(20);
            if (pattern < 4) {
                for (DayOfWeek d : DayOfWeek.values()) {
                    weekly.add(new Availability.Window(d, LocalTime.of(7, 0), LocalTime.of(21, 0)));
                }
            } else if (pattern < 6) {
                for (DayOfWeek d : DayOfWeek.values()) {
                    weekly.add(new Availability.Window(d, LocalTime.of(19, 0), LocalTime.of(9, 0)));
                }
            }
            List<Interval> away = new ArrayList<>();
            if (random.nextInt(10) == 0) {
                int day = random.nextInt(6);
                away.add(new Interval(Plans.at(day, 0), Plans.at(day + 2, 0)));
            }
            Integer maxMinutes = random.nextInt(5) == 0 ? 24 * 60 : null;
            Set<Long> preferred = random.nextInt(5) == 0 ? Set.of((long) random.nextInt(12)) : Set.of();
            people.add(new Person(id, List.of(kind), skills, new Availability(weekly, away, Plans.ZONE), maxMinutes,
                    preferred));
        }
        List<Place> places = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int half = 0; half < 2; half++) {
                for (int post = 0; post < posts.size(); post++) {
                    Interval interval = new Interval(Plans.at(day, 8 + 12 * half), Plans.at(day, 20 + 12 * half));
                    long shift = (long) post * 100 + day * 2 + half;
                    for (int slot = 0; slot < 2; slot++) {
                        places.add(new Place(places.size() + 1, shift, post, interval, MONDAY.plusDays(day),
                                posts.get(post), LIMITS, false, null));
                    }
                }
            }
        }
        return new RosterPlan(people, places);
    }
}
