package org.epicontrol.roster.access;

import org.epicontrol.common.DomainException;
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
 * The rules of the volunteer-service (issues 5 and 11): one static method per rule, named {@code may…}, a pure
 * function of the caller's scope and where the object sits, and the table of which rule guards which type;
 * {@link RosterAccess} applies them to reads, {@link Permits} to writes, and resolvers ask those two and nowhere else.
 * Deny by default: each object that carries personal or roster data is checked against its type's rule WHERE IT IS
 * RESOLVED (root field, nested field, federation {@code _entities}), so no path
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
 * <tr><td>AuditEvent</td><td>{@link RosterAccess#auditScope}: admin of C / officer of C, the events under their community or
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
 * <tr><td>TestingRound.missedHouseholds, TestingRound.tests (households listed)</td><td>{@link RosterAccess#readHouseholds}: the
 *     round's unit, or the narrower unit asked for, {@link #mayReadHousehold} (a grid worker names their grid, a
 *     captain their building); HouseholdTest.household, MissedHousehold.household each {@link #mayReadHousehold}
 *     again</td><td>the list null + FORBIDDEN</td></tr>
 * <tr><td>ResidentRequest (issue 13)</td><td>{@link #mayReadRequest}: admin of C, officer of C, a grid worker in C,
 *     its assignee</td><td>as Volunteer</td></tr>
 * <tr><td>requests(unitId) (issue 13)</td><td>the unit {@link #mayReadRequest}, then each request its own rule: a grid
 *     worker listing the community gets its requests without a household and those of their own grid's
 *     households</td><td>the unit: error; a request: left out ({@link RosterAccess#readable})</td></tr>
 * <tr><td>RequestFigures (issue 13)</td><td>{@link #mayReadStaffing} on the unit asked for</td><td>error</td></tr>
 * <tr><td>VolunteerRegistration (issue 13)</td><td>{@link #mayReadRegistration}: admin of C, officer of C; the
 *     registrant their own (by account)</td><td>as Volunteer</td></tr>
 * <tr><td>CallOut (issue 13)</td><td>{@link #mayReadCallOut}: admin of C, officer of C, volunteers of C (the
 *     invited answer it)</td><td>as Volunteer</td></tr>
 * <tr><td>CallOut.answers (who answered what)</td><td>{@link RosterAccess#callOutAnswers}: {@link #mayReadStaffing} of the
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
 */
public final class AccessRules {

    static final StaffRole[] ANY_ROLE = StaffRole.values();
    static final StaffRole[] READERS = {SYSTEM_ADMIN, DISTRICT_OFFICER, COMMUNITY_ADMIN};
    static final StaffRole[] MEMBER_READERS = {SYSTEM_ADMIN, DISTRICT_OFFICER, COMMUNITY_ADMIN, VOLUNTEER};
    static final StaffRole[] MANAGERS = {SYSTEM_ADMIN, COMMUNITY_ADMIN};
    static final StaffRole[] MANAGERS_OR_VOLUNTEER = {SYSTEM_ADMIN, COMMUNITY_ADMIN, VOLUNTEER};
    static final StaffRole[] TASK_MANAGERS = {SYSTEM_ADMIN, COMMUNITY_ADMIN, GRID_WORKER};
    static final StaffRole[] TASK_READERS = {SYSTEM_ADMIN, DISTRICT_OFFICER, COMMUNITY_ADMIN, GRID_WORKER};
    static final StaffRole[] LINKERS = {SYSTEM_ADMIN, COMMUNITY_ADMIN, DISTRICT_OFFICER};
    /** Roles that may record testing, edit households and handle requests (the rules then decide per object). */
    public static final StaffRole[] FIELD_STAFF = {SYSTEM_ADMIN, COMMUNITY_ADMIN, GRID_WORKER, VOLUNTEER};

    private AccessRules() {
    }

    /** The organisation tree (names of units): anyone signed in with a role of the realm. */
    public static boolean mayReadOrganisation(Scope scope, Targets.Placed placed) {
        return !scope.caller().anonymous() && scope.caller().hasAny(ANY_ROLE);
    }

    /** A duty post's own description (not its roster): anyone signed in. */
    public static boolean mayReadPost(Scope scope, Targets.Placed placed) {
        return mayReadOrganisation(scope, placed);
    }

    /** A community's responses and their testing rounds: its staff, its grid workers and its volunteers. */
    public static boolean mayReadResponse(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.worksIn(placed.path()) || scope.memberOf(placed.path());
    }

    /** Response plans (what a level opens): anyone signed in. */
    public static boolean mayReadPlans(Scope scope, Targets.Placed placed) {
        return mayReadOrganisation(scope, placed);
    }

    /** A volunteer's name, kinds and skills. {@code placed}: the volunteer, owner = himself. */
    public static boolean mayReadVolunteer(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || owns(scope, placed) || scope.memberOf(placed.path())
                || scope.worksIn(placed.path());
    }

    /** A volunteer's phone: personal data for the administrators of their own community only. */
    public static boolean mayReadPhone(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path());
    }

    /** Shifts, assignments, swaps, wishes: the community's staff and volunteers, and the object's own volunteer. */
    public static boolean mayReadRoster(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.memberOf(placed.path()) || owns(scope, placed);
    }

    /** Who is on duty, coverage, everyone's hours, the list of a community's people: the community's staff. */
    public static boolean mayReadStaffing(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path());
    }

    /** Tasks and responsibilities of a unit: its community's staff, grid workers of the unit; a task's assignee. */
    public static boolean mayReadTasks(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.holds(GRID_WORKER, placed.path()) || owns(scope, placed);
    }

    /**
     * A household (issue 13): its community's staff, the grid worker of its building's grid (by group or by a
     * GRID_WORKER responsibility) and its building's captain. {@code placed}: the household at its building.
     */
    public static boolean mayReadHousehold(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || looksAfter(scope, placed.path());
    }

    /**
     * Residents' names and phones: the administrators of their community, the grid worker and the captain of their
     * building; district officers see the register without them.
     */
    public static boolean mayReadResidentContact(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || looksAfter(scope, placed.path());
    }

    /** A household edited one by one: the community's administrators, the grid worker of its building. */
    public static boolean mayEditHousehold(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || gridWorkerOf(scope, placed.path());
    }

    /** A household's status in a testing round: administrators, its building's grid worker and captain. */
    public static boolean mayRecordTesting(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || looksAfter(scope, placed.path());
    }

    /** A positive result: staff only (administrators, the building's grid worker), never a volunteer captain. */
    public static boolean mayRecordResult(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || gridWorkerOf(scope, placed.path());
    }

    /** A resident's request: the community's staff, its grid workers (they take the calls), its assignee. */
    public static boolean mayReadRequest(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || takesCalls(scope, placed.path()) || owns(scope, placed);
    }

    /** Taking, assigning and closing residents' requests: the administrators, the community's grid workers. */
    public static boolean mayHandleRequests(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || takesCalls(scope, placed.path());
    }

    /**
     * A team a request is assigned to: a city-wide team, or one of a community whose requests the caller handles
     * (its administrators, its grid workers).
     */
    public static boolean mayAssignTeam(Scope scope, Targets.Placed team) {
        return team.path().isEmpty() || manages(scope, team.path()) || takesCalls(scope, team.path());
    }

    /**
     * A 微心愿 posted to a community (and on a household): its administrators, and the grid workers who take its
     * residents' calls (on their behalf), as {@link #mayHandleRequests}.
     */
    public static boolean mayPostWish(Scope scope, Targets.Placed placed) {
        return mayHandleRequests(scope, placed);
    }

    /** Registrations to volunteer at a community: its staff (the registrant reads their own by account). */
    public static boolean mayReadRegistration(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path());
    }

    /** A call for volunteers: the community's staff and its volunteers (the invited answer it). */
    public static boolean mayReadCallOut(Scope scope, Targets.Placed placed) {
        return reads(scope, placed.path()) || scope.memberOf(placed.path());
    }

    /** Writes to a community's people, posts, roster and rules: its administrators. */
    public static boolean mayManage(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path());
    }

    /**
     * Linking a unit or a post to the notice area it answers for: the community's administrators (their community's
     * units and posts), the district's officers (those of their district).
     */
    public static boolean mayLinkArea(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || scope.holds(DISTRICT_OFFICER, placed.path());
    }

    /** Writes of tasks: the community's administrators, grid workers of the task's unit. */
    public static boolean mayManageTasks(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || scope.holds(GRID_WORKER, placed.path());
    }

    /** A shift, swap or wish a volunteer acts on for himself: the administrators, or a volunteer of its community. */
    public static boolean mayTakePartIn(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || scope.memberOf(placed.path());
    }

    /** The volunteer a write acts for: the administrators of his community, or himself. */
    public static boolean mayActAs(Scope scope, Targets.Placed volunteer) {
        return manages(scope, volunteer.path()) || owns(scope, volunteer);
    }

    /** Something of a volunteer's own (an assignment, a claimed wish): the administrators, or its owner. */
    public static boolean mayUseOwn(Scope scope, Targets.Placed placed) {
        return manages(scope, placed.path()) || owns(scope, placed);
    }

    /** A task's assignee: a volunteer of the community of the caller managing tasks there. */
    public static boolean mayAssignTo(Scope scope, Targets.Placed volunteer) {
        return manages(scope, volunteer.path()) || scope.worksIn(volunteer.path());
    }

    /** A team a new volunteer joins: a city-wide one, or one of the administrator's community. */
    public static boolean mayUseTeam(Scope scope, Targets.Placed team) {
        return team.path().isEmpty() || manages(scope, team.path());
    }

    /**
     * Alerts (issue 12) are addressed to an audience: a role over one unit U. Its members hold that role over U or a
     * unit inside it (admins of community C; grid workers of grid G, or of every grid of C; officers of district D);
     * a grid worker is also one of G's by a GRID_WORKER responsibility of their linked volunteer for G (the org data's
     * own word, whatever their groups say). Answers, per role, every unit the caller is a member over (the paths of
     * the units they hold it for); {@code responsibleGridPaths}: the paths of the grids of those responsibilities.
     */
    public static Map<StaffRole, Set<Long>> alertAudiences(Scope scope, List<List<Long>> responsibleGridPaths) {
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
    public static boolean mayReadAlert(Scope scope, Map<StaffRole, Set<Long>> audiences, StaffRole role, long unitId) {
        return scope.systemAdmin() || audiences.getOrDefault(role, Set.of()).contains(unitId);
    }

    /**
     * Alerts resolved by a batch field: each one {@link #mayReadAlert} (audience role and unit of each given by the
     * functions); a refused alert alone is null with FORBIDDEN at its path, its neighbours answered (as
     * {@link ObjectGuard} does for the other types).
     */
    public static <T> List<T> visibleAlerts(String field, Scope scope, Map<StaffRole, Set<Long>> audiences, List<T> alerts,
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
    static Rule readRule(Target target) {
        return switch (target) {
            case UNIT, TEAM -> new Rule.OfCaller(scope -> mayReadOrganisation(scope, null));
            case POST -> new Rule.OfCaller(scope -> mayReadPost(scope, null));
            case VOLUNTEER -> AccessRules::mayReadVolunteer;
            case SHIFT, ASSIGNMENT, SWAP, WISH -> AccessRules::mayReadRoster;
            case TASK -> AccessRules::mayReadTasks;
            case RESPONSE, TESTING_ROUND -> AccessRules::mayReadResponse;
            case HOUSEHOLD -> AccessRules::mayReadHousehold;
            case REQUEST -> AccessRules::mayReadRequest;
            case REGISTRATION -> AccessRules::mayReadRegistration;
            case ROSTER_PROPOSAL -> AccessRules::mayReadStaffing;
            case CALL_OUT -> AccessRules::mayReadCallOut;
        };
    }
}
