package org.epicontrol.roster.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.Caller;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.roster.org.Responsibilities;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import static org.epicontrol.common.security.StaffRole.COMMUNITY_ADMIN;
import static org.epicontrol.common.security.StaffRole.DISTRICT_OFFICER;
import static org.epicontrol.common.security.StaffRole.GRID_WORKER;
import static org.epicontrol.common.security.StaffRole.SYSTEM_ADMIN;
import static org.epicontrol.common.security.StaffRole.VOLUNTEER;

/**
 * Every authorisation decision of the volunteer-service (issues 5 and 11): one method per rule, named {@code may…};
 * resolvers ask here and nowhere else. Deny by default: each object that carries personal or roster data is checked
 * against its type's rule WHERE IT IS RESOLVED (root field, nested field, federation {@code _entities}), so no path
 * through the graph reaches it without its rule; writes check every object their arguments name inside their own
 * transaction ({@link Permit#confirm}).
 *
 * <p>"C" is the community an object belongs to (a task: its grid or building, so its path runs on down; a shift,
 * assignment, swap: the community of the post). "admin of C" is role community-admin with the group of C, "officer
 * of C" district-officer with the group of C's district, "grid worker of U" grid-worker with the group of a grid on
 * U's path, "grid worker in C" grid-worker of any grid of C, "volunteer of C" role volunteer whose account is linked
 * (volunteer.user_id = sub) to a volunteer of C. system-admin passes every rule. Without a token every rule refuses
 * with UNAUTHENTICATED, otherwise with FORBIDDEN.
 *
 * <table>
 * <caption>object type → who may see it (the rule), and how a refusal shows</caption>
 * <tr><th>type</th><th>rule: who besides system-admin</th><th>refused</th></tr>
 * <tr><td>Area (key only), Community, Grid, OrgUnit (names, tree fields)</td><td>{@link #mayReadOrganisation}: anyone
 *     signed in with a role of the realm</td><td>root/_entities: null + error</td></tr>
 * <tr><td>DutyPost (name, kind, headcount, allowed kinds, address; not its roster)</td><td>{@link #mayReadPost}: anyone
 *     signed in</td><td>null + error</td></tr>
 * <tr><td>Volunteer (name, kinds, skills, active)</td><td>{@link #mayReadVolunteer}: admin of C, officer of C, the
 *     volunteer himself, a volunteer of C (colleagues on one roster), a grid worker in C (task assignees,
 *     responsibilities)</td><td>single: that volunteer null + error at its path; list: the list null + error</td></tr>
 * <tr><td>Volunteer.phone</td><td>{@link #mayReadPhone}: admin of C</td><td>null + FORBIDDEN</td></tr>
 * <tr><td>Shift, Assignment, SwapRequest, Wish (roster data)</td><td>{@link #mayReadRoster}: admin of C, officer of
 *     C, volunteer of C; an assignment's, swap's or wish's own volunteer</td><td>as Volunteer</td></tr>
 * <tr><td>OnDuty, CoverageGap, VolunteerHours (everyone's), Community.volunteers</td><td>{@link #mayReadStaffing}:
 *     admin of C, officer of C (volunteerHours: a volunteer of C gets his own line only)</td><td>null + error</td></tr>
 * <tr><td>Task, OrgUnit/Grid.responsibilities, responsibleWorkers</td><td>{@link #mayReadTasks}: admin of C, officer
 *     of C, grid worker of the unit; a task's assignee</td><td>as Volunteer</td></tr>
 * <tr><td>AuditEvent</td><td>{@link #auditScope}: admin of C / officer of C, the events under their community or
 *     district</td><td>filtered by the query</td></tr>
 * <tr><td>Response, TestingRound, DrivingNotice (a community's field response to a designation)</td><td>
 *     {@link #mayReadResponse}: admin of C, officer of C, a grid worker in C, a volunteer of C (they staff it); its
 *     posts, tasks and uncovered hours apply their own rules (post, tasks, staffing)</td><td>as Volunteer</td></tr>
 * <tr><td>ResponsePlan, PlannedPost, PlannedTask</td><td>{@link #mayReadPlans}: anyone signed in (no personal
 *     data)</td><td>null + error</td></tr>
 * <tr><td>Alert (issue 12), Alert.escalationOf</td><td>{@link #mayReadAlert}: the members of its audience (admins of
 *     its community, grid workers of its grid or of its community's grids, officers of its district, as addressed;
 *     grid workers also by a GRID_WORKER responsibility)</td><td>alerts, alertRaised: filtered by the query / the
 *     stream; escalationOf: null + error</td></tr>
 * <tr><td>Household (building, unit, room, address, head count, needs; issue 13)</td><td>{@link #mayReadHousehold}:
 *     admin of C, officer of C, a grid worker of its building's grid (group, or GRID_WORKER responsibility), the
 *     building's captain (BUILDING_CAPTAIN responsibility)</td><td>as Volunteer</td></tr>
 * <tr><td>Household.contactName, contactPhone (residents' personal data)</td><td>{@link #mayReadResidentContact}:
 *     admin of C, the grid worker and the captain of its building (not district officers)</td><td>null +
 *     FORBIDDEN</td></tr>
 * <tr><td>HouseholdTest, round progress, missed households</td><td>{@link #mayReadHousehold} of the households; the
 *     round itself {@link #mayReadResponse}</td><td>as Volunteer</td></tr>
 * <tr><td>TestingRound.progress (counts per building and unit, no household named)</td><td>the round's rule,
 *     {@link #mayReadResponse}: a volunteer of C sees how far the round is</td><td>as Volunteer</td></tr>
 * <tr><td>TestingRound.missedHouseholds, TestingRound.tests (households listed)</td><td>{@link #readHouseholds}: the
 *     round's unit, or the narrower unit asked for, {@link #mayReadHousehold} (a grid worker names their grid, a
 *     captain their building); HouseholdTest.household, MissedHousehold.household each {@link #mayReadHousehold}
 *     again</td><td>the list null + FORBIDDEN</td></tr>
 * <tr><td>ResidentRequest (issue 13)</td><td>{@link #mayReadRequest}: admin of C, officer of C, a grid worker in C,
 *     its assignee</td><td>as Volunteer</td></tr>
 * <tr><td>requests(unitId) (issue 13)</td><td>the unit {@link #mayReadRequest}, then each request its own rule: a grid
 *     worker listing the community gets its requests without a household and those of their own grid's
 *     households</td><td>the unit: error; a request: left out ({@link #readable})</td></tr>
 * <tr><td>RequestFigures (issue 13)</td><td>{@link #mayReadStaffing} on the unit asked for</td><td>error</td></tr>
 * <tr><td>VolunteerRegistration (issue 13)</td><td>{@link #mayReadRegistration}: admin of C, officer of C; the
 *     registrant their own (by account)</td><td>as Volunteer</td></tr>
 * <tr><td>CallOut (issue 13)</td><td>{@link #mayReadCallOut}: admin of C, officer of C, volunteers of C (the
 *     invited answer it)</td><td>as Volunteer</td></tr>
 * <tr><td>CallOut.answers (who answered what)</td><td>{@link #callOutAnswers}: {@link #mayReadStaffing} of the
 *     call-out (admin of C, officer of C), every volunteer listed the volunteer rule; CallOut.myAnswer: the caller's
 *     own volunteer's answer</td><td>that call-out's list null + error</td></tr>
 * <tr><td>Team (name, kind, community; issue 13: leader, members)</td><td>{@link #mayReadOrganisation}: anyone signed
 *     in; its leader and members the volunteer rule (members: the list only if every one passes)</td><td>as
 *     Volunteer</td></tr>
 * </table>
 *
 * <p>Where each rule is applied: root fields and {@code _entities} of Volunteer, Shift, DutyPost, Community, Grid
 * check each object (one refused entity refuses the entities of its type in that request: SmallRye's entity
 * resolvers have no per-entity errors); nested fields apply the rule of the type they return:
 * Area.dutyPosts, Community.dutyPosts, Shift.post, OnDuty.post, CoverageGap.post (post); Area.onDutyNow (staffing,
 * per post); Area.openTasks (tasks); DutyPost.shifts, Assignment.shift, OnDuty.shift (roster); Shift.assignments,
 * SwapRequest.fromAssignment, SwapRequest.toAssignment (roster); Assignment.volunteer, OnDuty.volunteer, VolunteerHours.volunteer,
 * SwapRequest.toVolunteer, Task.assignee, Wish.claimedBy, Community.volunteers, responsibleWorkers,
 * Responsibility.volunteer (volunteer). A list-valued field answers a list only if every element passes; otherwise
 * that list is null with the error (one parent's list, its neighbours in the batch intact). Root lists scoped by a
 * unit argument (tasks, wishes, coverageGaps, onDuty, volunteerHours, rosterAuditTrail, households) check the unit with the
 * element type's rule: every element lies inside the unit, so the unit's rule is the elements'. A mutation's answer
 * is the caller's own write (its permit); the fields under it apply their types' rules as above. Organisation
 * fields of an object already shown (Volunteer.community, Task.unit, Wish.community, Grid.community, children,
 * parent, grids) need no check of their own: the tree is for anyone signed in, and every way to such an object
 * required a signed-in caller.
 *
 * <table>
 * <caption>write → the rule each named object must pass (in the write's transaction, rows locked)</caption>
 * <tr><th>write</th><th>named objects and rules</th></tr>
 * <tr><td>createOrgUnit, importOrganisation, createTeam without community</td><td>{@link #organise}:
 *     system-admin only</td></tr>
 * <tr><td>linkArea, linkPostArea</td><td>the unit or post: {@link #mayLinkArea} (admin of C, officer of C)</td></tr>
 * <tr><td>createVolunteer</td><td>community: {@link #mayManage}; team: {@link #mayUseTeam} (a city-wide team or one
 *     of that admin's community)</td></tr>
 * <tr><td>createTeam, createDutyPost, updateDutyPost, closeDutyPost, generateShifts, createShift, cancelShift,
 *     cancelAssignment, setRosterRules, cancelWish, completeTestingRound</td><td>the community, post,
 *     shift, assignment, wish or testing round: {@link #mayManage}</td></tr>
 * <tr><td>setResponsePlan</td><td>{@link #organise}: system-admin only</td></tr>
 * <tr><td>a response's own writes (posts, shifts, tasks, rounds; the area-event trigger, no caller)</td><td>
 *     {@link #system}: not reachable through the API</td></tr>
 * <tr><td>assignVolunteer</td><td>shift: {@link #mayManage}; volunteer: {@link #mayManage}</td></tr>
 * <tr><td>assignResponsibility</td><td>unit: {@link #mayManage}; volunteer: {@link #mayManage}</td></tr>
 * <tr><td>postWish (issue 13: also grid workers, for residents)</td><td>community and household:
 *     {@link #mayPostWish}</td></tr>
 * <tr><td>signUp, claimWish, acceptSwap, declineSwap, withdrawSwap (as volunteer V)</td><td>shift / wish / swap:
 *     {@link #mayTakePartIn}; V: {@link #mayActAs}</td></tr>
 * <tr><td>proposeSwap</td><td>assignment: {@link #mayUseOwn}; toVolunteer and toAssignment:
 *     {@link #mayTakePartIn}</td></tr>
 * <tr><td>fulfilWish</td><td>wish: {@link #mayUseOwn}</td></tr>
 * <tr><td>createTask, completeTask, failTask, reopenTask</td><td>unit / task: {@link #mayManageTasks}</td></tr>
 * <tr><td>assignTask</td><td>task: {@link #mayManageTasks}; assignee: {@link #mayAssignTo}</td></tr>
 * <tr><td>importHouseholds</td><td>community: {@link #mayManage}</td></tr>
 * <tr><td>createHousehold, updateHousehold, removeHousehold</td><td>the building (Target.UNIT) and, for update and
 *     remove, the household: {@link #mayEditHousehold} (the community's admins, the grid worker of the building by
 *     group or GRID_WORKER responsibility); on update both the household's building and the new one</td></tr>
 * <tr><td>createTestingRound, completeTestingRound, generateMissedTasks</td><td>unit / round:
 *     {@link #mayManage}</td></tr>
 * <tr><td>recordHouseholdTest</td><td>round: {@link #mayManage} or {@link #mayReadResponse} as grid worker /
 *     captain; household: {@link #mayRecordTesting}; status POSITIVE or a correction: {@link #mayRecordResult}</td></tr>
 * <tr><td>completeTask of a round's door-to-door task (records its household TESTED)</td><td>task:
 *     {@link #mayManageTasks}, as every completeTask</td></tr>
 * <tr><td>takeRequest, assignRequest, closeRequest, cancelRequest</td><td>community / household / request:
 *     {@link #mayHandleRequests}; assignee: {@link #mayAssignTo}; team: {@link #mayAssignTeam}</td></tr>
 * <tr><td>registerAsVolunteer</td><td>any signed-in account, with or without a role (self-registration)</td></tr>
 * <tr><td>approveRegistration, rejectRegistration, updateVolunteer, deactivateVolunteer, callOut, closeCallOut,
 *     createTeam (its leader), addTeamMember, removeTeamMember</td><td>registration / volunteer / community / post /
 *     response / call-out / team: {@link #mayManage} (a city-wide team: system-admin); callOut's team:
 *     {@link #mayUseTeam}</td></tr>
 * <tr><td>withdrawRegistration, myRegistrations</td><td>any signed-in account, its own registrations (by token
 *     subject)</td></tr>
 * <tr><td>myShifts, myOpenShifts, mySwapRequests, myHours (reads)</td><td>any signed-in account, its own linked
 *     volunteer's ({@link #ownVolunteer}; none: empty, null); each shift, assignment or swap listed
 *     {@link #mayReadRoster} as well</td></tr>
 * <tr><td>answerCallOut (as volunteer V)</td><td>call-out: {@link #mayTakePartIn}; V: {@link #mayActAs}</td></tr>
 * <tr><td>acknowledgeAlert</td><td>alert: {@link #mayReadAlert} (a member of its audience), checked on the alert's
 *     row locked in the acknowledgement's transaction</td></tr>
 * </table>
 *
 * <p>Keycloak Authorization Services was considered: GraphQL is one POST endpoint, so its path-based policy enforcer
 * cannot tell operations apart, and these rules need our own organisation rows anyway.
 */
