package org.epicontrol.roster.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Escalates alerts nobody acknowledged within {@code alerts.escalate-after} to the officers of their community's
 * district: a new ESCALATION alert linking the original, once. Safe with several replicas: the due alerts are claimed
 * with {@code for update skip locked} (a replica skips the rows another is escalating, and a row escalated meanwhile
 * no longer matches), and the unique {@code escalation_of} refuses a second escalation whatever happens.
 */
@ApplicationScoped
public class Escalations {

    // The response closed before anyone acknowledged its opening: nothing left to chase.
    private static final String DUE = "from Alert a where a.acknowledgedAt is null and a.escalatedAt is null"
            + " and a.kind in ?1 and a.createdAt <= ?2 and not exists (from Alert c where c.responseId = a.responseId"
            + " and c.kind = ?3) order by a.createdAt, a.id";
    // LockOptions.SKIP_LOCKED as the JPA lock timeout: PostgreSQL's "skip locked"
    private static final int SKIP_LOCKED = -2;

    private final AlertsConfig config;
    private final SafeContext context;
    private final AlertBroadcast broadcast;

    public Escalations(AlertsConfig config, SafeContext context, AlertBroadcast broadcast) {
        this.config = config;
        this.context = context;
        this.broadcast = broadcast;
    }

    /** Escalates what is due at {@code now} (one batch); answers the escalation alerts raised. */
    public Uni<List<Alert>> escalateDue(OffsetDateTime now) {
        OffsetDateTime cutoff = now.minus(config.escalateAfter());
        return context.run(() -> Panache.withTransaction(() -> Alert.<Alert>find(DUE,
                                List.copyOf(config.escalatedKinds()), cutoff, AlertKind.RESPONSE_CLOSED)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                        .range(0, config.escalationBatch() - 1).list()
                        .chain(due -> {
                            List<Alert> escalations = new ArrayList<>();
                            for (Alert original : due) {
                                original.escalatedAt = now;
                                escalations.add(escalationOf(original, now));
                            }
                            return Alert.persist(escalations).replaceWith(escalations);
                        })))
                .invoke(broadcast::announce);
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
        alert.areaId = original.areaId;
        alert.areaName = original.areaName;
        alert.level = original.level;
        alert.message = AlertMessages.escalation(original, config.escalateAfter());
        alert.createdAt = now;
        alert.escalationOf = original.id;
        return alert;
    }
}
