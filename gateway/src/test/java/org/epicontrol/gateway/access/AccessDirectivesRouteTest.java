package org.epicontrol.gateway.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.trust.OidcProfiles;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, with tokens quarkus-oidc verifies: the shop behind a supergraph whose {@code me} is
 * {@code @authenticated}, {@code User.username} needs scope {@code read:username}, {@code Product.price} policy
 * {@code product:price} and the {@code Review} type scope {@code read:reviews} or {@code admin}. Policy decisions come
 * from a stand-in decider here (per token subject); Keycloak's are tested end to end (e2e PolicyAtTheGatewayTest).
 */
@QuarkusTest
@TestProfile(AccessDirectivesRouteTest.WithTokens.class)
@QuarkusTestResource(value = AccessShopResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class AccessDirectivesRouteTest {

    public static class WithTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OidcProfiles.withTokens(Map.of());
        }
    }

    /** Grants policies to the subjects listed; counts the rounds of asking. */
    static final class StandInDecisions implements PolicyDecisions {
        final Map<String, Set<String>> grantedBySubject = new HashMap<>();
        final Map<String, PolicyDecision> cache = new HashMap<>();
        final AtomicInteger rounds = new AtomicInteger();
        final List<Set<String>> asked = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized PolicyDecision known(Caller caller, String policy) {
            return cache.get(caller.tokenHash() + policy);
        }

        @Override
        public synchronized Future<Map<String, PolicyDecision>> decide(Caller caller, Set<String> policies) {
            rounds.incrementAndGet();
            asked.add(policies);
            Map<String, PolicyDecision> out = new HashMap<>();
            String subject = subjectOf(caller.token());
            for (String p : policies) {
                PolicyDecision d = down ? PolicyDecision.UNAVAILABLE
                        : grantedBySubject.getOrDefault(subject, Set.of()).contains(p) ? PolicyDecision.GRANTED
                        : PolicyDecision.DENIED;
                out.put(p, d);
                if (d != PolicyDecision.UNAVAILABLE) {
                    cache.put(caller.tokenHash() + p, d);
                }
            }
            return Future.succeededFuture(out);
        }
    }

    static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.replaceAll("(?s).*\"sub\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @ConfigProperty(name = "test.subgraph.accounts")
    String accountsUrl;
    @ConfigProperty(name = "test.subgraph.reviews")
    String reviewsUrl;

    StandInDecisions decisions;

    @BeforeEach
    void standIn() {
        decisions = new StandInDecisions();
        QuarkusMock.installMockForType(decisions, PolicyDecisions.class);
    }

    static ValidatableResponse post(String token, String query) {
        var spec = given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.post("/graphql").then().statusCode(200);
    }

    private int requests(String subgraphUrl) {
        return given().get(subgraphUrl).then().extract().path("requests");
    }

    @Test
    void anonymousCallersLoseTheAuthenticatedFieldWithAnErrorAtItsPathAndGetTheRest() {
        int before = requests(accountsUrl);
        post(null, "{ me { name } topProducts(first: 1) { name } }")
                .body("data.topProducts[0].name", equalTo("Product 1"))
                .body("data", not(hasKey("me")))
                .body("errors", hasSize(1))
                .body("errors[0].path", contains("me"))
                .body("errors[0].extensions.code", equalTo("UNAUTHORIZED_FIELD_OR_TYPE"))
                .body("errors[0].message", equalTo("Unauthorized field or type"));
        assertEquals(before, requests(accountsUrl), "accounts, which only me needed, was not asked");
    }

    @Test
    void signedInCallersGetTheAuthenticatedField() {
        post(TestTokens.user("ada").sign(), "{ me { name } }")
                .body("data.me.name", equalTo("Ada Lovelace")).body("errors", nullValue());
    }

    @Test
    void scopesComeFromTheTokensScopeClaim() {
        String query = "{ me { name username } }";
        post(TestTokens.user("ada").sign(), query)
                .body("data.me.name", equalTo("Ada Lovelace")).body("data.me", not(hasKey("username")))
                .body("errors[0].path", contains("me", "username"));
        post(TestTokens.user("ada").scope("openid read:username").sign(), query)
                .body("data.me.username", equalTo("ada")).body("errors", nullValue());
    }

    @Test
    void aTypeRequirementRemovesEveryFieldReturningItAndAnEmptiedParentGoesToo() {
        int before = requests(reviewsUrl);
        post(TestTokens.user("ada").sign(), "{ topProducts(first: 1) { reviews { body } } me { name } }")
                .body("data.me.name", equalTo("Ada Lovelace"))
                .body("data", not(hasKey("topProducts")))
                .body("errors[0].path", contains("topProducts", "@", "reviews"));
        assertEquals(before, requests(reviewsUrl), "reviews, which only the removed field needed, was not asked");
        post(TestTokens.user("ada").scope("admin").sign(), "{ topProducts(first: 1) { reviews { body } } }")
                .body("errors", nullValue()).body("data.topProducts[0].reviews", hasSize(2));
    }

    @Test
    void everyRootFieldRemovedAnswersDataNull() {
        post(null, "query Q { me { name } }")
                .body("data", nullValue()).body("errors[0].path", contains("me"));
    }

    @Test
    void policiesAreAskedOnceForAllFieldsOfAnOperationAndThenKnown() {
        TestTokens user = TestTokens.user("grace");
        decisions.grantedBySubject.put(user.subject(), Set.of("product:price"));
        String token = user.sign();
        String query = "{ a: topProducts(first: 1) { price } b: product(upc: \"p2\") { price name } }";
        post(token, query).body("errors", nullValue()).body("data.b.name", equalTo("Product 2"));
        post(token, query).body("errors", nullValue());
        assertEquals(1, decisions.rounds.get(), "one round of asking, then the decision is known");
        assertEquals(List.of(Set.of("product:price")), decisions.asked);
    }

    @Test
    void aDeniedPolicyRemovesTheField() {
        post(TestTokens.user("ada").sign(), "{ product(upc: \"p1\") { name price } }")
                .body("data.product.name", equalTo("Product 1"))
                .body("data.product", not(hasKey("price")))
                .body("errors[0].path", contains("product", "price"))
                .body("errors[0].extensions.code", equalTo("UNAUTHORIZED_FIELD_OR_TYPE"));
        assertEquals(1, decisions.rounds.get());
    }

    @Test
    void anUnreachableDeciderRefusesTheGuardedFieldWithItsOwnCode() {
        decisions.down = true;
        post(TestTokens.user("ada").sign(), "{ product(upc: \"p1\") { name price } }")
                .body("data.product.name", equalTo("Product 1"))
                .body("errors[0].path", contains("product", "price"))
                .body("errors[0].extensions.code", equalTo("POLICY_DECISION_UNAVAILABLE"));
    }
}
