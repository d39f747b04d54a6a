package org.epicontrol.gateway.identity;

import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * A Caffeine expiry for what was learnt from a bearer token (its verified identity, a policy decision about it):
 * an entry lives until the token's {@code exp} or for the time to live, whichever comes first; an unknown expiry
 * (0) means the TTL. Reading an entry does not prolong it.
 *
 * @param <K> the cache's key
 * @param <V> the cached value, which tells its token's expiry (epoch seconds)
 */
public final class UntilTokenExpiry<K, V> implements Expiry<K, V> {
    private final ToLongFunction<V> expiresAtEpochSecond;
    private final long ttlNanos;
    private final long epochOffsetNanos;
    private final Ticker ticker;

    public UntilTokenExpiry(Duration ttl, Ticker ticker, ToLongFunction<V> expiresAtEpochSecond) {
        this.expiresAtEpochSecond = expiresAtEpochSecond;
        this.ttlNanos = ttl.toNanos();
        this.ticker = ticker;
        this.epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - ticker.read();
    }

    /** Now, in epoch seconds, by the cache's ticker. */
    public long nowEpochSecond() {
        return (epochOffsetNanos + ticker.read()) / 1_000_000_000L;
    }

    @Override
    public long expireAfterCreate(K key, V value, long currentTime) {
        return lifetime(value, currentTime);
    }

    @Override
    public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return lifetime(value, currentTime);
    }

    @Override
    public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
    }

    private long lifetime(V value, long nowNanos) {
        long expiresAt = expiresAtEpochSecond.applyAsLong(value);
        if (expiresAt <= 0) {
            return ttlNanos;
        }
        long untilExpiry = expiresAt * 1_000_000_000L - (epochOffsetNanos + nowNanos);
        return Math.max(0, Math.min(ttlNanos, untilExpiry));
    }
}
