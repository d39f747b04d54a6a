package org.epicontrol.gateway.identity;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps each identity quarkus-oidc verified from a bearer token in the {@link VerifiedTokenCache}, after every other
 * augmentor (lowest priority), so the cached identity is the finished one. Changes nothing in the identity.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    private final TokenCacheHolder holder;

    public VerifiedTokenRecorder(TokenCacheHolder holder) {
        this.holder = holder;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        VerifiedTokenCache cache = holder.cache();
        if (cache != null && !identity.isAnonymous() && identity.getAttribute(CachedTokenIdentityProvider.FROM_CACHE)
                == null) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null) {
                cache.put(credential.getToken(), identity);
            }
        }
        return Uni.createFrom().item(identity);
    }
}
