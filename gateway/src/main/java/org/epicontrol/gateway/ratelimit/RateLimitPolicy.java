package org.epicontrol.gateway.ratelimit;

import java.time.Duration;

/** One kind of caller's limit, in the units {@link TokenBucket} counts: nanoseconds per token and per full bucket. */
record RateLimitPolicy(long intervalNanos, long capacityNanos) {

    static RateLimitPolicy of(double requestsPerSecond, int burst) {
        if (!(requestsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs requests-per-second > 0 and burst >= 1, not "
                    + requestsPerSecond + " and " + burst);
        }
        long interval = Math.max(1, Math.round(1_000_000_000d / requestsPerSecond));
        return new RateLimitPolicy(interval, Math.multiplyExact(interval, (long) burst));
    }

    /** How long a bucket left alone takes to be full again: after that it is as good as a new one. */
    Duration refillTime() {
        return Duration.ofNanos(capacityNanos);
    }
}
