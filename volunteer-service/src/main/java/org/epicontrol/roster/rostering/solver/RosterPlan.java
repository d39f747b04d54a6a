package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.util.List;

/**
 * The planning problem of one proposal: the community's pool and its places (open ones to fill, kept ones pinned).
 * Hard: the roster rules; medium: places filled; soft: fairness and preferences ({@link RosterConstraints}).
 */
@PlanningSolution
public class RosterPlan {

    @ProblemFactCollectionProperty
    private List<Person> people;
    @PlanningEntityCollectionProperty
    private List<Place> places;
    @PlanningScore
    private HardMediumSoftLongScore score;
    /** The soft weights as configured (rostering.weights.*); a constraint not named keeps its default. */
    private ConstraintWeightOverrides<HardMediumSoftLongScore> weights = ConstraintWeightOverrides.none();

    public RosterPlan() {
    }

    /** Each place narrowed to its candidates ({@link Place#narrow}). */
    public RosterPlan(List<Person> people, List<Place> places) {
        this.people = people;
        this.places = places;
        places.forEach(p -> p.narrow(people));
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getWeights() {
        return weights;
    }

    public void setWeights(ConstraintWeightOverrides<HardMediumSoftLongScore> weights) {
        this.weights = weights;
    }

    public List<Person> getPeople() {
        return people;
    }

    public List<Place> getPlaces() {
        return places;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    /** The open places of the problem (kept and held ones left out). */
    public long total() {
        return places.stream().filter(Place::isOpenSlot).count();
    }

    public long filled() {
        return places.stream().filter(p -> p.isOpenSlot() && p.getPerson() != null).count();
    }

    /** The places the solver decides: open slots and held places (moves allowed); kept ones left out. */
    public long planned() {
        return places.stream().filter(p -> !p.isKept()).count();
    }

    /** Held places given to somebody else. */
    public long moves() {
        return places.stream().filter(Place::isMove).count();
    }
}
