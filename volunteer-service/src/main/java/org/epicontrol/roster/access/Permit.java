package org.epicontrol.roster.access;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.idempotency.IdempotencyClaim;
import org.epicontrol.roster.audit.Actor;
import org.epicontrol.roster.persistence.SessionSql;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A write the caller's role allows, with every object its arguments name and the rule each must pass. Where those
 * objects sit is only looked at inside the write's own transaction ({@link #transaction}), on its connection, with
 * the objects' rows locked: a check and the write it guards see the same rows, and no write runs unchecked. The
 * request's idempotency key, if any, is claimed first in that transaction (IdempotencyClaim).
 */
public final class Permit {

    /** One named object of the write and the rule of {@link RosterAccess} it must pass. */
    record Claim(Target target, long id, Rule rule) {
    }

    private final String operation;
    private final Scope scope;
    private final Targets targets;
    private final List<Claim> claims;

    Permit(String operation, Scope scope, Targets targets, List<Claim> claims) {
        this.operation = operation;
        this.scope = scope;
        this.targets = targets;
        this.claims = List.copyOf(claims);
    }

    public Scope scope() {
        return scope;
    }

    /** The same write, naming one more object that must pass {@code rule}. */
    public Permit and(Target target, long id, Rule rule) {
        List<Claim> more = new ArrayList<>(claims);
        more.add(new Claim(target, id, rule));
        return new Permit(operation, scope, targets, more);
    }

    /**
     * Runs {@code write} in a transaction whose first statements check every named object: a refusal rolls back
     * before anything is written. {@code write} gets the transaction and the actor for the audit trail.
     */
    public <T> Uni<T> transaction(Pool pool, BiFunction<SqlConnection, Actor, Uni<T>> write) {
        return pool.withTransaction(tx -> IdempotencyClaim.claim(tx)
                .chain(() -> confirm(tx)).chain(actor -> write.apply(tx, actor)));
    }

    /**
     * The same for a write through Hibernate Reactive (a Panache aggregate): in a Panache transaction whose first
     * statements, on the session's own connection, check every named object. {@code write} gets the session, its
     * connection for SQL in the same transaction (the audit trail) and the actor.
     */
    public <T> Uni<T> sessionTransaction(SessionWrite<T> write) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            SessionSql sql = SessionSql.of(session);
            return sql.claimIdempotencyKey().chain(() -> confirm((target, id) -> targets.findLocked(sql, target, id))
                    .chain(actor -> write.apply(session, sql, actor)));
        }));
    }

    /** A write through Hibernate Reactive, run by {@link #sessionTransaction}. */
    @FunctionalInterface
    public interface SessionWrite<T> {
        Uni<T> apply(Mutiny.Session session, SessionSql sql, Actor actor);
    }

    /**
     * Checks every named object on the write's connection, first thing in its transaction; fails with FORBIDDEN
     * before anything is written. Objects that do not exist pass: the write itself then answers NOT_FOUND. The
     * actor it answers carries the first object's organisation path, so that the object's staff read the event.
     */
    Uni<Actor> confirm(SqlClient tx) {
        return confirm((target, id) -> targets.findLocked(tx, target, id));
    }

    private Uni<Actor> confirm(BiFunction<Target, Long, Uni<Targets.Placed>> findLocked) {
        if (claims.isEmpty()) {
            return Uni.createFrom().item(actor(List.of()));
        }
        // a system administrator passes every rule: only the first object is looked up, for the event's path
        List<Claim> looked = scope.systemAdmin() ? claims.subList(0, 1) : claims;
        // sent together: the connection pipelines them, one round trip however many objects the write names
        List<Uni<Optional<Targets.Placed>>> lookups = looked.stream()
                .map(c -> findLocked.apply(c.target(), c.id()).map(Optional::ofNullable)).toList();
        return Uni.join().all(lookups).andFailFast().map(found -> {
            for (int i = 0; i < looked.size(); i++) {
                Claim claim = looked.get(i);
                Targets.Placed placed = found.get(i).orElse(null);
                if (placed != null && !scope.systemAdmin() && !claim.rule().allows(scope, placed)) {
                    throw DomainException.forbidden(operation + ": " + claim.target().noun() + " " + claim.id()
                            + " is outside the communities and districts you are responsible for");
                }
            }
            return actor(found.get(0).map(Targets.Placed::path).orElse(List.of()));
        });
    }

    /** For writes that name no object of a community (the organisation tree itself). */
    public Actor actor() {
        return actor(List.of());
    }

    private Actor actor(List<Long> path) {
        return new Actor(scope.caller().username(), scope.caller().subject(), path);
    }
}
