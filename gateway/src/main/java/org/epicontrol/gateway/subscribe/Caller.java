package org.epicontrol.gateway.subscribe;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import java.security.Principal;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who holds a subscription connection: the verified token's subject and expiry (the connection is closed when it
 * passes), or an anonymous caller (no subject, no expiry).
 *
 * @param bearerToken the raw token, forwarded to subgraphs; may be set (unverified) when OIDC is off
 * @param access      the caller as the access directives see it (scopes, token for policy decisions)
 */
record Caller(String subject, Instant expiresAt, String bearerToken,
              org.epicontrol.gateway.access.Caller access) {
    static final Caller ANONYMOUS = new Caller(null, null, null, org.epicontrol.gateway.access.Caller.ANONYMOUS);

    boolean signedIn() {
        return subject != null;
    }

    /** The caller of an HTTP request (the WebSocket upgrade, a streaming POST), as quarkus-oidc verified it. */
    static Caller of(RoutingContext ctx, String bearerToken) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return of(identity, bearerToken);
    }

    static Caller of(SecurityIdentity identity, String bearerToken) {
        if (identity == null || identity.isAnonymous()) {
            return new Caller(null, null, bearerToken, org.epicontrol.gateway.access.Caller.ANONYMOUS);
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            long exp = jwt.getExpirationTime();
            Object scope = jwt.getClaim("scope");
            return new Caller(jwt.getSubject() != null ? jwt.getSubject() : jwt.getName(),
                    exp > 0 ? Instant.ofEpochSecond(exp) : null, bearerToken,
                    org.epicontrol.gateway.access.Caller.withToken(jwt.getRawToken(),
                            org.epicontrol.gateway.access.Caller.scopesOf(scope == null ? null : scope.toString()),
                            exp));
        }
        return new Caller(principal.getName(), null, bearerToken,
                org.epicontrol.gateway.access.Caller.signedIn(true));
    }

    /** {@code Bearer <token>} or the token itself; null for a missing or blank value. */
    static String token(Object authorization) {
        if (!(authorization instanceof String s) || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.regionMatches(true, 0, "Bearer ", 0, 7) ? t.substring(7).strip() : t;
    }
}
