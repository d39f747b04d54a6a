package org.epicontrol.common.idempotency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.epicontrol.common.DomainException;

import java.util.Optional;

/**
 * Records the current request's idempotency key in the transaction of its write: a write commits with its key or
 * not at all, so no crash leaves a done write without its key, nor a key without its write. The services call it
 * first thing in a write's transaction and again where the write records its audit event (every write does); within
 * one request, claiming again is a no-op. Another request holding the key makes the write fail, rolled back:
 * IDEMPOTENCY_KEY_IN_PROGRESS (the same request, still running or just done: retry and get its answer) or
 * IDEMPOTENCY_KEY_REUSED (a different request under the same key).
 */
public final class IdempotencyClaim {

    /**
     * Inserts the key, or takes over an expired one; answers CLAIMED, or why not. A row another transaction inserts
     * meanwhile is waited for (the unique key) and, once committed, is not in this statement's snapshot: then the
     * outer select finds nothing and answers IN_PROGRESS.
     */
    public static final String SQL = """
            with claimed as (
              insert into idempotency_key (subject, key, request_hash, request_id, expires_at)
              values ($1, $2, $3, $4, now() + cast($5 as bigint) * interval '1 second')
              on conflict (subject, key) do update set request_hash = excluded.request_hash,
                request_id = excluded.request_id, created_at = now(), expires_at = excluded.expires_at,
                answer = null, answered_at = null
              where idempotency_key.expires_at < now()
              returning 1)
            select case when exists (select 1 from claimed) then 'CLAIMED'
                        when k.request_id is null then 'IN_PROGRESS'
                        when k.request_id = $4 then 'CLAIMED'
                        when k.request_hash = $3 then 'IN_PROGRESS'
                        else 'REUSED' end as outcome
            from (select 1) as one
            left join idempotency_key k on k.subject = $1 and k.key = $2""";

    private IdempotencyClaim() {
    }

    /** The claim's parameters for the current request, in the order of {@link #SQL}; empty without a key. */
    public static Optional<Object[]> parameters() {
        return IdempotentRequest.current().map(r -> new Object[] {r.subject(), r.key(), r.requestHash(),
                r.requestId(), r.ttlSeconds()});
    }

    /** Claims the current request's key, if any, on the write's transaction. */
    public static Uni<Void> claim(SqlClient tx) {
        Optional<Object[]> parameters = parameters();
        if (parameters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(SQL).execute(Tuple.from(parameters.get()))
                .invoke(rows -> check(rows.iterator().next().getString("outcome")))
                .replaceWithVoid();
    }

    /** Fails the write unless the claim's outcome is CLAIMED. */
    public static void check(String outcome) {
        String key = IdempotentRequest.current().map(IdempotentRequest::key).orElse("");
        switch (outcome) {
            case "CLAIMED" -> {
            }
            case "IN_PROGRESS" -> throw inProgress(key);
            case "REUSED" -> throw reused(key);
            default -> throw new IllegalStateException("unknown claim outcome " + outcome);
        }
    }

    static DomainException inProgress(String key) {
        return new DomainException("IDEMPOTENCY_KEY_IN_PROGRESS", "a request with idempotency key '" + key
                + "' is still running or has just finished: retry it shortly to get its answer");
    }

    static DomainException reused(String key) {
        return new DomainException("IDEMPOTENCY_KEY_REUSED", "idempotency key '" + key
                + "' was used for a different request (another operation or other variables)");
    }
}
