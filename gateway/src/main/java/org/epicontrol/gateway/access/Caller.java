package org.epicontrol.gateway.access;

import java.util.Set;

/**
 * The caller as the access directives see it: signed in or not (a token quarkus-oidc verified), the token's
 * {@code scope} claim, and for policy decisions the raw token, its SHA-256 (what decisions are cached by) and its
 * expiry (epoch seconds; 0 when unknown).
 */
public final class Caller {
    public static final Caller ANONYMOUS = new Caller(false, Set.of(), null, 0);

    private final boolean authenticated;
    private final Set<String> scopes;
    private final String token;
    private final long expiresAt;
    /** Worked out when a policy decision is first looked up: most requests never need it. */
    private volatile String tokenHash;

    private Caller(boolean authenticated, Set<String> scopes, String token, long expiresAt) {
        this.authenticated = authenticated;
        this.scopes = Set.copyOf(scopes);
        this.token = token;
        this.expiresAt = expiresAt;
    }

    /** A caller with a verified token. */
    public static Caller withToken(String token, Set<String> scopes, long expiresAt) {
        return new Caller(true, scopes, token, expiresAt);
    }

    public boolean authenticated() {
        return authenticated;
    }

    public Set<String> scopes() {
        return scopes;
    }

    public String token() {
        return token;
    }

    /** The token's SHA-256 (what policy decisions are cached by), null without a token. */
    public String tokenHash() {
        String h = tokenHash;
        if (h == null && token != null) {
            h = PolicyDecisionCache.hash(token);
            tokenHash = h;
        }
        return h;
    }

    public long expiresAt() {
        return expiresAt;
    }

    /** A signed-in caller known only as such (no token at hand: no scopes, every policy refused). */
    public static Caller signedIn(boolean signedIn) {
        return signedIn ? new Caller(true, Set.of(), null, 0) : ANONYMOUS;
    }

    /** Scopes from a {@code scope} claim: space-separated, as OAuth 2 writes them. */
    public static Set<String> scopesOf(String scopeClaim) {
        if (scopeClaim == null || scopeClaim.isBlank()) {
            return Set.of();
        }
        return Set.of(scopeClaim.trim().split(" +"));
    }
}
