package org.epicontrol.notice.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.DomainException;
import org.epicontrol.common.idempotency.IdempotencyClaim;
import org.epicontrol.common.audit.AuditEvent;
import org.epicontrol.common.audit.AuditEventConnection;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes audit events inside the caller's transaction — a pool transaction or a Hibernate Reactive session, whichever
 * the change runs in — and pages through them newest first. Each append first claims the request's idempotency key in
 * that transaction (a no-op once claimed): no write commits without its key.
 */
@ApplicationScoped
public class AuditStore {

    private static final String KIND = "audit";

    private final Pool pool;

    public AuditStore(Pool pool) {
        this.pool = pool;
    }

    /** Within a transaction of the reactive pool ({@code pool.withTransaction}). */
    public Uni<Void> append(SqlClient tx, AuditEntry entry) {
        // text first, then jsonb: a String bound straight to jsonb would be stored as a JSON string
        String sql = "insert into audit_event (actor, actor_subject, action, target_type, target_id, details)"
                + " values ($1, $2, $3, $4, $5, $6::text::jsonb)";
        return IdempotencyClaim.claim(tx).chain(() -> tx.preparedQuery(sql)
                .execute(Tuple.from(Arrays.asList(entry.actor().username(), entry.actor().subject(),
                        entry.action().name(), entry.targetType(), entry.targetId(), entry.details().encode()))))
                .replaceWithVoid();
    }

    /** Within a Hibernate Reactive transaction ({@code Panache.withTransaction}). */
    public Uni<Void> append(Mutiny.Session session, AuditEntry entry) {
        String sql = "insert into audit_event (actor, actor_subject, action, target_type, target_id, details)"
                + " values (?1, ?2, ?3, ?4, ?5, cast(cast(?6 as text) as jsonb))";
        return claimIdempotencyKey(session).chain(() -> session.createNativeQuery(sql)
                .setParameter(1, entry.actor().username())
                .setParameter(2, entry.actor().subject())
                .setParameter(3, entry.action().name())
                .setParameter(4, entry.targetType())
                .setParameter(5, entry.targetId())
                .setParameter(6, entry.details().encode())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Claims the request's idempotency key, if any, in a Hibernate Reactive transaction (IdempotencyClaim); every
     * append does so, and a write may call it first thing, before it takes its locks.
     */
    public Uni<Void> claimIdempotencyKey(Mutiny.Session session) {
        return IdempotencyClaim.parameters().map(params -> {
            Mutiny.SelectionQuery<Object> query = session.createNativeQuery(IdempotencyClaim.SQL.replace('$', '?'));
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getSingleResult().invoke(outcome -> IdempotencyClaim.check(String.valueOf(outcome)))
                    .replaceWithVoid();
        }).orElseGet(() -> Uni.createFrom().voidItem());
    }

    public Uni<AuditEventConnection> page(AuditFilter filter, int first, String after) {
        String key = Cursor.decode(KIND, after);
        Long afterId;
        try {
            afterId = key == null ? null : Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new DomainException("INVALID_CURSOR", "cursor '" + after + "' is not a cursor of this listing");
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw new DomainException("INVALID_DATE_RANGE", "to (" + filter.to() + ") is before from (" + filter.from() + ")");
        }
        // ids follow the order of writing, so they page newest first without ties
        String sql = "select id, at, actor, action, target_type, target_id, details::text as details from audit_event"
                + " where ($1::text is null or target_type = $1)"
                + " and ($2::text is null or target_id = $2)"
                + " and ($3::text is null or actor = $3)"
                + " and ($4::timestamptz is null or at >= $4)"
                + " and ($5::timestamptz is null or at < $5)"
                + " and ($6::bigint is null or id < $6)"
                + " order by id desc limit $7";
        Tuple args = Tuple.from(Arrays.asList(filter.targetType(), filter.targetId(), filter.actor(), filter.from(),
                filter.to(), afterId, first + 1));
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<AuditEventConnection.Edge> edges = new ArrayList<>();
            for (Row row : rows) {
                edges.add(new AuditEventConnection.Edge(Cursor.encode(KIND, String.valueOf(row.getLong("id"))),
                        new AuditEvent(row.getOffsetDateTime("at"), row.getString("actor"), row.getString("action"),
                                row.getString("target_type"), row.getString("target_id"), row.getString("details"))));
            }
            return AuditEventConnection.page(edges, first);
        });
    }
}