@ApplicationScoped
public class RosterAccess {

    private static final StaffRole[] ANY_ROLE = StaffRole.values();
    private static final StaffRole[] READERS = {SYSTEM_ADMIN, DISTRICT_OFFICER, COMMUNITY_ADMIN};
    private static final StaffRole[] MEMBER_READERS = {SYSTEM_ADMIN, DISTRICT_OFFICER, COMMUNITY_ADMIN, VOLUNTEER};
    private static final StaffRole[] MANAGERS = {SYSTEM_ADMIN, COMMUNITY_ADMIN};
    private static final StaffRole[] MANAGERS_OR_VOLUNTEER = {SYSTEM_ADMIN, COMMUNITY_ADMIN, VOLUNTEER};
    private static final StaffRole[] TASK_MANAGERS = {SYSTEM_ADMIN, COMMUNITY_ADMIN, GRID_WORKER};
    private static final StaffRole[] TASK_READERS = {SYSTEM_ADMIN, DISTRICT_OFFICER, COMMUNITY_ADMIN, GRID_WORKER};
    private static final StaffRole[] LINKERS = {SYSTEM_ADMIN, COMMUNITY_ADMIN, DISTRICT_OFFICER};
    /** Roles that may record testing, edit households and handle requests (the rules then decide per object). */
    public static final StaffRole[] FIELD_STAFF = {SYSTEM_ADMIN, COMMUNITY_ADMIN, GRID_WORKER, VOLUNTEER};

