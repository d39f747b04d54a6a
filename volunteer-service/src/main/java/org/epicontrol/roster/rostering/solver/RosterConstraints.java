package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.epicontrol.roster.shift.WorkingTimeRules;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;

/**
 * The rules of a proposal. Hard: the rules every sign-up passes (qualification, no overlap, rest, hours in any 24 h:
 * the community's own limits, checked by {@link WorkingTimeRules}, the one place they live) and availability;
 * headcount holds by construction (one place per free slot) and kept assignments are pinned places. Medium: places
 * left open (a held place emptied too). Soft: fairness (squared hours), preferred maximum per week, preferred posts,
 * continuity, each move of a person already assigned (allowed moves stay few), people of a post asking for a team
 * who share none. A rule between two places that both stay as they are ({@link Place#unchanged}) is not a break of
 * this plan. The soft weights below are defaults; {@code rostering.weights.*} overrides them per constraint name.
 */
public class RosterConstraints implements ConstraintProvider {

    public static final String QUALIFICATION = "qualification";
    public static final String AVAILABILITY = "availability";
    public static final String NO_OVERLAP = "no overlap";
    public static final String MIN_REST = "minimum rest";
    public static final String MAX_HOURS_24H = "max hours in 24 h";
    public static final String PLACE_OPEN = "place left open";
    public static final String FAIR_HOURS = "hours spread fairly";
    public static final String WEEKLY_PREFERENCE = "preferred max hours a week";
    public static final String PREFERRED_POST = "preferred posts";
    public static final String CONTINUITY = "continuity";
    public static final String MOVED = "moved assignment";
    public static final String TEAM_APART = "team kept together";

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                qualification(factory), availability(factory), noOverlap(factory), minimumRest(factory),
                maxHoursIn24h(factory), placeLeftOpen(factory), fairHours(factory), weeklyPreference(factory),
                preferredPosts(factory), continuity(factory), movedAssignment(factory), teamKeptTogether(factory)
        };
    }

    Constraint qualification(ConstraintFactory factory) {
        return factory.forEach(Place.class)
                .filter(p -> !p.qualified())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(QUALIFICATION);
    }

    Constraint availability(ConstraintFactory factory) {
        return factory.forEach(Place.class)
                .filter(p -> !p.available())
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(AVAILABILITY);
    }

    Constraint noOverlap(ConstraintFactory factory) {
        return factory.forEachUniquePair(Place.class, Joiners.equal(Place::getPerson),
                        Joiners.overlapping(p -> p.getInterval().start(), p -> p.getInterval().end()))
                .filter((a, b) -> !(a.unchanged() && b.unchanged()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(NO_OVERLAP);
    }

    Constraint minimumRest(ConstraintFactory factory) {
        return factory.forEachUniquePair(Place.class, Joiners.equal(Place::getPerson),
                        Joiners.overlapping(p -> p.getInterval().start().minus(p.getLimits().minRest()),
                                p -> p.getInterval().end().plus(p.getLimits().minRest())))
                .filter((a, b) -> !(a.unchanged() && b.unchanged())
                        && WorkingTimeRules.restTooShort(a.getInterval(), b.getInterval(), a.getLimits()))
                .penalize(HardMediumSoftLongScore.ONE_HARD)
                .asConstraint(MIN_REST);
    }

    /** Penalised by the hours over the limit in the person's busiest 24 h. */
    Constraint maxHoursIn24h(ConstraintFactory factory) {
        return factory.forEach(Place.class)
                .groupBy(Place::getPerson, ConstraintCollectors.toList())
                .filter((person, places) -> places.stream().anyMatch(p -> !p.unchanged()) && excessHours(places) > 0)
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (person, places) -> excessHours(places))
                .asConstraint(MAX_HOURS_24H);
    }

    static long excessHours(List<Place> places) {
        Duration limit = places.get(0).getLimits().maxPer24h();
        List<Interval> intervals = places.stream().map(Place::getInterval).toList();
        Duration over = WorkingTimeRules.busiest24h(intervals).worked().minus(limit);
        return over.isNegative() || over.isZero() ? 0 : Math.max(1, (over.toMinutes() + 59) / 60);
    }

    Constraint placeLeftOpen(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Place.class)
                .filter(p -> p.getPerson() == null)
                .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
                .asConstraint(PLACE_OPEN);
    }

    /** Squared hours per person: two people at 24 h cost less than one at 48 h and one at none. */
    Constraint fairHours(ConstraintFactory factory) {
        return factory.forEach(Place.class)
                .groupBy(Place::getPerson, ConstraintCollectors.sumLong(Place::minutes))
                .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, (person, minutes) -> (minutes / 60) * (minutes / 60))
                .asConstraint(FAIR_HOURS);
    }

    /** Hours over the person's preferred maximum in an ISO week, ten times each. */
    Constraint weeklyPreference(ConstraintFactory factory) {
        return factory.forEach(Place.class)
                .filter(p -> p.getPerson().maxMinutesPerWeek() != null)
                .groupBy(Place::getPerson, p -> p.getDay().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                        ConstraintCollectors.sumLong(Place::minutes))
                .filter((person, week, minutes) -> minutes > person.maxMinutesPerWeek())
                .penalizeLong(HardMediumSoftLongScore.ofSoft(10),
                        (person, week, minutes) -> (minutes - person.maxMinutesPerWeek() + 59) / 60)
                .asConstraint(WEEKLY_PREFERENCE);
    }

    /** A place at a post the person did not list among their preferred ones (when they listed any). */
    Constraint preferredPosts(ConstraintFactory factory) {
        return factory.forEach(Place.class)
                .filter(p -> !p.unchanged() && !p.getPerson().preferredPosts().isEmpty()
                        && !p.getPerson().preferredPosts().contains(p.getPostId()))
                .penalize(HardMediumSoftLongScore.ofSoft(50))
                .asConstraint(PREFERRED_POST);
    }

    /** The same person at the same post on consecutive days (the same crew at a checkpoint) is rewarded. */
    Constraint continuity(ConstraintFactory factory) {
        return factory.forEachUniquePair(Place.class, Joiners.equal(Place::getPerson), Joiners.equal(Place::getPostId))
                .filter((a, b) -> Math.abs(ChronoUnit.DAYS.between(a.getDay(), b.getDay())) == 1)
                .reward(HardMediumSoftLongScore.ofSoft(30))
                .asConstraint(CONTINUITY);
    }

    /**
     * A held place given to somebody else (moves allowed): the person already assigned leaves. Its weight keeps moves to
     * those that buy enough fairness or preference: a 12 h shift moves from a person with some 20 h more than another.
     */
    Constraint movedAssignment(ConstraintFactory factory) {
        return factory.forEach(Place.class)
                .filter(Place::isMove)
                .penalize(HardMediumSoftLongScore.ofSoft(200))
                .asConstraint(MOVED);
    }

    /** On a shift of a post asking for a team, each pair of its people who share no team (or are in none). */
    Constraint teamKeptTogether(ConstraintFactory factory) {
        return factory.forEachUniquePair(Place.class, Joiners.equal(Place::getShiftId))
                .filter((a, b) -> (a.isAsksForTeam() || b.isAsksForTeam()) && !(a.unchanged() && b.unchanged())
                        && !a.getPerson().teamedWith(b.getPerson()))
                .penalize(HardMediumSoftLongScore.ofSoft(100))
                .asConstraint(TEAM_APART);
    }
}
