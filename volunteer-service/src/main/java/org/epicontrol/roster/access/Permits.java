package org.epicontrol.roster.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.security.Caller;
import org.epicontrol.common.security.StaffRole;

import java.util.List;
import java.util.Set;

import static org.epicontrol.common.security.StaffRole.SYSTEM_ADMIN;
import static org.epicontrol.roster.access.AccessRules.LINKERS;
import static org.epicontrol.roster.access.AccessRules.MANAGERS;
import static org.epicontrol.roster.access.AccessRules.MANAGERS_OR_VOLUNTEER;
import static org.epicontrol.roster.access.AccessRules.TASK_MANAGERS;

/**
 * The permits of writes: the caller's role checked here, then each object the write names must pass its rule
 * ({@link AccessRules}) inside the write's own transaction, its row locked ({@link Permit#confirm}). Reached through
 * {@link RosterAccess}'s write methods.
 *
 * <table>
 * <caption>write → the rule each named object must pass (in the write's transaction, rows locked)</caption>
 * <tr><th>write</th><th>named objects and rules</th></tr>
 * <tr><td>createOrgUnit, importOrganisation, createTeam without community</td><td>{@link #organise}:
 *     system-admin only</td></tr>
 * <tr><td>linkArea, linkPostArea</td><td>the unit or post: {@link AccessRules#mayLinkArea} (admin of C, officer of C)</td></tr>
 * <tr><td>createVolunteer</td><td>community: {@link AccessRules#mayManage}; team: {@link AccessRules#mayUseTeam} (a city-wide team or one
 *     of that admin's community)</td></tr>
 * <tr><td>createTeam, createDutyPost, updateDutyPost, closeDutyPost, generateShifts, createShift, cancelShift,
 *     cancelAssignment, setRosterRules, cancelWish, completeTestingRound</td><td>the community, post,
 *     shift, assignment, wish or testing round: {@link AccessRules#mayManage}</td></tr>
 * <tr><td>setResponsePlan</td><td>{@link #organise}: system-admin only</td></tr>
 * <tr><td>a response's own writes (posts, shifts, tasks, rounds; the area-event trigger, no caller)</td><td>
 *     {@link #system}: not reachable through the API</td></tr>
 * <tr><td>assignVolunteer</td><td>shift: {@link AccessRules#mayManage}; volunteer: {@link AccessRules#mayManage}</td></tr>
 * <tr><td>proposeRoster, setDutyPostAsksForTeam (issue 16)</td><td>the community / post: {@link AccessRules#mayManage}</td></tr>
 * <tr><td>applyRosterProposal (issue 16)</td><td>the proposal: {@link AccessRules#mayManage}; per place, in its own
 *     transaction, its shift and volunteer, and for a move the assignment it ends: {@link AccessRules#mayManage}</td></tr>
 * <tr><td>assignResponsibility</td><td>unit: {@link AccessRules#mayManage}; volunteer: {@link AccessRules#mayManage}</td></tr>
 * <tr><td>postWish (issue 13: also grid workers, for residents)</td><td>community and household:
 *     {@link AccessRules#mayPostWish}</td></tr>
 * <tr><td>signUp, claimWish, acceptSwap, declineSwap, withdrawSwap (as volunteer V)</td><td>shift / wish / swap:
 *     {@link AccessRules#mayTakePartIn}; V: {@link AccessRules#mayActAs}</td></tr>
 * <tr><td>proposeSwap</td><td>assignment: {@link AccessRules#mayUseOwn}; toVolunteer and toAssignment:
 *     {@link AccessRules#mayTakePartIn}</td></tr>
 * <tr><td>fulfilWish</td><td>wish: {@link AccessRules#mayUseOwn}</td></tr>
 * <tr><td>createTask, completeTask, failTask, reopenTask</td><td>unit / task: {@link AccessRules#mayManageTasks}</td></tr>
 * <tr><td>assignTask</td><td>task: {@link AccessRules#mayManageTasks}; assignee: {@link AccessRules#mayAssignTo}</td></tr>
 * <tr><td>importHouseholds</td><td>community: {@link AccessRules#mayManage}</td></tr>
 * <tr><td>createHousehold, updateHousehold, removeHousehold</td><td>the building (Target.UNIT) and, for update and
 *     remove, the household: {@link AccessRules#mayEditHousehold} (the community's admins, the grid worker of the building by
 *     group or GRID_WORKER responsibility); on update both the household's building and the new one</td></tr>
 * <tr><td>createTestingRound, completeTestingRound, generateMissedTasks</td><td>unit / round:
 *     {@link AccessRules#mayManage}</td></tr>
 * <tr><td>recordHouseholdTest</td><td>round: {@link AccessRules#mayManage} or {@link AccessRules#mayReadResponse} as grid worker /
 *     captain; household: {@link AccessRules#mayRecordTesting}; status POSITIVE or a correction: {@link AccessRules#mayRecordResult}</td></tr>
 * <tr><td>completeTask of a round's door-to-door task (records its household TESTED)</td><td>task:
 *     {@link AccessRules#mayManageTasks}, as every completeTask</td></tr>
 * <tr><td>takeRequest, assignRequest, closeRequest, cancelRequest</td><td>community / household / request:
 *     {@link AccessRules#mayHandleRequests}; assignee: {@link AccessRules#mayAssignTo}; team: {@link AccessRules#mayAssignTeam}</td></tr>
 * <tr><td>registerAsVolunteer</td><td>any signed-in account, with or without a role (self-registration)</td></tr>
 * <tr><td>approveRegistration, rejectRegistration, updateVolunteer, deactivateVolunteer, callOut, closeCallOut,
 *     createTeam (its leader), addTeamMember, removeTeamMember</td><td>registration / volunteer / community / post /
 *     response / call-out / team: {@link AccessRules#mayManage} (a city-wide team: system-admin); callOut's team:
 *     {@link AccessRules#mayUseTeam}</td></tr>
 * <tr><td>withdrawRegistration, myRegistrations</td><td>any signed-in account, its own registrations (by token
 *     subject)</td></tr>
 * <tr><td>myShifts, myOpenShifts, mySwapRequests, myHours (reads)</td><td>any signed-in account, its own linked
 *     volunteer's ({@link RosterAccess#ownVolunteer}; none: empty, null); each shift, assignment or swap listed
 *     {@link AccessRules#mayReadRoster} as well</td></tr>
 * <tr><td>answerCallOut (as volunteer V)</td><td>call-out: {@link AccessRules#mayTakePartIn}; V: {@link AccessRules#mayActAs}</td></tr>
 * <tr><td>acknowledgeAlert</td><td>alert: {@link AccessRules#mayReadAlert} (a member of its audience), checked on the alert's
 *     row locked in the acknowledgement's transaction</td></tr>
 * </table>
 */
