package org.epicontrol.gateway.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token from the {@link VerifiedTokenCache} before quarkus-oidc's own provider verifies it: asked
 * first (higher priority), it returns the identity verified earlier for exactly this token, bound to the current
 * request, or nothing, and quarkus-oidc verifies as always. {@link VerifiedTokenRecorder} fills the cache.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** Marks an identity answered from the cache (the recorder does not keep it again). */
    static final String FROM_CACHE = "org.epicontrol.gateway.identity.cached";

    private final TokenCacheHolder holder;

    public CachedTokenIdentityProvider(TokenCacheHolder holder) {
        this.holder = holder;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before quarkus-oidc's provider (whose priority is the default). */
    @Override
    public int priority() {
        return 2_000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        VerifiedTokenCache cache = holder.cache();
        SecurityIdentity known = cache == null || request.getToken() == null ? null
                : cache.get(request.getToken().getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(known).addAttribute(FROM_CACHE,
                Boolean.TRUE);
        // The identity belongs to this request, not to the one it was verified in.
        RoutingContext current = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (current != null) {
            builder.addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, current);
        }
        return Uni.createFrom().item(builder.build());
    }
}
