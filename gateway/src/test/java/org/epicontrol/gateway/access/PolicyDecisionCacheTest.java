package org.epicontrol.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Decisions per token on a test clock: kept for the TTL, never beyond the token's expiry; unavailable never kept. */
class PolicyDecisionCacheTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;

    private long nowEpochSecond() {
        return System.currentTimeMillis() / 1000;
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aDecisionIsKeptForTheTtlPerTokenAndPolicy() {
        PolicyDecisionCache cache = new PolicyDecisionCache(Duration.ofSeconds(60), 100, ticker);
        String token = PolicyDecisionCache.hash("token-a");
        cache.put(token, nowEpochSecond() + 3600, Map.of("notice:import", PolicyDecision.GRANTED,
                "notice:publish", PolicyDecision.DENIED));
        assertEquals(PolicyDecision.GRANTED, cache.get(token, "notice:import"));
        assertEquals(PolicyDecision.DENIED, cache.get(token, "notice:publish"));
        assertNull(cache.get(PolicyDecisionCache.hash("token-b"), "notice:import"), "another token asks again");
        advance(Duration.ofSeconds(59));
        assertEquals(PolicyDecision.GRANTED, cache.get(token, "notice:import"));
        advance(Duration.ofSeconds(2));
        assertNull(cache.get(token, "notice:import"), "after the TTL Keycloak is asked again");
    }

    @Test
    void aDecisionEndsWithItsToken() {
        PolicyDecisionCache cache = new PolicyDecisionCache(Duration.ofSeconds(600), 100, ticker);
        String token = PolicyDecisionCache.hash("token-c");
        cache.put(token, nowEpochSecond() + 30, Map.of("notice:import", PolicyDecision.GRANTED));
        assertEquals(PolicyDecision.GRANTED, cache.get(token, "notice:import"));
        advance(Duration.ofSeconds(31));
        assertNull(cache.get(token, "notice:import"));
    }

    @Test
    void unavailableAnswersAreNotKept() {
        PolicyDecisionCache cache = new PolicyDecisionCache(Duration.ofSeconds(60), 100, ticker);
        String token = PolicyDecisionCache.hash("token-d");
        cache.put(token, 0, Map.of("notice:import", PolicyDecision.UNAVAILABLE));
        assertNull(cache.get(token, "notice:import"));
    }
}
