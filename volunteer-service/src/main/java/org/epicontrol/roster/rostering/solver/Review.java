package org.epicontrol.roster.rostering.solver;

import org.epicontrol.roster.shift.WorkingTimeRules;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A solved plan made safe to show and apply: every proposed place that breaks a hard rule (a solver stopped before
 * it was feasible) is emptied again, and every open place gets its reason, computed from the facts. Moves (held places
 * given to somebody else) stand or fall together: if one of them breaks a rule beside the rest, or a held place was
 * left empty, every held place goes back to its holder, as it is on the roster.
 */
public final class Review {

    private Review() {
    }

    /** Empties the places breaking a rule, answers why each open slot is open. */
    public static Map<Integer, OpenReason> settle(RosterPlan plan) {
        Map<Person, List<Place>> byPerson = new HashMap<>();
        List<Place> held = new ArrayList<>();
        for (Place p : plan.getPlaces()) {
            if (p.getHeldAssignmentId() != null && !p.isKept()) {
                held.add(p);
            } else if (p.isKept() && p.getPerson() != null) {
                byPerson.computeIfAbsent(p.getPerson(), k -> new ArrayList<>()).add(p);
            }
        }
        settleMoves(held, byPerson);
        // proposed places in order, each kept only if it passes beside what was kept before it
        for (Place p : plan.getPlaces()) {
            if (p.isOpenSlot() && p.getPerson() != null) {
                List<Place> mine = byPerson.computeIfAbsent(p.getPerson(), k -> new ArrayList<>());
                if (refusal(p, p.getPerson(), mine) == null) {
                    mine.add(p);
                } else {
                    p.setPerson(null);
                }
            }
        }
        Map<Integer, OpenReason> reasons = new HashMap<>();
        for (Place p : plan.getPlaces()) {
            if (p.isOpenSlot() && p.getPerson() == null) {
                reasons.put(p.getNo(), reason(p, plan.getPeople(), byPerson));
            }
        }
        return reasons;
    }

    /** The held places as the solver left them if every move passes beside the rest, else all back to their holders. */
    private static void settleMoves(List<Place> held, Map<Person, List<Place>> byPerson) {
        boolean allPass = held.stream().allMatch(p -> p.getPerson() != null);
        Map<Person, List<Place>> withMoves = new HashMap<>();
        byPerson.forEach((person, places) -> withMoves.put(person, new ArrayList<>(places)));
        for (Place p : held) {
            if (p.getPerson() != null) {
                withMoves.computeIfAbsent(p.getPerson(), k -> new ArrayList<>()).add(p);
            }
        }
        for (Place p : held) {
            if (allPass && p.isMove() && refusal(p, p.getPerson(), withMoves.get(p.getPerson())) != null) {
                allPass = false;
            }
        }
        for (Place p : held) {
            if (!allPass) {
                p.setPerson(p.getHolder());
            }
            byPerson.computeIfAbsent(p.getPerson(), k -> new ArrayList<>()).add(p);
        }
    }

    private static OpenReason reason(Place place, List<Person> people, Map<Person, List<Place>> byPerson) {
        Map<OpenReason, Integer> refused = new EnumMap<>(OpenReason.class);
        for (Person person : people) {
            OpenReason r = refusal(place, person, byPerson.getOrDefault(person, List.of()));
            if (r == null) {
                return OpenReason.NOT_REACHED;
            }
            refused.merge(r, 1, Integer::sum);
        }
        // the furthest any candidate got: a busy candidate says more than an unqualified one
        for (OpenReason r : List.of(OpenReason.WORKING_TIME_RULES, OpenReason.ALL_QUALIFIED_BUSY,
                OpenReason.ALL_QUALIFIED_UNAVAILABLE)) {
            if (refused.containsKey(r)) {
                return r;
            }
        }
        return OpenReason.NO_QUALIFIED_VOLUNTEER;
    }

    /** The first rule the person breaks on the place beside their other places, or null when they may take it. */
    static OpenReason refusal(Place place, Person person, List<Place> others) {
        if (!place.getQualification().admits(person.id(), person.kinds(), person.skills())) {
            return OpenReason.NO_QUALIFIED_VOLUNTEER;
        }
        if (!person.availability().covers(place.getInterval())) {
            return OpenReason.ALL_QUALIFIED_UNAVAILABLE;
        }
        for (Place other : others) {
            if (other != place && WorkingTimeRules.overlap(other.getInterval(), place.getInterval())) {
                return OpenReason.ALL_QUALIFIED_BUSY;
            }
        }
        List<Interval> intervals = new ArrayList<>();
        for (Place other : others) {
            if (other != place) {
                if (WorkingTimeRules.restTooShort(other.getInterval(), place.getInterval(), place.getLimits())) {
                    return OpenReason.WORKING_TIME_RULES;
                }
                intervals.add(other.getInterval());
            }
        }
        intervals.add(place.getInterval());
        if (WorkingTimeRules.busiest24h(intervals).worked().compareTo(place.getLimits().maxPer24h()) > 0) {
            return OpenReason.WORKING_TIME_RULES;
        }
        return null;
    }
}