    private final CurrentScope current;
    private final Targets targets;
    private final ObjectGuard guard;

    public RosterAccess(CurrentScope current, Targets targets, ObjectGuard guard) {
        this.current = current;
        this.targets = targets;
        this.guard = guard;
    }

    // ---- the rules ------------------------------------------------------------------------------------------------

    /** The organisation tree (names of units): anyone signed in with a role of the realm. */
    public boolean mayReadOrganisation(Scope scope, Targets.Placed placed) {
        return !scope.caller().anonymous() && scope.caller().hasAny(ANY_ROLE);
    }

    /** A duty post's own description (not its roster): anyone signed in. */
    public boolean mayReadPost(Scope scope, Targets.Placed placed) {
        return mayReadOrganisation(scope, placed);
    }

    /** A community's responses and their testing rounds: its staff, its grid workers and its volunteers. */
    public boolean mayReadResponse(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.worksIn(placed.path()) || scope.memberOf(placed.path());
    }

    /** Response plans (what a level opens): anyone signed in. */
    public boolean mayReadPlans(Scope scope, Targets.Placed placed) {
        return mayReadOrganisation(scope, placed);
    }

    /** A volunteer's name, kinds and skills. {@code placed}: the volunteer, owner = himself. */
    public boolean mayReadVolunteer(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || owns(scope, placed) || scope.memberOf(placed.path())
                || scope.worksIn(placed.path());
    }

