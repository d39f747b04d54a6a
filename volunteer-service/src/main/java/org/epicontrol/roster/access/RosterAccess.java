package org.epicontrol.roster.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.StaffRole;
import org.epicontrol.roster.people.Volunteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

import static org.epicontrol.common.security.StaffRole.COMMUNITY_ADMIN;
import static org.epicontrol.common.security.StaffRole.DISTRICT_OFFICER;
import static org.epicontrol.common.security.StaffRole.GRID_WORKER;
import static org.epicontrol.common.security.StaffRole.SYSTEM_ADMIN;
import static org.epicontrol.common.security.StaffRole.VOLUNTEER;

/**
 * Every authorisation decision of the volunteer-service (issue 5). Resolvers ask here and nowhere else.
 *
 * <p>"Community C" is the community the object belongs to (a task: its grid or building, so the path runs on down).
 * "admin of C" means role community-admin with the group of C, "officer of C" district-officer with the group of C's
 * district, "grid worker of U" grid-worker with the group of a grid on U's path, "volunteer of C" role volunteer whose
 * account is linked (volunteer.user_id = sub) to a volunteer of C. system-admin may do everything.
 *
 * <table>
 * <caption>operation → who</caption>
 * <tr><th>operation</th><th>who besides system-admin</th></tr>
 * <tr><td>orgUnit, community, grid (and their tree fields), me, Area.responsibleGrid/dutyPosts, federation lookups of
 *     Community, Grid, Area</td><td>anyone signed in with a role of the realm</td></tr>
 * <tr><td>createOrgUnit, linkArea, importOrganisation, createTeam without community</td>
 *     <td>nobody (the tree is the city's; a district officer only reads)</td></tr>
 * <tr><td>coverageGaps, onDuty, Community.volunteers, volunteer (someone else), Area.onDutyNow</td>
 *     <td>admin of C, officer of C</td></tr>
 * <tr><td>volunteerHours</td><td>admin of C, officer of C; a volunteer of C gets only his own line</td></tr>
 * <tr><td>volunteer (himself), me</td><td>that volunteer</td></tr>
 * <tr><td>dutyPost, shift, Community.dutyPosts, Shift.assignments, federation lookups of DutyPost and Shift, wishes</td>
 *     <td>admin of C, officer of C, volunteer of C</td></tr>
 * <tr><td>phone of a volunteer</td><td>admin of the volunteer's community only</td></tr>
 * <tr><td>createVolunteer, createTeam, assignResponsibility, createDutyPost, generateShifts, createShift, cancelShift,
 *     assignVolunteer, cancelAssignment, setRosterRules, postWish, cancelWish</td><td>admin of C</td></tr>
 * <tr><td>signUp, claimWish (for volunteer V)</td><td>admin of C; V himself if he is a volunteer of C</td></tr>
 * <tr><td>proposeSwap (of assignment A), fulfilWish</td><td>admin of C; the volunteer A (or the claim) belongs to</td></tr>
 * <tr><td>acceptSwap, declineSwap, withdrawSwap (as volunteer V)</td><td>admin of C; V himself if a volunteer of C</td></tr>
 * <tr><td>createTask, assignTask, completeTask, failTask, reopenTask</td><td>admin of C, grid worker of the unit</td></tr>
 * <tr><td>tasks, Area.openTasks, responsibleWorkers, responsibilities</td>
 *     <td>admin of C, officer of C, grid worker of the unit</td></tr>
 * <tr><td>rosterAuditTrail</td><td>admin of C or officer of C: the events under their community or district</td></tr>
 * </table>
 *
 * <p>Without a token every operation is refused with UNAUTHENTICATED, otherwise with FORBIDDEN; either way before
 * anything changes. Keycloak Authorization Services was considered: GraphQL is one POST endpoint, so its path-based
 * policy enforcer cannot tell operations apart, and these rules need our own organisation rows anyway.
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

    private final CurrentScope current;
    private final Targets targets;

    public RosterAccess(CurrentScope current, Targets targets) {
        this.current = current;
        this.targets = targets;
    }

    public Uni<Scope> scope() {
        return current.get();
    }

    /** Anyone with a token and a role of the realm. */
    public Uni<Permit> signedIn(String operation) {
        return current.get().map(scope -> {
            scope.caller().require(operation, ANY_ROLE);
            return new Permit(scope, List.of());
        });
    }

    /** Changes to the organisation tree itself. */
    public Uni<Permit> organise(String operation) {
        return current.get().map(scope -> {
            scope.caller().require(operation, SYSTEM_ADMIN);
            return new Permit(scope, List.of());
        });
    }

    /** Staff reads of a community's data: its admin, its district's officer. */
    public Uni<Permit> read(String operation, Target target, long id) {
        return check(operation, target, id, READERS, (scope, placed) -> reads(scope, placed.path()));
    }

    /** As {@link #read}, and the community's own volunteers too (posts, shifts, wishes they take part in). */
    public Uni<Permit> readAsMember(String operation, Target target, long id) {
        return check(operation, target, id, MEMBER_READERS,
                (scope, placed) -> reads(scope, placed.path()) || scope.memberOf(placed.path()));
    }

    /** Writes to a community's roster, people and rules: its admin. */
    public Uni<Permit> manage(String operation, Target target, long id) {
        return check(operation, target, id, MANAGERS, (scope, placed) -> manages(scope, placed.path()));
    }

    /** Writes of tasks: the community's admin, or a grid worker of the grid the task's unit is in. */
    public Uni<Permit> manageTasks(String operation, Target target, long id) {
        return check(operation, target, id, TASK_MANAGERS,
                (scope, placed) -> manages(scope, placed.path()) || scope.holds(GRID_WORKER, placed.path()));
    }

    public Uni<Permit> readTasks(String operation, Target target, long id) {
        return check(operation, target, id, TASK_READERS,
                (scope, placed) -> reads(scope, placed.path()) || scope.holds(GRID_WORKER, placed.path()));
    }

    /** Acting for volunteer {@code volunteerId}: the community's admin, or that volunteer himself in his community. */
    public Uni<Permit> actFor(String operation, Target target, long id, long volunteerId) {
        return check(operation, target, id, MANAGERS_OR_VOLUNTEER, (scope, placed) -> manages(scope, placed.path())
                || scope.is(volunteerId) && scope.memberOf(placed.path()));
    }

    /** Acting on something of a volunteer's own (an assignment, a claimed wish): the admin, or its owner. */
    public Uni<Permit> manageOrOwn(String operation, Target target, long id) {
        return check(operation, target, id, MANAGERS_OR_VOLUNTEER, (scope, placed) -> manages(scope, placed.path())
                || placed.owner() != null && scope.is(placed.owner()));
    }

    /** Someone's volunteer record: staff reading their community, or the volunteer himself. */
    public Uni<Permit> readVolunteer(String operation, long volunteerId) {
        return check(operation, Target.VOLUNTEER, volunteerId, MEMBER_READERS,
                (scope, placed) -> reads(scope, placed.path()) || scope.is(volunteerId));
    }

    /** Whose hours a caller sees in a unit: null for everyone's (staff), else only their own volunteer's. */
    public Uni<Long> hoursVisibleTo(String operation, long unitId) {
        return readAsMember(operation, Target.UNIT, unitId)
                .map(permit -> reads(permit.scope(), permit.orgPath()) ? null : permit.scope().volunteerId());
    }

    /** For fields that list things of many communities at once: every one of them must be readable. */
    public Uni<Void> readAll(String operation, Target target, Collection<Long> ids) {
        return checkAll(operation, target, ids, READERS, (scope, placed) -> reads(scope, placed.path()));
    }

    public Uni<Void> readAllAsMember(String operation, Target target, Collection<Long> ids) {
        return checkAll(operation, target, ids, MEMBER_READERS,
                (scope, placed) -> reads(scope, placed.path()) || scope.memberOf(placed.path()));
    }

    public Uni<Void> readAllTasks(String operation, Target target, Collection<Long> ids) {
        return checkAll(operation, target, ids, TASK_READERS,
                (scope, placed) -> reads(scope, placed.path()) || scope.holds(GRID_WORKER, placed.path()));
    }

    public Uni<Void> readAllVolunteers(String operation, Collection<Long> ids) {
        return checkAll(operation, Target.VOLUNTEER, ids, MEMBER_READERS,
                (scope, placed) -> reads(scope, placed.path()) || scope.is(placed.id()));
    }

    /** The phone number: personal data, for the admin of the volunteer's own community only. */
    public Uni<Void> seePhone(String operation, Volunteer volunteer) {
        return current.get().map(scope -> {
            scope.caller().require(operation, MANAGERS);
            if (!scope.systemAdmin() && !scope.unitsOf(COMMUNITY_ADMIN).contains(volunteer.communityId())) {
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

    private static boolean reads(Scope scope, List<Long> path) {
        return scope.systemAdmin() || scope.holds(DISTRICT_OFFICER, path) || scope.holds(COMMUNITY_ADMIN, path);
    }

    private static boolean manages(Scope scope, List<Long> path) {
        return scope.systemAdmin() || scope.holds(COMMUNITY_ADMIN, path);
    }

    private Uni<Permit> check(String operation, Target target, long id, StaffRole[] roles,
                              BiPredicate<Scope, Targets.Placed> allowed) {
        return current.get().chain(scope -> {
            scope.caller().require(operation, roles);
            return targets.find(target, List.of(id)).map(found -> {
                Targets.Placed placed = found.get(id);
                if (placed == null) {
                    // nothing to protect: reads show null, writes are refused with NOT_FOUND by the service
                    return new Permit(scope, List.of());
                }
                if (!allowed.test(scope, placed)) {
                    throw outside(operation, target, id);
                }
                return new Permit(scope, placed.path());
            });
        });
    }

    /** Unknown ids pass (the field shows null for them); one forbidden object refuses the whole field. */
    private Uni<Void> checkAll(String operation, Target target, Collection<Long> ids, StaffRole[] roles,
                               BiPredicate<Scope, Targets.Placed> allowed) {
        return current.get().chain(scope -> {
            scope.caller().require(operation, roles);
            if (scope.systemAdmin()) {
                return Uni.createFrom().voidItem();
            }
            return targets.find(target, ids.stream().distinct().toList()).map(found -> {
                for (Map.Entry<Long, Targets.Placed> e : found.entrySet()) {
                    if (!allowed.test(scope, e.getValue())) {
                        throw outside(operation, target, e.getKey());
                    }
                }
                return null;
            });
        });
    }

    private static DomainException outside(String operation, Target target, long id) {
        return DomainException.forbidden(operation + ": " + target.noun() + " " + id
                + " is outside the communities and districts you are responsible for");
    }
}
