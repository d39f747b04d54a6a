package org.epicontrol.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.inject.Inject;
import java.util.Map;
import org.epicontrol.gateway.identity.TokenCacheHolder;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** With an OIDC server configured, the gateway refuses bad tokens itself, before any subgraph is called. */
@QuarkusTest
@TestProfile(BearerTokenTest.OidcEnabled.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class BearerTokenTest {

    public static class OidcEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/");
        }
    }

    private static final String ME = "{ me { name } }";

    @ConfigProperty(name = "test.subgraph.accounts")
    String accountsUrl;

    @Test
    void validTokenIsAcceptedAndForwarded() {
        String token = TestTokens.user("alice").roles("volunteer").sign();
        post("Bearer " + token).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
        given().get(accountsUrl).then().body("headers.authorization", equalTo("Bearer " + token));
    }

    @Inject
    TokenCacheHolder verifiedTokens;

    @Test
    void aValidTokenIsVerifiedOnceAndAnsweredFromMemoryOnItsNextRequests() {
        String token = TestTokens.user("bob").roles("volunteer").sign();
        assertNull(verifiedTokens.cache().get(token));

        post("Bearer " + token).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
        assertNotNull(verifiedTokens.cache().get(token), "kept after quarkus-oidc verified it");

        post("Bearer " + token).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
        given().get(accountsUrl).then().body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void theCacheIsAskedBeforeQuarkusOidcVerifies() {
        // A text quarkus-oidc would refuse (401), put in the cache as if verified: answered, so the cache comes first.
        String token = "not-a-jwt-" + System.nanoTime();
        JwtClaims claims = new JwtClaims();
        claims.setSubject("carol");
        claims.setExpirationTime(NumericDate.fromSeconds(System.currentTimeMillis() / 1000 + 60));
        verifiedTokens.cache().put(token, QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims)).addCredential(new AccessTokenCredential(token))
                .build());

        post("Bearer " + token).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
        post("Bearer " + token + "x").statusCode(401);
    }

    @Test
    void noTokenPassesAsAnonymous() {
        given().contentType(ContentType.JSON).body(Map.of("query", ME)).post("/graphql")
                .then().statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
    }

    static Stream<Arguments> badTokens() {
        Supplier<TestTokens> alice = () -> TestTokens.user("alice").roles("volunteer");
        return Stream.of(
                Arguments.of("expired", alice.get().expired().sign()),
                Arguments.of("another audience", alice.get().audience("report-viewer").sign()),
                Arguments.of("another issuer", alice.get().issuer("https://elsewhere.example.com/realms/x").sign()),
                Arguments.of("alg none", alice.get().unsigned()),
                Arguments.of("payload changed after signing", TestTokens.tampered(alice.get().sign())),
                Arguments.of("not a JWT", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void badTokenGets401AndReachesNoSubgraph(String why, String token) {
        int before = given().get(accountsUrl).then().extract().path("requests");
        post("Bearer " + token).statusCode(401);
        int after = given().get(accountsUrl).then().extract().path("requests");
        assertEquals(before, after, "a subgraph was called despite a bad token (" + why + ")");
    }

    private ValidatableResponse post(String authorization) {
        return given().contentType(ContentType.JSON).header("Authorization", authorization)
                .body(Map.of("query", ME)).post("/graphql").then();
    }
}
