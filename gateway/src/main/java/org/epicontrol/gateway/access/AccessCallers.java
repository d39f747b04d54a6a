package org.epicontrol.gateway.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of an HTTP request, from the identity quarkus-oidc verified before any route ran. */
public final class AccessCallers {
    private AccessCallers() {
    }

    public static Caller of(RoutingContext ctx) {
        if (!(ctx.user() instanceof QuarkusHttpUser user)) {
            return Caller.ANONYMOUS;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object scope = jwt.getClaim("scope");
            return Caller.withToken(jwt.getRawToken(), Caller.scopesOf(scope == null ? null : scope.toString()),
                    jwt.getExpirationTime());
        }
        return Caller.signedIn(true);
    }
}
