package org.epicontrol.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of {@code burst} tokens refilled at a steady rate, kept as one number: the instant at which the
 * bucket will be full again (GCRA, the generic cell rate algorithm, which admits exactly what a token bucket admits).
 * Taking a token moves that instant one refill interval later, by compare-and-set: no lock and no timer, so it runs
 * on the event loop. Bucket4j, the library we would have used, is not served from our Maven repository; this is the
 * whole of what we need from it for one process.
 */
final class TokenBucket {
    private final RateLimitPolicy policy;
    /** {@link System#nanoTime()}-based instant at which all tokens are back; at or before now = full. */
    private final AtomicLong fullAt;

    TokenBucket(RateLimitPolicy policy, long now) {
        this.policy = policy;
        this.fullAt = new AtomicLong(now);
    }

    /** Takes a token: 0 when there was one, else the nanoseconds until there will be one (nothing taken). */
    long tryTake(long now) {
        while (true) {
            long full = fullAt.get();
            long from = full - now > 0 ? full : now; // nanoTime values are compared by difference only
            long next = from + policy.intervalNanos();
            long wait = next - now - policy.capacityNanos();
            if (wait > 0) {
                return wait;
            }
            if (fullAt.compareAndSet(full, next)) {
                return 0;
            }
        }
    }
}
