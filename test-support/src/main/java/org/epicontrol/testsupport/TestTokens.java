package org.epicontrol.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens shaped like the epidemic realm's (realm roles under realm_access, full group paths under groups,
 * audience epidemic-api), signed with the key whose public half quarkus-test-oidc-server publishes. For the fast
 * role × operation tests; the end-to-end tests take real tokens from a real Keycloak instead.
 */
public final class TestTokens {

    /** The issuer quarkus-test-oidc-server announces in its discovery document. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "epidemic-api";

    private String subject = UUID.randomUUID().toString();
    private final String username;
    private List<String> roles = List.of();
    private List<String> groups = List.of();
    private String issuer = ISSUER;
    private String audience = AUDIENCE;
    private Instant expiresAt = Instant.now().plusSeconds(3600);
    private String scope;

    private TestTokens(String username) {
        this.username = username;
    }

    public static TestTokens user(String username) {
        return new TestTokens(username);
    }

    public TestTokens subject(String value) {
        subject = value;
        return this;
    }

    public TestTokens roles(String... value) {
        roles = List.of(value);
        return this;
    }

    /** Group paths, e.g. {@code /小店区/平阳路街道/西贾社区}. */
    public TestTokens groups(String... value) {
        groups = List.of(value);
        return this;
    }

    public TestTokens issuer(String value) {
        issuer = value;
        return this;
    }

    public TestTokens audience(String value) {
        audience = value;
        return this;
    }

    /** The {@code scope} claim (space-separated OAuth scopes). */
    public TestTokens scope(String value) {
        scope = value;
        return this;
    }

    public TestTokens expired() {
        expiresAt = Instant.now().minusSeconds(3600);
        return this;
    }

    /** Expires {@code seconds} from now (e.g. to see a long-lived connection closed when its token expires). */
    public TestTokens expiresInSeconds(long seconds) {
        expiresAt = Instant.now().plusSeconds(seconds);
        return this;
    }

    public String subject() {
        return subject;
    }

    public String sign() {
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .audience(audience)
                .subject(subject)
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now().minusSeconds(60))
                .expiresAt(expiresAt);
        if (scope != null) {
            claims.claim("scope", scope);
        }
        if (!groups.isEmpty()) {
            // like Keycloak's group mapper: no claim at all for a user without groups
            claims.groups(new LinkedHashSet<>(groups));
        }
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    /** The same claims with {@code alg: none} and no signature. */
    public String unsigned() {
        return ForgedTokens.unsigned(sign());
    }

    /** A signed token whose payload was changed afterwards: roles swapped for system-admin, signature kept. */
    public static String tampered(String token) {
        return ForgedTokens.madeSystemAdmin(token);
    }
}
