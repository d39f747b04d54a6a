package org.epicontrol.common.idempotency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The service's idempotency_key table outside a write's transaction: what a key holds, the answer recorded once the
 * write's response is known, and the cleanup of expired keys. The claim itself is {@link IdempotencyClaim}, inside
 * the write's transaction.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** A committed key: the hash of its request, its answer (null until recorded) and when it was claimed. */
    public record Stored(String requestHash, String answer, OffsetDateTime createdAt) {
    }

    private final Pool pool;

    public IdempotencyKeys(Pool pool) {
        this.pool = pool;
    }

    /** The caller's unexpired key, if a committed write holds it. */
    public Uni<Optional<Stored>> find(String subject, String key) {
        return pool.preparedQuery("select request_hash, answer, created_at from idempotency_key"
                        + " where subject = $1 and key = $2 and expires_at >= now()")
                .execute(Tuple.of(subject, key))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Stored(row.getString("request_hash"), row.getString("answer"),
                            row.getOffsetDateTime("created_at")));
                });
    }

    /** Records the answer of the request that claimed the key; nothing if that request wrote nothing. */
    public Uni<Boolean> recordAnswer(IdempotentRequest request, String answer) {
        return pool.preparedQuery("update idempotency_key set answer = $4, answered_at = now()"
                        + " where subject = $1 and key = $2 and request_id = $3 and answer is null")
                .execute(Tuple.of(request.subject(), request.key(), request.requestId(), answer))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Deletes up to {@code batch} expired keys; answers how many. */
    public Uni<Integer> deleteExpired(int batch) {
        return pool.preparedQuery("delete from idempotency_key where ctid in (select ctid from idempotency_key"
                        + " where expires_at < now() limit $1)")
                .execute(Tuple.of(batch))
                .map(rows -> rows.rowCount());
    }
}
