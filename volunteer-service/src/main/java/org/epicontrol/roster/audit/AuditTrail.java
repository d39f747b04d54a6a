package org.epicontrol.roster.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.epicontrol.common.Cursor;
import org.epicontrol.common.idempotency.IdempotencyClaim;
import org.epicontrol.roster.persistence.SessionSql;

import org.epicontrol.common.audit.AuditEvent;
import org.epicontrol.common.audit.AuditEventConnection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: every write of this service records an event through the transaction of the write itself, so
 * that a rolled-back change leaves no event and a committed one always has its event. It also claims the request's
 * idempotency key there (a no-op if the write claimed it already): no write commits without its key.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String CURSOR = "audit";

    private final Pool pool;

    public AuditTrail(Pool pool) {
        this.pool = pool;
    }

    /** What to list: all fields optional; {@code withinUnits} null means everything, else events under those units. */
    public record Filter(String targetType, String targetId, String actor, OffsetDateTime from, OffsetDateTime to,
                         List<Long> withinUnits) {
    }

    private static final String INSERT = "insert into audit_event (actor, actor_subject, action, target_type,"
            + " target_id, details, org_path) values ($1, $2, $3, $4, $5, $6, $7)";

    public Uni<Void> record(SqlClient tx, Actor actor, String action, String targetType, Object targetId,
                            Map<String, Object> details) {
        return IdempotencyClaim.claim(tx).chain(() -> tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(
                values(actor, action, targetType, targetId, details))))).replaceWithVoid();
    }

    /** The same in a Hibernate Reactive (Panache) write's transaction, on its session's connection. */
    public Uni<Void> record(SessionSql session, Actor actor, String action, String targetType, Object targetId,
                            Map<String, Object> details) {
        return session.claimIdempotencyKey()
                .chain(() -> session.update(INSERT, values(actor, action, targetType, targetId, details)))
                .replaceWithVoid();
    }

    private static Object[] values(Actor actor, String action, String targetType, Object targetId,
                                   Map<String, Object> details) {
        return new Object[] {actor.username(), actor.subject(), action, targetType,
                targetId == null ? null : String.valueOf(targetId), new JsonObject(details == null ? Map.of() : details),
                actor.orgPath().toArray(Long[]::new)};
    }

    /** Newest first. */
    public Uni<AuditEventConnection> list(Filter filter, int first, String after) {
        long before = beforeId(after);
        String sql = """
                select id, at, actor, action, target_type, target_id, details::text as details from audit_event
                where ($1::text is null or target_type = $1) and ($2::text is null or target_id = $2)
                  and ($3::text is null or actor = $3) and ($4::timestamptz is null or at >= $4)
                  and ($5::timestamptz is null or at < $5) and ($6::bigint[] is null or org_path && $6)
                  and id < $7
                order by id desc limit $8""";
        return pool.preparedQuery(sql)
                .execute(Tuple.from(Arrays.asList(filter.targetType(), filter.targetId(), filter.actor(), filter.from(),
                        filter.to(), filter.withinUnits() == null ? null : filter.withinUnits().toArray(Long[]::new),
                        before, first + 1)))
                .map(rows -> {
                    List<AuditEventConnection.Edge> edges = new ArrayList<>();
                    for (Row row : rows) {
                        AuditEvent event = new AuditEvent(row.getOffsetDateTime("at"), row.getString("actor"),
                                row.getString("action"), row.getString("target_type"), row.getString("target_id"),
                                row.getString("details"));
                        edges.add(new AuditEventConnection.Edge(Cursor.encode(CURSOR, String.valueOf(row.getLong("id"))),
                                event));
                    }
                    return AuditEventConnection.page(edges, first);
                });
    }

    private static long beforeId(String after) {
        Long id = Cursor.decodeId(CURSOR, after);
        return id == null ? Long.MAX_VALUE : id;
    }
}
