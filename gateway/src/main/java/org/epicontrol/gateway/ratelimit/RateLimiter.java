package org.epicontrol.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, with separate limits for anonymous callers (by address) and signed-in ones (by token
 * subject). Memory is bounded: at most {@code maxClients} buckets per kind, and a bucket unused for as long as it takes
 * to fill up is dropped, which loses nothing since a full bucket is what a new client gets.
 */
public final class RateLimiter {
    private final Kind anonymous;
    private final Kind signedIn;
    private final LongSupplier clock;

    public RateLimiter(double anonymousPerSecond, int anonymousBurst, double signedInPerSecond, int signedInBurst,
                       int maxClients) {
        this(anonymousPerSecond, anonymousBurst, signedInPerSecond, signedInBurst, maxClients, System::nanoTime);
    }

    RateLimiter(double anonymousPerSecond, int anonymousBurst, double signedInPerSecond, int signedInBurst,
                int maxClients, LongSupplier clock) {
        this.clock = clock;
        this.anonymous = new Kind(RateLimitPolicy.of(anonymousPerSecond, anonymousBurst), maxClients, clock);
        this.signedIn = new Kind(RateLimitPolicy.of(signedInPerSecond, signedInBurst), maxClients, clock);
    }

    /** Counts a request of {@code client}: 0 when it may go on, else the nanoseconds until it may try again. */
    public long tryAcquire(ClientKey client) {
        Kind kind = client.signedIn() ? signedIn : anonymous;
        long now = clock.getAsLong();
        return kind.buckets.get(client.id(), id -> new TokenBucket(kind.policy, now)).tryTake(now);
    }

    /** Buckets held now, both kinds (after dropping the expired ones). */
    long trackedClients() {
        anonymous.buckets.cleanUp();
        signedIn.buckets.cleanUp();
        return anonymous.buckets.estimatedSize() + signedIn.buckets.estimatedSize();
    }

    private static final class Kind {
        final RateLimitPolicy policy;
        final Cache<String, TokenBucket> buckets;

        Kind(RateLimitPolicy policy, int maxClients, LongSupplier clock) {
            this.policy = policy;
            Ticker ticker = clock::getAsLong;
            // executor Runnable::run: expired entries are cleaned up on the caller's thread, no pool involved.
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxClients)
                    .expireAfterAccess(policy.refillTime().toNanos(), TimeUnit.NANOSECONDS)
                    .ticker(ticker)
                    .executor(Runnable::run)
                    .build();
        }
    }
}
