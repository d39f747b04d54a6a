package org.epicontrol.gateway.subscribe;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies a token sent in {@code connection_init}'s payload as quarkus-oidc verifies bearer tokens on HTTP requests
 * (signature against the realm's keys, expiry, issuer, audience). With OIDC off ({@code quarkus.oidc.tenant-enabled
 * =false}) the gateway verifies no token on any transport: the caller is anonymous and the token is forwarded.
 */
@ApplicationScoped
public class TokenVerifier {
    private final Instance<TenantIdentityProvider> provider;
    private final boolean enabled;

    public TokenVerifier(Instance<TenantIdentityProvider> provider,
                         @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean enabled) {
        this.provider = provider;
        this.enabled = enabled;
    }

    /** The caller the token names, or a failed future when the token is refused. */
    Future<Caller> verify(String token) {
        if (!enabled) {
            return Future.succeededFuture(new Caller(null, null, token, org.epicontrol.gateway.access.Caller.ANONYMOUS));
        }
        Promise<Caller> promise = Promise.promise();
        provider.get().authenticate(new AccessTokenCredential(token)).subscribe().with(
                identity -> promise.tryComplete(Caller.of(identity, token)),
                promise::tryFail);
        return promise.future();
    }
}
