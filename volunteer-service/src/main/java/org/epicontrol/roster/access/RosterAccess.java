package org.epicontrol.roster.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.security.StaffRole;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import static org.epicontrol.common.security.StaffRole.COMMUNITY_ADMIN;
import static org.epicontrol.common.security.StaffRole.DISTRICT_OFFICER;
import static org.epicontrol.roster.access.AccessRules.ANY_ROLE;
import static org.epicontrol.roster.access.AccessRules.MANAGERS;
import static org.epicontrol.roster.access.AccessRules.MANAGERS_OR_VOLUNTEER;
import static org.epicontrol.roster.access.AccessRules.MEMBER_READERS;
import static org.epicontrol.roster.access.AccessRules.READERS;
import static org.epicontrol.roster.access.AccessRules.TASK_READERS;

/**
 * Where resolvers ask (issues 5 and 11): deny by default. Each object that carries personal or roster data is checked
 * against its type's rule ({@link AccessRules}: the rules and their table) WHERE IT IS RESOLVED (root field, nested
 * field, federation {@code _entities}), so no path through the graph reaches it without its rule; writes check every
 * object their arguments name inside their own transaction ({@link Permits}, reached through the write methods here).
 * This class holds the scope checks of reads: the caller's role, then the object's place against its rule.
 *
 * <p>Keycloak Authorization Services was considered: GraphQL is one POST endpoint, so its path-based policy enforcer
 * cannot tell operations apart, and these rules need our own organisation rows anyway.
 */
@ApplicationScoped
public class RosterAccess {

    /** Roles that may record testing, edit households and handle requests (the rules then decide per object). */
    public static final StaffRole[] FIELD_STAFF = AccessRules.FIELD_STAFF;

    private final CurrentScope current;
    private final Targets targets;
    private final ObjectGuard guard;
    private final Permits permits;

