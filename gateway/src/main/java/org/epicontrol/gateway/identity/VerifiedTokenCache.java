package org.epicontrol.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Identities of bearer tokens quarkus-oidc has verified, by the token's exact text, so that a caller's next requests
 * with the same token skip the JSON and signature work of verifying it again (on the deep benchmark query that work
 * was a fifth of the gateway's CPU). An entry lives until the token expires or for the time to live, whichever comes
 * first: a key removed from the realm stops being trusted for tokens already seen after at most the TTL, as with
 * the realm keys quarkus-oidc itself caches. Tokens without an expiry are not kept. Bounded in size.
 */
public final class VerifiedTokenCache {
    private record Entry(SecurityIdentity identity, long expiresAtEpochSecond) {
    }

    private final Cache<String, Entry> cache;
    private final UntilTokenExpiry<String, Entry> expiry;

    public VerifiedTokenCache(Duration ttl, long maxEntries, Ticker ticker) {
        this.expiry = new UntilTokenExpiry<>(ttl, ticker, Entry::expiresAtEpochSecond);
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).ticker(ticker).expireAfter(expiry).build();
    }

    /** The identity verified for exactly this token, or null (never seen, expired, evicted). */
    public SecurityIdentity get(String token) {
        Entry e = cache.getIfPresent(token);
        if (e == null) {
            return null;
        }
        // Caffeine expires lazily within its own clock; the token's expiry is checked again here so that an
        // expired token is never answered, whatever the cache's timing.
        if (expiry.nowEpochSecond() >= e.expiresAtEpochSecond()) {
            cache.invalidate(token);
            return null;
        }
        return e.identity();
    }

    /** Keeps a verified identity whose principal is a JWT with an expiry; anything else is not kept. */
    public void put(String token, SecurityIdentity identity) {
        if (token == null || identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0
                || jwt.getExpirationTime() <= expiry.nowEpochSecond()) {
            return;
        }
        cache.put(token, new Entry(identity, jwt.getExpirationTime()));
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
