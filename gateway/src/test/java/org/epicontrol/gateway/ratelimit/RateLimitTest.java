package org.epicontrol.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.epicontrol.gateway.trust.OidcProfiles;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on, behind a trusted proxy (as in Kubernetes, where ingress-nginx sets X-Forwarded-For): anonymous
 * callers 3 at once per address, signed-in callers 2 at once per token subject, then one per 100 s for both (so that
 * nothing refills while a slow machine runs the test; refilling: {@link RateLimitWithoutTrustedProxyTest}).
 */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class RateLimitTest {
    private static final Map<String, Object> ME = Map.of("query", "{ me { name } }");

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OidcProfiles.withTokens(Map.of(
                    "gateway.rate-limit.enabled", "true",
                    "gateway.rate-limit.anonymous.requests-per-second", "0.01",
                    "gateway.rate-limit.anonymous.burst", "3",
                    "gateway.rate-limit.signed-in.requests-per-second", "0.01",
                    "gateway.rate-limit.signed-in.burst", "2",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true"));
        }
    }

    @ConfigProperty(name = "test.subgraph.accounts")
    String accountsUrl;

    private int subgraphRequests() {
        return given().get(accountsUrl).then().extract().path("requests");
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static RequestSpecification signedIn(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static ValidatableResponse post(RequestSpecification caller) {
        return caller.contentType(ContentType.JSON).body(ME).post("/graphql").then();
    }

    /** Refused until the next token, due 100 s after the first request (less what the test took so far). */
    private static void assertLimited(ValidatableResponse response) {
        int retryAfter = Integer.parseInt(response.statusCode(429)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .extract().header("Retry-After"));
        assertTrue(retryAfter > 60 && retryAfter <= 100, "Retry-After " + retryAfter);
        response.body("errors[0].extensions.retryAfter", equalTo(retryAfter));
    }

    @Test
    void overTheBurstAnAddressGets429WithRetryAfterAndReachesNoSubgraph() {
        for (int i = 0; i < 3; i++) {
            post(from("203.0.113.1")).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
        }
        int before = subgraphRequests();
        assertLimited(post(from("203.0.113.1")));
        assertLimited(from("203.0.113.1").queryParam("query", "{ me { name } }").get("/graphql").then());
        post(from("203.0.113.2")).statusCode(200).body("data.me.name", equalTo("Ada Lovelace"));
        assertEquals(before + 1, subgraphRequests(), "only the other address's request reached the subgraph");
    }

    @Test
    void theLimitComesBeforeTheBodyIsRead() {
        for (int i = 0; i < 3; i++) {
            from("203.0.113.3").contentType(ContentType.JSON).body("{not json").post("/graphql").then()
                    .statusCode(400);
        }
        from("203.0.113.3").contentType(ContentType.JSON).body("{not json").post("/graphql").then()
                .statusCode(429);
        // the connection is still good for the next request
        post(from("203.0.113.4")).statusCode(200);
    }

    @Test
    void signedInCallersAreCountedByTokenSubjectWhateverTheirAddress() {
        String carol = TestTokens.user("carol").subject("subject-carol").roles("volunteer").sign();
        String carolAgain = TestTokens.user("carol-other-session").subject("subject-carol").roles("volunteer").sign();
        post(signedIn(carol).header("X-Forwarded-For", "198.51.100.1")).statusCode(200);
        post(signedIn(carolAgain).header("X-Forwarded-For", "198.51.100.2")).statusCode(200);
        assertLimited(post(signedIn(carol).header("X-Forwarded-For", "198.51.100.3")));
        // another subject, and anonymous callers at carol's address, are not affected
        String dan = TestTokens.user("dan").subject("subject-dan").roles("volunteer").sign();
        post(signedIn(dan).header("X-Forwarded-For", "198.51.100.1")).statusCode(200);
        post(from("198.51.100.1")).statusCode(200);
    }

    @Test
    void refusalsAreCounted() {
        for (int i = 0; i < 4; i++) {
            post(from("203.0.113.9"));
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_requests_refused_total{caller=\"anonymous\",code=\"RATE_LIMITED\"}"));
    }
}
