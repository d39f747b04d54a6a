package org.epicontrol.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofSeconds(60), 100, ticker);

    private long nowEpochSecond() {
        return System.currentTimeMillis() / 1000;
    }

    private static SecurityIdentity identity(String subject, long expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        if (expiresAt > 0) {
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).build();
    }

    @Test
    void aVerifiedTokenIsAnsweredForExactlyThatToken() {
        SecurityIdentity chief = identity("chief", nowEpochSecond() + 300);
        cache.put("token-a", chief);

        assertSame(chief, cache.get("token-a"));
        assertNull(cache.get("token-a "), "another text is another token");
        assertNull(cache.get("token-b"));
    }

    @Test
    void anEntryEndsWithItsTimeToLive() {
        cache.put("token-a", identity("chief", nowEpochSecond() + 3_600));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals("chief", cache.get("token-a").getPrincipal().getName());

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertNull(cache.get("token-a"), "kept at most the TTL even though the token is still valid");
    }

    @Test
    void anEntryEndsWhenItsTokenExpiresBeforeTheTimeToLive() {
        cache.put("token-a", identity("chief", nowEpochSecond() + 10));
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());

        assertNull(cache.get("token-a"));
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredOrAnonymousAreNotKept() {
        cache.put("no-exp", identity("chief", 0));
        cache.put("expired", identity("chief", nowEpochSecond() - 1));
        cache.put("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertNull(cache.get("no-exp"));
        assertNull(cache.get("expired"));
        assertNull(cache.get("anonymous"));
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokenCache small = new VerifiedTokenCache(Duration.ofSeconds(60), 10, ticker);
        for (int i = 0; i < 100; i++) {
            small.put("token-" + i, identity("u" + i, nowEpochSecond() + 300));
        }

        assertEquals(10, small.size(), 2);
    }
}
