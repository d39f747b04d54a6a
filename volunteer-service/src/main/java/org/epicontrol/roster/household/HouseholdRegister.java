package org.epicontrol.roster.household;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.SqlStates;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.audit.AuditTrail;
import org.epicontrol.roster.household.HouseholdField.Invalid;
import org.epicontrol.roster.persistence.SessionSql;
import org.hibernate.StaleStateException;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Households edited one by one (Panache): each write runs in one transaction that first checks the objects its
 * permit names (the household, the building), then writes the entity and its audit event. Bad values are refused
 * before anything is read ({@code INVALID_INPUT} naming the field); a door another active household has is
 * {@code DUPLICATE_HOUSEHOLD} (the unique index decides, so two concurrent creates of one door cannot both pass); an
 * update on a version changed meanwhile is {@code CONFLICT}: the later writer reads again, nothing is lost silently.
 */
@ApplicationScoped
public class HouseholdRegister {

    // the building's community: the COMMUNITY unit on its path
    private static final String BUILDING = """
            select b.kind, (select c.id from org_unit c where c.id = any(b.path_ids) and c.kind = 'COMMUNITY')
            from org_unit b where b.id = $1""";

    private final AuditTrail audit;

    public HouseholdRegister(AuditTrail audit) {
        this.audit = audit;
    }

    public Uni<Household> create(long buildingId, HouseholdInput input, Permit permit) {
        HouseholdValues values = valuesOf(input);
        return permit.sessionTransaction((session, sql, actor) -> communityOf(sql, buildingId).chain(community -> {
            HouseholdEntity household = new HouseholdEntity();
            household.active = true;
            household.apply(buildingId, community, values, OffsetDateTime.now());
            return household.<HouseholdEntity>persistAndFlush()
                    .call(() -> audit.record(sql, actor, "CREATE_HOUSEHOLD", "Household", household.id,
                            door(household)));
        })).onFailure().transform(HouseholdRegister::typed).map(HouseholdEntity::view);
    }

    public Uni<Household> update(long id, long buildingId, HouseholdInput input, Permit permit) {
        HouseholdValues values = valuesOf(input);
        return permit.sessionTransaction((session, sql, actor) -> communityOf(sql, buildingId)
                .chain(community -> active(id).chain(household -> {
                    if (input.version() != null && input.version() != household.version) {
                        throw conflict();
                    }
                    household.apply(buildingId, community, values, OffsetDateTime.now());
                    return session.flush().replaceWith(household);
                }))
                .call(household -> audit.record(sql, actor, "UPDATE_HOUSEHOLD", "Household", id, door(household))))
                .onFailure().transform(HouseholdRegister::typed).map(HouseholdEntity::view);
    }

    /** Marks it inactive (kept for the rounds and requests naming it); removing it again changes nothing. */
    public Uni<Household> remove(long id, String reason, Permit permit) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DomainException.invalid("reason: say why the household is removed (moved away, merged …)");
        }
        return permit.sessionTransaction((session, sql, actor) -> HouseholdEntity.<HouseholdEntity>findById(id)
                .chain(household -> {
                    if (household == null) {
                        throw DomainException.notFound("household", id);
                    }
                    if (!household.active) {
                        return Uni.createFrom().item(household);
                    }
                    household.active = false;
                    household.updatedAt = OffsetDateTime.now();
                    Map<String, Object> details = new HashMap<>(door(household));
                    details.put("reason", why);
                    return session.flush().call(() -> audit.record(sql, actor, "REMOVE_HOUSEHOLD", "Household", id,
                            details)).replaceWith(household);
                }))
                .onFailure().transform(HouseholdRegister::typed).map(HouseholdEntity::view);
    }

    private static HouseholdValues valuesOf(HouseholdInput input) {
        try {
            return input.values();
        } catch (Invalid e) {
            throw DomainException.invalid(e.field().inputName() + ": " + e.getMessage());
        }
    }

    private static Uni<HouseholdEntity> active(long id) {
        return HouseholdEntity.<HouseholdEntity>findById(id).map(household -> {
            if (household == null) {
                throw DomainException.notFound("household", id);
            }
            if (!household.active) {
                throw new DomainException("HOUSEHOLD_REMOVED", "household " + id + " was removed; create the door anew");
            }
            return household;
        });
    }

    /** The community of a BUILDING unit; INVALID_INPUT for any other unit. */
    private static Uni<Long> communityOf(SessionSql sql, long buildingId) {
        return sql.select(BUILDING, buildingId).map(rows -> {
            if (rows.isEmpty() || !"BUILDING".equals(rows.get(0)[0]) || rows.get(0)[1] == null) {
                throw DomainException.invalid("buildingId: unit " + buildingId + " is not a building of a community");
            }
            return (Long) rows.get(0)[1];
        });
    }

    /** What the audit trail keeps of a household: its door, never its residents' names or phones. */
    private static Map<String, Object> door(HouseholdEntity household) {
        return Map.of("building", household.buildingId, "unit", household.unitLabel, "room", household.room,
                "version", household.version);
    }

    private static DomainException conflict() {
        return new DomainException("CONFLICT", "the household was changed by someone else meanwhile;"
                + " read it again and repeat your change");
    }

    private static Throwable typed(Throwable failure) {
        if (failure instanceof DomainException) {
            return failure;
        }
        if (SqlStates.is(failure, SqlStates.UNIQUE_VIOLATION)) {
            return new DomainException("DUPLICATE_HOUSEHOLD", "this door (building, unit, room) already has a"
                    + " household in the register; update that one");
        }
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof OptimisticLockException || e instanceof StaleStateException) {
                return conflict();
            }
        }
        return failure;
    }
}
