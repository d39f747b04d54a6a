package org.epicontrol.roster.rostering.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.epicontrol.roster.shift.Limits;
import org.epicontrol.roster.shift.Qualification;
import org.epicontrol.roster.shift.WorkingTimeRules.Interval;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One place to fill: a free headcount slot of a shift, and who takes it (null: it stays open). A shift with two free
 * slots is two places. People already on a shift near the window are kept places: pinned, with their person, so
 * every rule between shifts sees them and nobody moves them. When the caller allows moves, an assignment on a shift
 * being planned is a held place instead ({@link #holding}): movable, starting with its own person, who stays unless
 * somebody else there serves the plan better (a move).
 */
@PlanningEntity(comparatorClass = PlaceDifficulty.class)
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
    /** The assignment a held place stands for (null: a free slot, or a kept place), and its person. */
    private Long heldAssignmentId;
    private Person holder;
    /** The post asks for a team: its people on one shift should share a team. */
    private boolean asksForTeam;
    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "candidates")
    private Person person;
    /**
     * Whom the solver tries here: the people qualified for the post and available then ({@link #narrow}); until
     * narrowed, nobody. The hard constraints still check both, so a plan built by hand is judged alike.
     */
    private List<Person> candidates = List.of();
    /**
     * Whether each person tried here is qualified (bit 1) and available (bit 2): both depend on the facts alone, so
     * each is worked out once per person and place, not at every move the solver evaluates. Shared by clones.
     */
    private Map<Long, Integer> fit = new ConcurrentHashMap<>();

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

    @ValueRangeProvider(id = "candidates")
    public List<Person> getCandidates() {
        return candidates;
    }

    /** Keeps of the pool the people this place admits (qualified, available); a kept place: its own person. */
    public void narrow(List<Person> pool) {
        if (kept) {
            candidates = person == null ? List.of() : List.of(person);
            return;
        }
        List<Person> admitted = new java.util.ArrayList<>(
                pool.stream().filter(p -> (fit(p) & (QUALIFIED | AVAILABLE)) == (QUALIFIED | AVAILABLE)).toList());
        if (holder != null && !admitted.contains(holder)) {
            // the holder stays a value even where the rules would not admit them today: keeping them changes nothing
            admitted.add(holder);
        }
        candidates = admitted;
    }

    /** Makes this (not kept) place the held place of an existing assignment: its person is the holder, movable. */
    public Place holding(long assignmentId) {
        this.heldAssignmentId = assignmentId;
        this.holder = person;
        return this;
    }

    /** Marks the place as one of a post that asks for a team. */
    public Place askingForTeam(boolean asks) {
        this.asksForTeam = asks;
        return this;
    }

    public Long getHeldAssignmentId() {
        return heldAssignmentId;
    }

    public Person getHolder() {
        return holder;
    }

    public boolean isAsksForTeam() {
        return asksForTeam;
    }

    /** A free headcount slot (not kept, not held): what a proposal fills. */
    public boolean isOpenSlot() {
        return !kept && heldAssignmentId == null;
    }

    /** Nothing changes here: a kept place, or a held one still with its holder. */
    public boolean unchanged() {
        return kept || (heldAssignmentId != null && holder.equals(person));
    }

    /** A held place given to somebody else: its holder leaves, the new person comes. */
    public boolean isMove() {
        return heldAssignmentId != null && person != null && !holder.equals(person);
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
        return person == null || unchanged() || (fit(person) & QUALIFIED) != 0;
    }

    /** Whether the person on it can be rostered then. */
    public boolean available() {
        return person == null || unchanged() || (fit(person) & AVAILABLE) != 0;
    }

    private static final int QUALIFIED = 1;
    private static final int AVAILABLE = 2;

    private int fit(Person p) {
        return fit.computeIfAbsent(p.id(), id -> (qualification.admits(id, p.kinds(), p.skills()) ? QUALIFIED : 0)
                | (p.availability().covers(interval) ? AVAILABLE : 0));
    }

    public long minutes() {
        return Duration.between(interval.start(), interval.end()).toMinutes();
    }

    @Override
    public String toString() {
        return "place " + no + " (shift " + shiftId + ")";
    }
}