    /** A volunteer's phone: personal data for the administrators of their own community only. */
    public boolean mayReadPhone(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path());
    }

    /** Shifts, assignments, swaps, wishes: the community's staff and volunteers, and the object's own volunteer. */
    public boolean mayReadRoster(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.memberOf(placed.path()) || owns(scope, placed);
    }

    /** Who is on duty, coverage, everyone's hours, the list of a community's people: the community's staff. */
    public boolean mayReadStaffing(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path());
    }

    /** Tasks and responsibilities of a unit: its community's staff, grid workers of the unit; a task's assignee. */
    public boolean mayReadTasks(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.holds(GRID_WORKER, placed.path()) || owns(scope, placed);
    }

    /**
     * A household (issue 13): its community's staff, the grid worker of its building's grid (by group or by a
     * GRID_WORKER responsibility) and its building's captain. {@code placed}: the household at its building.
     */
    public boolean mayReadHousehold(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || looksAfter(scope, placed.path());
    }

    /**
     * Residents' names and phones: the administrators of their community, the grid worker and the captain of their
     * building; district officers see the register without them.
     */
    public boolean mayReadResidentContact(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || looksAfter(scope, placed.path());
    }

    /** A household edited one by one: the community's administrators, the grid worker of its building. */
    public boolean mayEditHousehold(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || gridWorkerOf(scope, placed.path());
    }

    /** A household's status in a testing round: administrators, its building's grid worker and captain. */
    public boolean mayRecordTesting(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || looksAfter(scope, placed.path());
    }

    /** A positive result: staff only (administrators, the building's grid worker), never a volunteer captain. */
    public boolean mayRecordResult(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || gridWorkerOf(scope, placed.path());
    }

    /** A resident's request: the community's staff, its grid workers (they take the calls), its assignee. */
    public boolean mayReadRequest(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || takesCalls(scope, placed.path()) || owns(scope, placed);
    }

    /** Taking, assigning and closing residents' requests: the administrators, the community's grid workers. */
    public boolean mayHandleRequests(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || takesCalls(scope, placed.path());
    }

    /**
     * A team a request is assigned to: a city-wide team, or one of a community whose requests the caller handles
     * (its administrators, its grid workers).
     */
    public boolean mayAssignTeam(Scope scope, Targets.Placed team) {
        return team.path().isEmpty() || manages(scope, team.path()) || takesCalls(scope, team.path());
    }

    /**
     * A 微心愿 posted to a community (and on a household): its administrators, and the grid workers who take its
     * residents' calls (on their behalf), as {@link #mayHandleRequests}.
     */
    public boolean mayPostWish(Scope scope, Targets.Placed placed) {
        return mayHandleRequests(scope, placed);
    }

    /** Registrations to volunteer at a community: its staff (the registrant reads their own by account). */
    public boolean mayReadRegistration(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path());
    }

    /** A call for volunteers: the community's staff and its volunteers (the invited answer it). */
    public boolean mayReadCallOut(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.memberOf(placed.path());
    }

    /** Writes to a community's people, posts, roster and rules: its administrators. */
    public boolean mayManage(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path());
    }

    /**
     * Linking a unit or a post to the notice area it answers for: the community's administrators (their community's
     * units and posts), the district's officers (those of their district).
     */
    public boolean mayLinkArea(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || scope.holds(DISTRICT_OFFICER, placed.path());
    }

    /** Writes of tasks: the community's administrators, grid workers of the task's unit. */
    public boolean mayManageTasks(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || scope.holds(GRID_WORKER, placed.path());
    }

    /** A shift, swap or wish a volunteer acts on for himself: the administrators, or a volunteer of its community. */
    public boolean mayTakePartIn(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || scope.memberOf(placed.path());
    }

    /** The volunteer a write acts for: the administrators of his community, or himself. */
    public boolean mayActAs(Scope scope, Targets.Placed volunteer) {
        return manages(scope, volunteer.path()) || owns(scope, volunteer);
    }

    /** Something of a volunteer's own (an assignment, a claimed wish): the administrators, or its owner. */
    public boolean mayUseOwn(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || owns(scope, placed);
    }

    /** A task's assignee: a volunteer of the community of the caller managing tasks there. */
    public boolean mayAssignTo(Scope scope, Targets.Placed volunteer) {
        return manages(scope, volunteer.path()) || scope.worksIn(volunteer.path());
    }

    /** A team a new volunteer joins: a city-wide one, or one of the administrator's community. */
    public boolean mayUseTeam(Scope scope, Targets.Placed team) {
        return team.path().isEmpty() || manages(scope, team.path());
    }

    /**
     * Alerts (issue 12) are addressed to an audience: a role over one unit U. Its members hold that role over U or a
     * unit inside it (admins of community C; grid workers of grid G, or of every grid of C; officers of district D);
     * a grid worker is also one of G's by a GRID_WORKER responsibility of their linked volunteer for G (the org data's
     * own word, whatever their groups say). Answers, per role, every unit the caller is a member over (the paths of
     * the units they hold it for); {@code responsibleGridPaths}: the paths of the grids of those responsibilities.
     */
    public Map<StaffRole, Set<Long>> alertAudiences(Scope scope, List<List<Long>> responsibleGridPaths) {
        Map<StaffRole, Set<Long>> over = new EnumMap<>(StaffRole.class);
        for (StaffRole role : List.of(COMMUNITY_ADMIN, GRID_WORKER, DISTRICT_OFFICER)) {
            Set<Long> units = new HashSet<>();
            List<Long> held = scope.unitsOf(role);
            scope.units().stream().filter(u -> held.contains(u.id())).forEach(u -> units.addAll(u.pathIds()));
            if (role == GRID_WORKER) {
                responsibleGridPaths.forEach(units::addAll);
            }
            over.put(role, Set.copyOf(units));
        }
        return over;
    }

    /**
     * An alert (and its escalation link): the members of its audience ({@code role} over {@code unitId}) only, as
     * {@link #alertAudiences} finds them; district officers see their district's alerts only when addressed to them.
     */
    public boolean mayReadAlert(Scope scope, Map<StaffRole, Set<Long>> audiences, StaffRole role, long unitId) {
        return scope.systemAdmin() || audiences.getOrDefault(role, Set.of()).contains(unitId);
    }

    /**
     * Alerts resolved by a batch field: each one {@link #mayReadAlert} (audience role and unit of each given by the
     * functions); a refused alert alone is null with FORBIDDEN at its path, its neighbours answered (as
     * {@link ObjectGuard} does for the other types).
     */
    public <T> List<T> visibleAlerts(String field, Scope scope, Map<StaffRole, Set<Long>> audiences, List<T> alerts,
                                     Function<T, StaffRole> roleOf, ToLongFunction<T> unitOf) {
        List<Object> checked = new ArrayList<>(alerts.size());
        for (T alert : alerts) {
            checked.add(alert == null || mayReadAlert(scope, audiences, roleOf.apply(alert), unitOf.applyAsLong(alert))
                    ? alert : DomainException.forbidden(field + ": the alert is not addressed to you"));
        }
        @SuppressWarnings("unchecked")
        List<T> answers = (List<T>) (List<?>) checked;
        return answers;
    }

    private static boolean reads(Scope scope, List<Long> path) {
        return scope.systemAdmin() || scope.holds(DISTRICT_OFFICER, path) || scope.holds(COMMUNITY_ADMIN, path);
    }

    private static boolean manages(Scope scope, List<Long> path) {
        return scope.systemAdmin() || scope.holds(COMMUNITY_ADMIN, path);
    }

    /** The grid worker of a grid on the path: by Keycloak group or by the organisation's GRID_WORKER responsibility. */
    private static boolean gridWorkerOf(Scope scope, List<Long> path) {
        return scope.holds(GRID_WORKER, path) || scope.dutyOn(Responsibilities.GRID_WORKER, path);
    }

    /** The grid worker or the building captain of the unit at the end of the path (a household's building). */
    private static boolean looksAfter(Scope scope, List<Long> path) {
        return gridWorkerOf(scope, path) || scope.dutyOn(Responsibilities.BUILDING_CAPTAIN, path);
    }

    /** A grid worker of the object's grid, or of any grid of its community when the object sits above grid level. */
    private static boolean takesCalls(Scope scope, List<Long> path) {
        return gridWorkerOf(scope, path) || scope.worksIn(path);
    }

    private static boolean owns(Scope scope, Targets.Placed placed) {
        return placed.owner() != null && scope.is(placed.owner());
    }

    /** The rule of each object type, applied wherever an object of it is resolved. */
    private Rule readRule(Target target) {
        return switch (target) {
            case UNIT, TEAM -> new Rule.OfCaller(scope -> mayReadOrganisation(scope, null));
            case POST -> new Rule.OfCaller(scope -> mayReadPost(scope, null));
            case VOLUNTEER -> this::mayReadVolunteer;
            case SHIFT, ASSIGNMENT, SWAP, WISH -> this::mayReadRoster;
            case TASK -> this::mayReadTasks;
            case RESPONSE, TESTING_ROUND -> this::mayReadResponse;
            case HOUSEHOLD -> this::mayReadHousehold;
            case REQUEST -> this::mayReadRequest;
            case REGISTRATION -> this::mayReadRegistration;
            case ROSTER_PROPOSAL -> this::mayReadStaffing;
            case CALL_OUT -> this::mayReadCallOut;
        };
    }

    // ---- reads ----------------------------------------------------------------------------------------------------

    /** Anyone with a token and a role of the realm. */
    public Uni<Scope> signedIn(String operation) {
        return current.get().map(scope -> {
            scope.caller().require(operation, ANY_ROLE);
            return scope;
        });
    }

    /**
     * A person's own work (myShifts, myOpenShifts, mySwapRequests, myHours): any signed-in account, UNAUTHENTICATED
     * without a token; answers the account's own linked active volunteer, null without one. What such a field lists
     * passes its type's rule as well ({@link #readable}).
     */
    public Uni<Long> ownVolunteer(String operation) {
        return authenticated(operation).map(Scope::volunteerId);
    }

    /** A root field of one object: the object's own rule (null if it does not exist). */
    public Uni<Void> readObject(String operation, Target target, long id) {
        return check(operation, target, id, ANY_ROLE, readRule(target)).replaceWithVoid();
    }

    /** A community's staffing (people, coverage, who is on duty), for any unit: {@link #mayReadStaffing}. */
    public Uni<Void> readStaffing(String operation, Target target, long id) {
        return check(operation, target, id, READERS, this::mayReadStaffing).replaceWithVoid();
    }

    /**
     * A unit's households (the register, the special-groups ledger): {@link #mayReadHousehold} on the unit's own path;
     * every household listed lies under it, so the unit's rule is theirs (a grid worker of grid G asking for the
     * community is refused, for G answered).
     */
    public Uni<Void> readHouseholds(String operation, long unitId) {
        return check(operation, Target.UNIT, unitId, ANY_ROLE, this::mayReadHousehold).replaceWithVoid();
    }

    /**
     * A volunteer's personal settings (availability, roster preferences; issue 16): the volunteer himself and the
     * administrators of his community, {@link #mayActAs}.
     */
    public Uni<Void> readPersonal(String operation, Target target, long id) {
        return check(operation, target, id, MANAGERS_OR_VOLUNTEER, this::mayActAs).replaceWithVoid();
    }

    /** A unit's roster objects (wishes): {@link #mayReadRoster}. */
    public Uni<Void> readRoster(String operation, Target target, long id) {
        return check(operation, target, id, MEMBER_READERS, this::mayReadRoster).replaceWithVoid();
    }

    /** A unit's residents' requests: {@link #mayReadRequest} on the unit. */
    public Uni<Void> readRequests(String operation, long unitId) {
        return check(operation, Target.UNIT, unitId, ANY_ROLE, this::mayReadRequest).replaceWithVoid();
    }

    /** A unit's tasks: {@link #mayReadTasks}. */
    public Uni<Void> readTasks(String operation, Target target, long id) {
        return check(operation, target, id, TASK_READERS, this::mayReadTasks).replaceWithVoid();
    }

    /**
     * The objects of a unit whose type's rule is {@code rule} (a community's registrations, its call-outs; issue 13):
     * every such object lies inside the unit, so the unit must pass the rule.
     */
    public Uni<Void> readUnder(String operation, long unitId, Rule rule) {
        return check(operation, Target.UNIT, unitId, ANY_ROLE, rule).replaceWithVoid();
    }

    /** Whose hours a caller sees in a unit: null for everyone's (staff), else only their own volunteer's. */
    public Uni<Long> hoursVisibleTo(String operation, long unitId) {
        return check(operation, Target.UNIT, unitId, MEMBER_READERS, this::mayReadRoster).chain(placed ->
                current.get().map(scope -> scope.systemAdmin() || placed != null && mayReadStaffing(scope, placed)
                        ? null : scope.volunteerId()));
    }

    /** Objects resolved by a batch field or entity resolver: each one its type's rule, refused ones alone null. */
    public <T> Uni<List<T>> visible(String field, Target target, List<T> objects, ToLongFunction<T> idOf) {
        return guard.each(field, target, objects, idOf, readRule(target));
    }

    /** The objects of a filtered list the caller may see under their type's rule; the others are left out. */
    public <T> Uni<List<T>> readable(String field, Target target, List<T> objects, ToLongFunction<T> idOf) {
        return guard.each(field, target, objects, idOf, readRule(target))
                .map(checked -> checked.stream().filter(o -> !(o instanceof DomainException)).toList());
    }

    /** Lists resolved by a batch field: a list with any object the caller may not see is null with the error. */
    public <T> Uni<List<List<T>>> visibleLists(String field, Target target, List<List<T>> lists, ToLongFunction<T> idOf) {
        return guard.eachList(field, target, lists, idOf, readRule(target));
    }

    /**
     * Residents' names or phones of households resolved by a batch field: {@link #mayReadResidentContact} for each
     * household (one look-up per batch); a refused household's value alone is null with the error at its path.
     */
    public <T, V> Uni<List<V>> residentContacts(String field, List<T> households, ToLongFunction<T> idOf,
                                                Function<T, V> value) {
        return guard.each(field, Target.HOUSEHOLD, households, idOf, this::mayReadResidentContact).map(checked -> {
            List<Object> answers = new ArrayList<>(checked.size());
            for (T household : checked) {
                // refusals stand in their positions for the batch loader (see ObjectGuard)
                Object answer = household instanceof DomainException ? household
                        : household == null ? null : value.apply(household);
                answers.add(answer);
            }
            @SuppressWarnings("unchecked")
            List<V> values = (List<V>) (List<?>) answers;
            return values;
        });
    }

    /** People on duty, placed by their post: {@link #mayReadStaffing}. */
    public <T> Uni<List<List<T>>> visibleStaffing(String field, List<List<T>> lists, ToLongFunction<T> postOf) {
        return guard.eachList(field, Target.POST, lists, postOf, this::mayReadStaffing);
    }

    /**
     * What hangs on units (responsibilities, responsible workers): each unit must pass {@link #mayReadTasks}, and
     * every person listed the volunteer rule; a unit failing either gets null and the error, its neighbours their
     * lists.
     */
    public <T> Uni<List<List<T>>> unitPeople(String field, List<Long> unitIds,
                                             Function<List<Long>, Uni<List<List<T>>>> load, ToLongFunction<T> personOf) {
        return guard.listsOf(field, Target.UNIT, unitIds, this::mayReadTasks, load, Target.VOLUNTEER, personOf,
                this::mayReadVolunteer);
    }

    /**
     * The answers of call-outs (issue 13): who answered what is for the call-out's community staff
     * ({@link #mayReadStaffing}), and every volunteer listed passes the volunteer rule; a call-out failing either gets
     * null and the error, its neighbours their lists.
     */
    public <T> Uni<List<List<T>>> callOutAnswers(String field, List<Long> callOutIds,
                                                 Function<List<Long>, Uni<List<List<T>>>> load, ToLongFunction<T> personOf) {
        return guard.listsOf(field, Target.CALL_OUT, callOutIds, this::mayReadStaffing, load, Target.VOLUNTEER, personOf,
                this::mayReadVolunteer);
    }

    /** People on duty answered by a root field: all of them must pass {@link #mayReadStaffing}, else it is refused. */
    public <T> Uni<List<T>> visibleStaffingAll(String field, List<T> list, ToLongFunction<T> postOf) {
        return guard.all(field, Target.POST, list, postOf, this::mayReadStaffing);
    }

    /**
     * A field answering one list (not batched), or a federation entity batch: every object must pass its type's rule,
     * else the field is refused. (SmallRye answers {@code _entities} from the resolver's list as a whole, without the
     * batch loader's per-position errors: one refused entity refuses the type's entities of that request.)
     */
    public <T> Uni<List<T>> visibleAll(String field, Target target, List<T> objects, ToLongFunction<T> idOf) {
        return guard.all(field, target, objects, idOf, readRule(target));
    }

    /**
     * The phone of a volunteer of community {@code communityId}: {@link #mayReadPhone}. Its administrators are known
     * by the community alone, so no look-up per volunteer is needed.
     */
    public Uni<Void> seePhone(String operation, long volunteerId, long communityId) {
        return current.get().map(scope -> {
            scope.caller().require(operation, MANAGERS);
            if (!mayReadPhone(scope, new Targets.Placed(volunteerId, List.of(communityId), volunteerId))) {
                throw DomainException.forbidden(operation + ": the phone of a volunteer is shown only to the"
                        + " administrators of their own community");
            }
            return null;
        });
    }

    /** Units whose events the caller may read; null for all of them. */
    public Uni<List<Long>> auditScope(String operation) {
        return current.get().map(scope -> {
            scope.caller().require(operation, READERS);
            if (scope.systemAdmin()) {
                return null;
            }
            List<Long> units = new ArrayList<>(scope.unitsOf(COMMUNITY_ADMIN));
            units.addAll(scope.unitsOf(DISTRICT_OFFICER));
            if (units.isEmpty()) {
                throw DomainException.forbidden(operation + ": your account is not linked to a community or district");
            }
            return List.copyOf(units);
        });
    }

    // ---- writes: the role here, where the objects sit in the write's transaction (Permit.confirm) -------------------

    /**
     * A write the service makes itself, for no caller (a response opened or closed by an area event): passes every
     * rule, and the audit trail names the actor {@code system:<operation>} at the object's place. Never reached from
     * the API.
     */
    public Permit system(String operation, Target target, long id) {
        Caller system = new Caller("system:" + operation, "system:" + operation, Set.of(SYSTEM_ADMIN), List.of());
        return new Permit(operation, new Scope(system, List.of(), null, null), targets, List.of())
                .and(target, id, (scope, placed) -> true);
    }

    /** Reading response plans: {@link #mayReadPlans}. */
    public Uni<Scope> readPlans(String operation) {
        return current.get().map(scope -> {
            scope.caller().require(operation, ANY_ROLE);
            if (!mayReadPlans(scope, null)) {
                throw DomainException.forbidden(operation + ": response plans are for signed-in staff");
            }
            return scope;
        });
    }

    /** Changes to the organisation tree itself. */
    public Uni<Permit> organise(String operation) {
        return permit(operation, SYSTEM_ADMIN);
    }

    /** A write to the object's community: {@link #mayManage}. */
    public Uni<Permit> manage(String operation, Target target, long id) {
        return permit(operation, MANAGERS).map(p -> p.and(target, id, this::mayManage));
    }

    /** Linking a unit or post to a notice area: {@link #mayLinkArea}. */
    public Uni<Permit> linkArea(String operation, Target target, long id) {
        return permit(operation, LINKERS).map(p -> p.and(target, id, this::mayLinkArea));
    }

    /** A write of tasks: {@link #mayManageTasks}. */
    public Uni<Permit> manageTasks(String operation, Target target, long id) {
        return permit(operation, TASK_MANAGERS).map(p -> p.and(target, id, this::mayManageTasks));
    }

    /**
     * A write naming objects under rules of its own (issue 13): {@code roles} may attempt it, then each object must
     * pass its rule in the write's transaction; add more with {@link Permit#and}. E.g.
     * {@code access.write("recordHouseholdTest", TASK_RECORDERS, Target.HOUSEHOLD, id, access::mayRecordTesting)}.
     */
    public Uni<Permit> write(String operation, StaffRole[] roles, Target target, long id, Rule rule) {
        return permit(operation, roles).map(p -> p.and(target, id, rule));
    }

    /**
     * Any signed-in account, with or without a role of the realm (a person who registered in Keycloak themselves and
     * reports to a community to volunteer); UNAUTHENTICATED without a token.
     */
    public Uni<Scope> authenticated(String operation) {
        return current.get().map(scope -> {
            if (!scope.authenticated()) {
                throw DomainException.unauthenticated(operation);
            }
            return scope;
        });
    }

    /** Acting for volunteer {@code volunteerId} on an object: {@link #mayTakePartIn} and {@link #mayActAs}. */
    public Uni<Permit> actFor(String operation, Target target, long id, long volunteerId) {
        return permit(operation, MANAGERS_OR_VOLUNTEER)
                .map(p -> p.and(target, id, this::mayTakePartIn).and(Target.VOLUNTEER, volunteerId, this::mayActAs));
    }

    /** Acting on something of a volunteer's own: {@link #mayUseOwn}. */
    public Uni<Permit> manageOrOwn(String operation, Target target, long id) {
        return permit(operation, MANAGERS_OR_VOLUNTEER).map(p -> p.and(target, id, this::mayUseOwn));
    }

    private Uni<Permit> permit(String operation, StaffRole... roles) {
        return current.get().map(scope -> {
            scope.caller().require(operation, roles);
            return new Permit(operation, scope, targets, List.of());
        });
    }

    /**
     * Passes if {@code rule} does, answering where the object sits; null if it does not exist (nothing to protect:
     * reads show null, writes answer NOT_FOUND) or the caller is a system administrator (not looked up).
     */
    private Uni<Targets.Placed> check(String operation, Target target, long id, StaffRole[] roles, Rule rule) {
        return current.get().chain(scope -> {
            scope.caller().require(operation, roles);
            if (scope.systemAdmin()) {
                return Uni.createFrom().nullItem();
            }
            return targets.find(target, List.of(id)).map(found -> {
                Targets.Placed placed = found.get(id);
                if (placed != null && !rule.allows(scope, placed)) {
                    throw DomainException.forbidden(operation + ": " + target.noun() + " " + id
                            + " is outside the communities and districts you are responsible for");
                }
                return placed;
            });
        });
    }
}
