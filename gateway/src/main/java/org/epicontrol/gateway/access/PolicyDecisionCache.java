package org.epicontrol.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.epicontrol.gateway.identity.UntilTokenExpiry;
import org.epicontrol.gateway.trust.Sha256;

/**
 * Keycloak's decisions per token and policy, so a caller's next requests ask nobody. The key is the token's SHA-256
 * (the token itself is not kept), each entry lives until the token expires or for the configured time to live,
 * whichever comes first (a policy changed in Keycloak reaches a token that was already decided after at most the
 * TTL; a new token is asked at once). Unavailable answers are not kept. Bounded in size.
 */
final class PolicyDecisionCache {
    private record Key(String tokenHash, String policy) {
    }

    private record Entry(PolicyDecision decision, long expiresAtEpochSecond) {
    }

    private final Cache<Key, Entry> cache;

    PolicyDecisionCache(Duration ttl, long maxEntries, Ticker ticker) {
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).ticker(ticker)
                .expireAfter(new UntilTokenExpiry<Key, Entry>(ttl, ticker, Entry::expiresAtEpochSecond)).build();
    }

    /** The token's hash: what the cache keys by. */
    static String hash(String token) {
        return Sha256.hex(token);
    }

    PolicyDecision get(String tokenHash, String policy) {
        Entry e = cache.getIfPresent(new Key(tokenHash, policy));
        return e == null ? null : e.decision();
    }

    /** Keeps GRANTED and DENIED answers for a token expiring at {@code expiresAt} (epoch seconds; 0 = unknown). */
    void put(String tokenHash, long expiresAt, Map<String, PolicyDecision> decisions) {
        decisions.forEach((policy, d) -> {
            if (d != PolicyDecision.UNAVAILABLE) {
                cache.put(new Key(tokenHash, policy), new Entry(d, expiresAt));
            }
        });
    }

    Map<String, PolicyDecision> getAll(String tokenHash, Set<String> policies) {
        Map<String, PolicyDecision> out = new HashMap<>();
        for (String p : policies) {
            PolicyDecision d = get(tokenHash, p);
            if (d != null) {
                out.put(p, d);
            }
        }
        return out;
    }
}
