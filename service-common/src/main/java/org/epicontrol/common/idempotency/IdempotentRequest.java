package org.epicontrol.common.idempotency;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.Optional;

/**
 * The key of the mutation request being served, as {@link IdempotencyRoute} admitted it: whose it is (the token's
 * subject), the key, the hash of the request's body, an id of this very request (a row claimed by it is its own) and
 * how long the key lives. Carried in the request's Vert.x context, which the resolvers' reactive chains and their
 * transactions run on; a write outside any request (a feed consumer, a timer) finds none.
 */
public record IdempotentRequest(String subject, String key, String requestHash, String requestId, long ttlSeconds) {

    private static final String LOCAL = IdempotentRequest.class.getName();

    /** The request's key, if it has one and this runs on its context. */
    public static Optional<IdempotentRequest> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return ContextLocals.<IdempotentRequest>get(LOCAL);
    }

    /** Attaches the key to the current request's context (called on that context). */
    void attach() {
        ContextLocals.put(LOCAL, this);
    }
}
