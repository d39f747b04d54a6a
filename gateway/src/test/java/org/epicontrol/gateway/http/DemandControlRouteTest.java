package org.epicontrol.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.epicontrol.gateway.testing.HostileQueries;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Demand control through HTTP with token verification on: the test profile's budgets (1,000 anonymous, 10,000
 * signed in), the error as clients see it, the metric, and a gateway that keeps answering while it refuses bombs.
 */
@QuarkusTest
@TestProfile(BearerTokenTest.OidcEnabled.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
class DemandControlRouteTest {
    /** me 1 + reviews 10 × (Review 1 + author 1 + reviews 10 × (2 + reviews 10 × 2)): 2,221, as the example. */
    private static final String NESTED = "{ me { reviews { author { reviews { author { reviews { author { name } } } } } } } }";
    private static final String CROSS = "{ topProducts(first: 2) { name reviews { author { name } } } }";

    @ConfigProperty(name = "test.subgraph.accounts")
    String accountsUrl;

    @Test
    void anonymousCallerOverTheBudgetIsRefusedBeforeAnySubgraphIsCalled() {
        int before = accountsRequests();
        post(NESTED, null).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("COST_LIMIT_EXCEEDED"))
                .body("errors[0].extensions.cost.estimated", equalTo(2221))
                .body("errors[0].extensions.cost.budget", equalTo(1000))
                .body("errors[0].message", containsString("anonymous"));
        assertEquals(before, accountsRequests(), "a subgraph was called for a refused operation");
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", NESTED)).post("/graphql").then().statusCode(400);
    }

    @Test
    void signedInCallerHasTheLargerBudget() {
        String token = TestTokens.user("alice").roles("volunteer").sign();
        String page = "{ topProducts(first: 100) { reviews { author { name } } } }"; // 100 × (1 + 10 × 2)
        post(page, null).statusCode(200).body("errors[0].extensions.code", equalTo("COST_LIMIT_EXCEEDED"));
        post(page, token).statusCode(200)
                .body("errors", nullValue())
                .body("data.topProducts.size()", equalTo(100))
                .body("data.topProducts[99].reviews[1].author.name", equalTo("Grace Hopper"));
        post("{ topProducts(first: 5000) { reviews { id } } }", token).statusCode(200)
                .body("errors[0].extensions.code", equalTo("COST_LIMIT_EXCEEDED"))
                .body("errors[0].extensions.cost.budget", equalTo(10000));
    }

    @Test
    void estimatedAndActualCostsAreMetrics() {
        post(CROSS, null).statusCode(200).body("errors", nullValue());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gateway_operation_cost_count{kind=\"estimated\"")
                && metrics.contains("gateway_operation_cost_count{kind=\"actual\""), metrics);
    }

    @Test
    void theGatewayKeepsAnsweringOthersWhileItRefusesFragmentBombs() throws Exception {
        ExecutorService attackers = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> refusals = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String bomb = i % 2 == 0 ? HostileQueries.fragmentBomb(40, "__typename") + "# " + i
                        : HostileQueries.fragmentBomb(30, "me { id }") + "# " + i; // new texts: no cache hit
                refusals.add(attackers.submit(() -> post(bomb, null).statusCode(200).extract()
                        .path("errors[0].extensions.code")));
            }
            for (int i = 0; i < 10; i++) {
                post(CROSS, null).statusCode(200).body("errors", nullValue())
                        .body("data.topProducts[1].reviews[0].author.name", equalTo("Ada Lovelace"));
            }
            for (Future<String> refusal : refusals) {
                assertEquals("MAX_FIELDS_EXCEEDED", refusal.get(30, TimeUnit.SECONDS));
            }
        } finally {
            attackers.shutdownNow();
        }
    }

    private int accountsRequests() {
        return given().get(accountsUrl).then().extract().path("requests");
    }

    private static ValidatableResponse post(String query, String token) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", query));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql").then();
    }
}
