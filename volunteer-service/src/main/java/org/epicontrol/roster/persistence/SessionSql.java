package org.epicontrol.roster.persistence;

import io.smallrye.mutiny.Uni;
import org.epicontrol.common.idempotency.IdempotencyClaim;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL on the connection of a Hibernate Reactive session, inside its transaction: a Panache write and the checks and
 * audit events that must commit or roll back with it (the access check of {@code Permit}, the audit trail) share one
 * transaction. Statements are the reactive client's ($1, $2 … parameters), sent as they are.
 */
public final class SessionSql {

    private final ReactiveConnection connection;

    private SessionSql(ReactiveConnection connection) {
        this.connection = connection;
    }

    /**
     * The session's own connection. Mutiny.Session does not offer it, its implementation does (the same call Hibernate
     * Reactive's ReactiveConnectionSupplier makes); anything else is refused at once rather than run elsewhere.
     */
    public static SessionSql of(Mutiny.Session session) {
        if (!(session instanceof MutinySessionImpl impl)) {
            throw new IllegalStateException("not a Hibernate Reactive Mutiny session: " + session.getClass());
        }
        return new SessionSql(impl.getReactiveConnection());
    }

    /** Each row as its columns in select order. */
    public Uni<List<Object[]>> select(String sql, Object... params) {
        return Uni.createFrom().completionStage(() -> connection.select(sql, params)).map(result -> {
            List<Object[]> rows = new ArrayList<>(result.size());
            result.forEachRemaining(rows::add);
            return rows;
        });
    }

    /** Claims the request's idempotency key, if any, in the session's transaction (IdempotencyClaim). */
    public Uni<Void> claimIdempotencyKey() {
        return IdempotencyClaim.parameters()
                .map(params -> select(IdempotencyClaim.SQL, params)
                        .invoke(rows -> IdempotencyClaim.check((String) rows.get(0)[0])).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    /** Rows changed. */
    public Uni<Integer> update(String sql, Object... params) {
        return Uni.createFrom().completionStage(() -> connection.update(sql, params));
    }
}
