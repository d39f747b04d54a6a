package org.epicontrol.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The provider and the recorder around one cache: what quarkus-oidc verified once is answered on the next request. */
class CachedTokenIdentityProviderTest {
    private final VerifiedTokenCache cache = new VerifiedTokenCache(Duration.ofSeconds(60), 100,
            Ticker.systemTicker());
    private final TokenCacheHolder holder = new TokenCacheHolder(cache);
    private final CachedTokenIdentityProvider provider = new CachedTokenIdentityProvider(holder);
    private final VerifiedTokenRecorder recorder = new VerifiedTokenRecorder(holder);

    private static SecurityIdentity verified(String token) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("chief");
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 300));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addCredential(new AccessTokenCredential(token)).addRoles(Set.of("notice-publisher"))
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, request("the first request")).build();
    }

    /** A stand-in for the request's routing context: only its identity matters here. */
    private static RoutingContext request(String name) {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private SecurityIdentity authenticate(String token, RoutingContext routingContext) {
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        request.setAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routingContext);
        return provider.authenticate(request, null).await().indefinitely();
    }

    @Test
    void anUnknownTokenIsLeftToQuarkusOidc() {
        assertNull(authenticate("never-seen", request("a request")));
    }

    @Test
    void aTokenVerifiedOnceIsAnsweredWithItsIdentityBoundToTheNextRequest() {
        recorder.augment(verified("token-a"), null).await().indefinitely();

        RoutingContext nextRequest = request("the next request");
        SecurityIdentity next = authenticate("token-a", nextRequest);

        assertNotNull(next);
        assertEquals("chief", next.getPrincipal().getName());
        assertEquals(Set.of("notice-publisher"), next.getRoles());
        assertSame(nextRequest, next.getAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE));
        assertNull(authenticate("token-b", request("another request")), "another token is verified by quarkus-oidc");
    }

    @Test
    void anIdentityAnsweredFromTheCacheIsNotKeptAgain() {
        recorder.augment(verified("token-a"), null).await().indefinitely();
        SecurityIdentity cached = cache.get("token-a");

        recorder.augment(authenticate("token-a", request("the next request")), null).await().indefinitely();

        assertSame(cached, cache.get("token-a"), "the entry (and its lifetime) is the first verification's");
    }

    @Test
    void withTheCacheOffNothingIsKeptOrAnswered() {
        TokenCacheHolder off = new TokenCacheHolder((VerifiedTokenCache) null);
        new VerifiedTokenRecorder(off).augment(verified("token-a"), null).await().indefinitely();

        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new AccessTokenCredential("token-a"));
        assertNull(new CachedTokenIdentityProvider(off).authenticate(request, null).await().indefinitely());
    }
}
