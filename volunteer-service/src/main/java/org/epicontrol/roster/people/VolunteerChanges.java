package org.epicontrol.roster.people;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.epicontrol.common.DomainException;
import org.epicontrol.roster.access.Permit;
import org.epicontrol.roster.access.ScopeResolver;
import org.epicontrol.roster.audit.AuditTrail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A volunteer's record changed by the community's administrators: updated, or deactivated. Deactivation, in one
 * transaction: the row inactive (the roster then refuses every new sign-up and assignment: VOLUNTEER_INACTIVE), the
 * person's assignments that have not started yet cancelled with the reason (a shift in progress stays as worked),
 * every {@link DeactivationListener} told; after it commits every kept scope is forgotten, so the account no longer
 * acts as that volunteer.
 */
@ApplicationScoped
public class VolunteerChanges {

    private final Pool pool;
    private final AuditTrail audit;
    private final ScopeResolver scopes;
    private final Volunteers volunteers;
    private final Instance<DeactivationListener> listeners;

    public VolunteerChanges(Pool pool, AuditTrail audit, ScopeResolver scopes, Volunteers volunteers,
                            @Any Instance<DeactivationListener> listeners) {
        this.pool = pool;
        this.audit = audit;
        this.scopes = scopes;
        this.volunteers = volunteers;
        this.listeners = listeners;
    }

    public Uni<Volunteer> update(long id, VolunteerUpdate change, Permit permit) {
        String name = change.name() == null ? null : change.name().strip();
        if (name != null) {
            Volunteers.checkName(name);
        }
        Volunteers.checkPhone(change.phone());
        String[] kinds = change.kinds() == null ? null : Volunteers.kinds(change.kinds());
        String[] skills = change.skills() == null ? null : Volunteers.skills(change.skills());
        String sql = """
                update volunteer set name = coalesce($2, name), phone = coalesce($3, phone),
                  kinds = coalesce($4, kinds), skills = coalesce($5, skills)
                where id = $1 returning id""";
        // the phone is personal data: the trail says whether it changed, not to what
        Map<String, Object> details = new HashMap<>();
        details.put("name", name);
        details.put("phoneChanged", change.phone() != null);
        details.put("kinds", kinds == null ? null : List.of(kinds));
        details.put("skills", skills == null ? null : List.of(skills));
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(sql)
                        .execute(Tuple.from(Arrays.asList(id, name, change.phone(), kinds, skills)))
                        .call(rows -> {
                            if (rows.rowCount() == 0) {
                                throw DomainException.notFound("volunteer", id);
                            }
                            return audit.record(tx, actor, "UPDATE_VOLUNTEER", "Volunteer", id, details);
                        }))
                .chain(() -> volunteers.byId(id));
    }

    public Uni<Volunteer> deactivate(long id, String reason, Permit permit) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw DomainException.invalid("a deactivation needs a reason of 1 to 500 characters");
        }
        return permit.transaction(pool, (tx, actor) -> tx.preparedQuery(
                                "select active from volunteer where id = $1 for no key update")
                        .execute(Tuple.of(id))
                        .chain(rows -> {
                            if (rows.size() == 0) {
                                throw DomainException.notFound("volunteer", id);
                            }
                            if (!rows.iterator().next().getBoolean("active")) {
                                throw new DomainException("VOLUNTEER_INACTIVE", "volunteer " + id + " is already inactive");
                            }
                            return tx.preparedQuery("update volunteer set active = false where id = $1").execute(Tuple.of(id));
                        })
                        .chain(() -> cancelComingAssignments(tx, id, why))
                        .call(() -> tellListeners(tx, id))
                        .call(cancelled -> audit.record(tx, actor, "DEACTIVATE_VOLUNTEER", "Volunteer", id,
                                Map.of("reason", why, "cancelledAssignments", cancelled))))
                .call(scopes::forgetAll)
                .chain(() -> volunteers.byId(id));
    }

    private static Uni<List<Long>> cancelComingAssignments(SqlClient tx, long id, String reason) {
        return tx.preparedQuery("update assignment set status = 'CANCELLED', ended_reason = $2"
                        + " where volunteer_id = $1 and status = 'ACTIVE' and lower(during) > now() returning id")
                .execute(Tuple.of(id, reason))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                    }
                    return ids;
                });
    }

    private Uni<Void> tellListeners(SqlClient tx, long id) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DeactivationListener listener : listeners) {
            chain = chain.chain(() -> listener.deactivated(tx, id));
        }
        return chain;
    }
}