    public RosterAccess(CurrentScope current, Targets targets, ObjectGuard guard, Permits permits) {
        this.current = current;
        this.targets = targets;
        this.guard = guard;
        this.permits = permits;
    }

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
        return check(operation, target, id, ANY_ROLE, AccessRules.readRule(target)).replaceWithVoid();
    }

    /** A community's staffing (people, coverage, who is on duty), for any unit: {@link AccessRules#mayReadStaffing}. */
    public Uni<Void> readStaffing(String operation, Target target, long id) {
        return check(operation, target, id, READERS, AccessRules::mayReadStaffing).replaceWithVoid();
    }

    /**
     * A unit's households (the register, the special-groups ledger): {@link AccessRules#mayReadHousehold} on the unit's own path;
     * every household listed lies under it, so the unit's rule is theirs (a grid worker of grid G asking for the
     * community is refused, for G answered).
     */
    public Uni<Void> readHouseholds(String operation, long unitId) {
        return check(operation, Target.UNIT, unitId, ANY_ROLE, AccessRules::mayReadHousehold).replaceWithVoid();
    }

    /**
     * A volunteer's personal settings (availability, roster preferences; issue 16): the volunteer himself and the
     * administrators of his community, {@link AccessRules#mayActAs}.
     */
    public Uni<Void> readPersonal(String operation, Target target, long id) {
        return check(operation, target, id, MANAGERS_OR_VOLUNTEER, AccessRules::mayActAs).replaceWithVoid();
    }

    /** A unit's roster objects (wishes): {@link AccessRules#mayReadRoster}. */
    public Uni<Void> readRoster(String operation, Target target, long id) {
        return check(operation, target, id, MEMBER_READERS, AccessRules::mayReadRoster).replaceWithVoid();
    }

    /** A unit's residents' requests: {@link AccessRules#mayReadRequest} on the unit. */
    public Uni<Void> readRequests(String operation, long unitId) {
        return check(operation, Target.UNIT, unitId, ANY_ROLE, AccessRules::mayReadRequest).replaceWithVoid();
    }

    /** A unit's tasks: {@link AccessRules#mayReadTasks}. */
    public Uni<Void> readTasks(String operation, Target target, long id) {
        return check(operation, target, id, TASK_READERS, AccessRules::mayReadTasks).replaceWithVoid();
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
        return check(operation, Target.UNIT, unitId, MEMBER_READERS, AccessRules::mayReadRoster).chain(placed ->
                current.get().map(scope -> scope.systemAdmin() || placed != null && AccessRules.mayReadStaffing(scope, placed)
                        ? null : scope.volunteerId()));
    }

    /** Objects resolved by a batch field or entity resolver: each one its type's rule, refused ones alone null. */
    public <T> Uni<List<T>> visible(String field, Target target, List<T> objects, ToLongFunction<T> idOf) {
        return guard.each(field, target, objects, idOf, AccessRules.readRule(target));
    }

    /** The objects of a filtered list the caller may see under their type's rule; the others are left out. */
    public <T> Uni<List<T>> readable(String field, Target target, List<T> objects, ToLongFunction<T> idOf) {
        return guard.each(field, target, objects, idOf, AccessRules.readRule(target))
                .map(checked -> checked.stream().filter(o -> !(o instanceof DomainException)).toList());
    }

    /** Lists resolved by a batch field: a list with any object the caller may not see is null with the error. */
    public <T> Uni<List<List<T>>> visibleLists(String field, Target target, List<List<T>> lists, ToLongFunction<T> idOf) {
        return guard.eachList(field, target, lists, idOf, AccessRules.readRule(target));
    }

    /**
     * Residents' names or phones of households resolved by a batch field: {@link AccessRules#mayReadResidentContact} for each
     * household (one look-up per batch); a refused household's value alone is null with the error at its path.
     */
    public <T, V> Uni<List<V>> residentContacts(String field, List<T> households, ToLongFunction<T> idOf,
                                                Function<T, V> value) {
        return guard.each(field, Target.HOUSEHOLD, households, idOf, AccessRules::mayReadResidentContact).map(checked -> {
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

    /** People on duty, placed by their post: {@link AccessRules#mayReadStaffing}. */
    public <T> Uni<List<List<T>>> visibleStaffing(String field, List<List<T>> lists, ToLongFunction<T> postOf) {
        return guard.eachList(field, Target.POST, lists, postOf, AccessRules::mayReadStaffing);
    }

    /**
     * What hangs on units (responsibilities, responsible workers): each unit must pass {@link AccessRules#mayReadTasks}, and
     * every person listed the volunteer rule; a unit failing either gets null and the error, its neighbours their
     * lists.
     */
    public <T> Uni<List<List<T>>> unitPeople(String field, List<Long> unitIds,
                                             Function<List<Long>, Uni<List<List<T>>>> load, ToLongFunction<T> personOf) {
        return guard.listsOf(field, Target.UNIT, unitIds, AccessRules::mayReadTasks, load, Target.VOLUNTEER, personOf,
                AccessRules::mayReadVolunteer);
    }

    /**
     * The answers of call-outs (issue 13): who answered what is for the call-out's community staff
     * ({@link AccessRules#mayReadStaffing}), and every volunteer listed passes the volunteer rule; a call-out failing either gets
     * null and the error, its neighbours their lists.
     */
    public <T> Uni<List<List<T>>> callOutAnswers(String field, List<Long> callOutIds,
                                                 Function<List<Long>, Uni<List<List<T>>>> load, ToLongFunction<T> personOf) {
        return guard.listsOf(field, Target.CALL_OUT, callOutIds, AccessRules::mayReadStaffing, load, Target.VOLUNTEER, personOf,
                AccessRules::mayReadVolunteer);
    }

    /** People on duty answered by a root field: all of them must pass {@link AccessRules#mayReadStaffing}, else it is refused. */
    public <T> Uni<List<T>> visibleStaffingAll(String field, List<T> list, ToLongFunction<T> postOf) {
        return guard.all(field, Target.POST, list, postOf, AccessRules::mayReadStaffing);
    }

    /**
     * A field answering one list (not batched), or a federation entity batch: every object must pass its type's rule,
     * else the field is refused. (SmallRye answers {@code _entities} from the resolver's list as a whole, without the
     * batch loader's per-position errors: one refused entity refuses the type's entities of that request.)
     */
    public <T> Uni<List<T>> visibleAll(String field, Target target, List<T> objects, ToLongFunction<T> idOf) {
        return guard.all(field, target, objects, idOf, AccessRules.readRule(target));
    }

    /**
     * The phone of a volunteer of community {@code communityId}: {@link AccessRules#mayReadPhone}. Its administrators are known
     * by the community alone, so no look-up per volunteer is needed.
     */
    public Uni<Void> seePhone(String operation, long volunteerId, long communityId) {
        return current.get().map(scope -> {
            scope.caller().require(operation, MANAGERS);
            if (!AccessRules.mayReadPhone(scope, new Targets.Placed(volunteerId, List.of(communityId), volunteerId))) {
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

    /** Reading response plans: {@link AccessRules#mayReadPlans}. */
    public Uni<Scope> readPlans(String operation) {
        return current.get().map(scope -> {
            scope.caller().require(operation, ANY_ROLE);
            if (!AccessRules.mayReadPlans(scope, null)) {
                throw DomainException.forbidden(operation + ": response plans are for signed-in staff");
            }
            return scope;
        });
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

    // ---- writes: the role here, where the objects sit in the write's transaction ({@link Permits}) ----------------

    /** {@link Permits#system}. */
    public Permit system(String operation, Target target, long id) {
        return permits.system(operation, target, id);
    }

    /** {@link Permits#organise}. */
    public Uni<Permit> organise(String operation) {
        return permits.organise(operation);
    }

    /** {@link Permits#manage}: {@link AccessRules#mayManage}. */
    public Uni<Permit> manage(String operation, Target target, long id) {
        return permits.manage(operation, target, id);
    }

    /** {@link Permits#linkArea}. */
    public Uni<Permit> linkArea(String operation, Target target, long id) {
        return permits.linkArea(operation, target, id);
    }

    /** {@link Permits#manageTasks}. */
    public Uni<Permit> manageTasks(String operation, Target target, long id) {
        return permits.manageTasks(operation, target, id);
    }

    /** {@link Permits#write}. */
    public Uni<Permit> write(String operation, StaffRole[] roles, Target target, long id, Rule rule) {
        return permits.write(operation, roles, target, id, rule);
    }

    /** {@link Permits#actFor}. */
    public Uni<Permit> actFor(String operation, Target target, long id, long volunteerId) {
        return permits.actFor(operation, target, id, volunteerId);
    }

    /** {@link Permits#manageOrOwn}. */
    public Uni<Permit> manageOrOwn(String operation, Target target, long id) {
        return permits.manageOrOwn(operation, target, id);
    }
}