@ApplicationScoped
public class Permits {

    private final CurrentScope current;
    private final Targets targets;

    public Permits(CurrentScope current, Targets targets) {
        this.current = current;
        this.targets = targets;
    }

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

    /** Changes to the organisation tree itself. */
    public Uni<Permit> organise(String operation) {
        return permit(operation, SYSTEM_ADMIN);
    }

    /** A write to the object's community: {@link #mayManage}. */
    public Uni<Permit> manage(String operation, Target target, long id) {
        return permit(operation, MANAGERS).map(p -> p.and(target, id, AccessRules::mayManage));
    }

    /** Linking a unit or post to a notice area: {@link #mayLinkArea}. */
    public Uni<Permit> linkArea(String operation, Target target, long id) {
        return permit(operation, LINKERS).map(p -> p.and(target, id, AccessRules::mayLinkArea));
    }

    /** A write of tasks: {@link #mayManageTasks}. */
    public Uni<Permit> manageTasks(String operation, Target target, long id) {
        return permit(operation, TASK_MANAGERS).map(p -> p.and(target, id, AccessRules::mayManageTasks));
    }

    /**
     * A write naming objects under rules of its own (issue 13): {@code roles} may attempt it, then each object must
     * pass its rule in the write's transaction; add more with {@link Permit#and}. E.g.
     * {@code access.write("recordHouseholdTest", TASK_RECORDERS, Target.HOUSEHOLD, id, AccessRules::mayRecordTesting)}.
     */
    public Uni<Permit> write(String operation, StaffRole[] roles, Target target, long id, Rule rule) {
        return permit(operation, roles).map(p -> p.and(target, id, rule));
    }

    /** Acting for volunteer {@code volunteerId} on an object: {@link #mayTakePartIn} and {@link #mayActAs}. */
    public Uni<Permit> actFor(String operation, Target target, long id, long volunteerId) {
        return permit(operation, MANAGERS_OR_VOLUNTEER)
                .map(p -> p.and(target, id, AccessRules::mayTakePartIn).and(Target.VOLUNTEER, volunteerId, AccessRules::mayActAs));
    }

    /** Acting on something of a volunteer's own: {@link #mayUseOwn}. */
    public Uni<Permit> manageOrOwn(String operation, Target target, long id) {
        return permit(operation, MANAGERS_OR_VOLUNTEER).map(p -> p.and(target, id, AccessRules::mayUseOwn));
    }

    private Uni<Permit> permit(String operation, StaffRole... roles) {
        return current.get().map(scope -> {
            scope.caller().require(operation, roles);
            return new Permit(operation, scope, targets, List.of());
        });
    }
}
