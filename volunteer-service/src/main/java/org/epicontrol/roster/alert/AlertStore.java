package org.epicontrol.roster.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.roster.context.SafeContexts;
import jakarta.persistence.LockModeType;
import org.epicontrol.common.DomainException;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Alerts in the database, through Panache; every call on a safe Vert.x context whoever makes it. */
@ApplicationScoped
public class AlertStore {

    private final Vertx vertx;

    public AlertStore(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Stores the alerts of one (response, change) unless that change was alerted already: answers the ones stored,
     * empty for a repeat. Two concurrent calls for one change: the unique index lets one commit, the other's
     * violation means "already alerted" and stores nothing.
     */
    public Uni<List<Alert>> raiseOnce(long responseId, AlertKind kind, List<Alert> alerts) {
        return SafeContexts.current(vertx, () -> Panache.withTransaction(() -> Alert.count(
                        "responseId = ?1 and kind = ?2 and escalationOf is null", responseId, kind)
                .chain(existing -> existing > 0 ? Uni.createFrom().item(List.<Alert>of())
                        : Alert.persist(alerts).replaceWith(alerts)))
                .onFailure(AlertStore::uniqueViolation).recoverWithItem(List.of()));
    }

    /**
     * A page of the alerts addressed to the caller, newest first, after the alert {@code beforeId} (exclusive; null:
     * from the newest). Answers up to {@code size + 1} alerts, so the caller can tell whether there is more.
     */
    public Uni<List<Alert>> page(Addressees to, boolean unacknowledgedOnly, int size, Long beforeId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!to.systemAdmin()) {
            List<String> audiences = new ArrayList<>();
            for (Audience audience : Audience.values()) {
                if (!to.unitsOf(audience).isEmpty()) {
                    String name = "units" + audience.ordinal();
                    audiences.add("(audience = :" + name + "a and audienceUnitId in :" + name + ")");
                    params.put(name + "a", audience);
                    params.put(name, to.unitsOf(audience));
                }
            }
            if (audiences.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            where.add("(" + String.join(" or ", audiences) + ")");
        }
        if (unacknowledgedOnly) {
            where.add("acknowledgedAt is null");
        }
        if (beforeId != null) {
            where.add("id < :before");
            params.put("before", beforeId);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return SafeContexts.current(vertx, () -> Panache.withSession(() ->
                Alert.<Alert>find(query, Sort.descending("id"), params).range(0, size).list()));
    }

    /** One position per id; null where there is none. */
    public Uni<List<Alert>> byIds(List<Long> ids) {
        if (ids.stream().allMatch(id -> id == null)) {
            return Uni.createFrom().item(ids.stream().map(id -> (Alert) null).toList());
        }
        return SafeContexts.current(vertx, () -> Panache.withSession(() -> Alert.<Alert>list("id in ?1",
                        ids.stream().filter(id -> id != null).distinct().toList())))
                .map(found -> {
                    Map<Long, Alert> byId = new HashMap<>();
                    found.forEach(a -> byId.put(a.id, a));
                    return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
                });
    }

    /**
     * Acknowledges for {@code who}, on the alert's row locked: the first acknowledgement stands, a later one changes
     * nothing and answers who acknowledged and when. The caller must be in the alert's audience, checked on the
     * locked row inside this transaction; refused, nothing changes.
     */
    public Uni<Alert> acknowledge(long id, Addressees who, OffsetDateTime at) {
        return SafeContexts.current(vertx, () -> Panache.withTransaction(() ->
                Alert.<Alert>findById(id, LockModeType.PESSIMISTIC_WRITE).map(alert -> {
                    if (alert == null) {
                        throw DomainException.notFound("alert", id);
                    }
                    if (!who.include(alert)) {
                        throw DomainException.forbidden("acknowledgeAlert: alert " + id
                                + " is not addressed to you");
                    }
                    if (alert.acknowledgedAt == null) {
                        alert.acknowledgedAt = Alert.stamp(at);
                        alert.acknowledgedBy = who.scope().caller().username();
                        alert.acknowledgedBySubject = who.scope().caller().subject();
                    }
                    return alert;
                })));
    }

    /** PostgreSQL's unique_violation, however Hibernate Reactive wraps it (a JDBC-style SQLException inside). */
    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof PgException pg && "23505".equals(pg.getSqlState())
                    || e instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
