package org.epicontrol.gateway.access;

import java.util.Set;

/**
 * The caller as the access directives see it: signed in or not (a token quarkus-oidc verified), the token's
 * {@code scope} claim, and for policy decisions the raw token, its SHA-256 (what decisions are cached by) and its
 * expiry (epoch seconds; 0 when unknown).
 */
public record Caller(boolean authenticated, Set<String> scopes, String token, String tokenHash, long expiresAt) {
    public static final Caller ANONYMOUS = new Caller(false, Set.of(), null, null, 0);

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** A caller with a verified token. */
    public static Caller withToken(String token, Set<String> scopes, long expiresAt) {
        return new Caller(true, scopes, token, token == null ? null : PolicyDecisionCache.hash(token), expiresAt);
    }

    /** A signed-in caller known only as such (no token at hand: no scopes, every policy refused). */
    public static Caller signedIn(boolean signedIn) {
        return signedIn ? new Caller(true, Set.of(), null, null, 0) : ANONYMOUS;
    }

    /** Scopes from a {@code scope} claim: space-separated, as OAuth 2 writes them. */
    public static Set<String> scopesOf(String scopeClaim) {
        if (scopeClaim == null || scopeClaim.isBlank()) {
            return Set.of();
        }
        return Set.of(scopeClaim.trim().split(" +"));
    }
}
