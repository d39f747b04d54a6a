package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.epicontrol.roster.shift.Limits;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.Duration;
import java.time.LocalDate;

/**
 * One place to fill: a free headcount slot of a shift, and who takes it (null: it stays open). A shift with two free
 * slots is two places. People already on a shift near the window are kept places: pinned, with their person, so
 * every rule between shifts sees them and nobody moves them.
 */
@PlanningEntity
public class Place {

    @PlanningId
    private Integer no;
    private long shiftId;
    private long postId;
    private Interval interval;
    /** The day the shift starts in the city's zone (continuity, weeks). */
    private LocalDate day;
    private Qualification qualification;
    private Limits limits;
    @PlanningPin
    private boolean kept;
    @PlanningVariable(allowsUnassigned = true)
    private Person person;

    public Place() {
    }

    public Place(int no, long shiftId, long postId, Interval interval, LocalDate day, Qualification qualification,
                 Limits limits, boolean kept, Person person) {
        this.no = no;
        this.shiftId = shiftId;
        this.postId = postId;
        this.interval = interval;
        this.day = day;
        this.qualification = qualification;
        this.limits = limits;
        this.kept = kept;
        this.person = person;
    }

    public Integer getNo() {
        return no;
    }

    public long getShiftId() {
        return shiftId;
    }

    public long getPostId() {
        return postId;
    }

    public Interval getInterval() {
        return interval;
    }

    public LocalDate getDay() {
        return day;
    }

    public Qualification getQualification() {
        return qualification;
    }

    public Limits getLimits() {
        return limits;
    }

    public boolean isKept() {
        return kept;
    }

    public Person getPerson() {
        return person;
    }

    public void setPerson(Person person) {
        this.person = person;
    }

    /** Whether the person on it may staff its post (the rule of sign-ups, {@link Qualification}). */
    public boolean qualified() {
        return person == null || kept || qualification.admits(person.id(), person.kinds(), person.skills());
    }

    /** Whether the person on it can be rostered then. */
    public boolean available() {
        return person == null || kept || person.availability().covers(interval);
    }

    public long minutes() {
        return Duration.between(interval.start(), interval.end()).toMinutes();
    }

    @Override
    public String toString() {
        return "place " + no + " (shift " + shiftId + ")";
    }
}
