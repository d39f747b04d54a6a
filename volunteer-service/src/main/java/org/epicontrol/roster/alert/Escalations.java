package org.epicontrol.roster.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.context.SafeContexts;
import org.hibernate.LockMode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Escalates alerts nobody acknowledged within {@code alerts.escalate-after} to the officers of their community's
 * district: a new ESCALATION alert linking the original, once; not when the response has closed meanwhile (nothing
 * left to chase). Safe with several replicas: the due alerts are claimed {@code for no key update skip locked} (a
 * replica skips the rows another is escalating, and a row escalated meanwhile no longer matches), and the unique
 * {@code escalation_of} refuses a second escalation whatever happens.
 */
@ApplicationScoped
public class Escalations {

    private static final String DUE = "from Alert a where a.acknowledgedAt is null and a.escalatedAt is null"
            + " and a.kind in ?1 and a.createdAt <= ?2 and not exists (from Alert c where c.responseId = a.responseId"
            + " and c.kind = ?3) order by a.createdAt, a.id";

    private final AlertsConfig config;
    private final Vertx vertx;

    public Escalations(AlertsConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /** Escalates what is due at {@code now} (one batch); answers the escalation alerts raised. */
    public Uni<List<Alert>> escalateDue(OffsetDateTime now) {
        OffsetDateTime at = Alert.stamp(now);
        OffsetDateTime cutoff = at.minus(config.escalateAfter());
        return SafeContexts.current(vertx, () -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createSelectionQuery(DUE, Alert.class)
                                .setParameter(1, List.copyOf(config.escalatedKinds()))
                                .setParameter(2, cutoff)
                                .setParameter(3, AlertKind.RESPONSE_CLOSED)
                                // Panache's queries take no hints: the session's query says "skip locked" itself
                                .setLockMode(LockMode.UPGRADE_SKIPLOCKED)
                                .setMaxResults(config.escalationBatch())
                                .getResultList())
                        .chain(due -> {
                            List<Alert> escalations = new ArrayList<>();
                            for (Alert original : due) {
                                original.escalatedAt = at;
                                escalations.add(escalationOf(original, at));
                            }
                            return escalations.isEmpty() ? Uni.createFrom().item(escalations)
                                    : Alert.persist(escalations).replaceWith(escalations);
                        })));
    }

    private Alert escalationOf(Alert original, OffsetDateTime now) {
        Alert alert = new Alert();
        alert.kind = AlertKind.ESCALATION;
        alert.audience = Audience.DISTRICT_OFFICERS;
        alert.audienceUnitId = original.districtId;
        alert.communityId = original.communityId;
        alert.gridId = original.gridId;
        alert.districtId = original.districtId;
        alert.responseId = original.responseId;
        alert.requestId = original.requestId;
        alert.areaId = original.areaId;
        alert.areaName = original.areaName;
        alert.level = original.level;
        alert.message = AlertMessages.escalation(original, config.escalateAfter());
        alert.createdAt = now;
        alert.escalationOf = original.id;
        return alert;
    }
}
