package org.epicontrol.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** GraphQL over HTTP through the running gateway, with real subgraphs behind it. */
@QuarkusTest
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
class GraphQLRouteTest {
    private static final String CROSS = "{ topProducts(first: 2) { name reviews { author { name } } } }";

    @ConfigProperty(name = "gateway.supergraph-file")
    String supergraphFile;

    @ConfigProperty(name = "test.subgraph.accounts")
    String accountsUrl;

    @Test
    void postAnswersJsonWithMergedData() {
        given().contentType(ContentType.JSON).body(Map.of("query", CROSS))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("data.topProducts[1].reviews[0].author.name", equalTo("Ada Lovelace"))
                .body("errors", nullValue());
    }

    @Test
    void getServesQueries() {
        given().queryParam("query", "query($n: Int) { topProducts(first: $n) { name } }")
                .queryParam("variables", "{\"n\": 1}")
                .when().get("/graphql")
                .then().statusCode(200)
                .body("data.topProducts[0].name", equalTo("Product 1"));
    }

    @Test
    void graphqlResponseJsonGetsStatus400ForRequestErrors() {
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ nope }"))
                .when().post("/graphql")
                .then().statusCode(400)
                .contentType(containsString("application/graphql-response+json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].locations[0].line", equalTo(1));
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ me { name } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.me.name", equalTo("Ada Lovelace"));
    }

    @Test
    void malformedRequestsAreRejected() {
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/graphql")
                .then().statusCode(400).body("errors[0].message", containsString("JSON"));
        given().contentType(ContentType.JSON).body(Map.of("query", "{ me { name } }", "variables", "x"))
                .when().post("/graphql")
                .then().statusCode(400);
        given().accept("text/html").queryParam("query", "{ me { name } }")
                .when().get("/graphql")
                .then().statusCode(406);
    }

    @Test
    void limitsGiveClearErrors() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ me { name } }" + " ".repeat(3000)))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("MAX_QUERY_SIZE_EXCEEDED"));
        given().contentType(ContentType.JSON).body(Map.of("query",
                        "{ me { reviews { author { reviews { author { reviews { author { reviews { author { id } } } } } } } } } }"))
                .when().post("/graphql")
                .then().body("errors[0].extensions.code", equalTo("MAX_DEPTH_EXCEEDED"))
                .body("errors[0].message", containsString("limit of 8"));
    }

    @Test
    void queryPlanIsShownOnRequest() {
        given().contentType(ContentType.JSON).header("x-query-plan", "true").body(Map.of("query", CROSS))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("extensions.queryPlan.kind", equalTo("QueryPlan"))
                .body("extensions.queryPlan.node.kind", equalTo("Sequence"))
                .body("extensions.queryPlan.node.nodes.kind", hasItem("Flatten"));
    }

    @Test
    void configuredHeadersAreForwardedToSubgraphs() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer t0ken")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .header("x-not-forwarded", "secret")
                .body(Map.of("query", "{ me { name } }"))
                .when().post("/graphql")
                .then().statusCode(200);
        // traceparent is the gateway's own when tracing is on (SubgraphTracingTest); off here, so none goes on
        given().when().get(accountsUrl)
                .then().body("headers.authorization", equalTo("Bearer t0ken"))
                .body("headers.traceparent", nullValue())
                .body("headers.x-not-forwarded", nullValue());
    }

    @Test
    void healthIsUpWithASupergraph() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'supergraph' }.status", equalTo("UP"));
    }

    @Test
    void changedSupergraphFileIsSwappedIn() throws Exception {
        Path file = Path.of(supergraphFile);
        String original = Files.readString(file);
        try {
            Files.writeString(file, original.replace("me: User @join__field(graph: ACCOUNTS)\n",
                    "me: User @join__field(graph: ACCOUNTS)\n  myself: User @join__field(graph: ACCOUNTS)\n"));
            assertTrue(eventually(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("query", "{ myself { __typename } }")).post("/graphql")
                    .jsonPath().getString("errors[0].extensions.serviceName") != null),
                    "new supergraph not loaded (the field should now pass validation and reach accounts)");
        } finally {
            Files.writeString(file, original);
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()
                    + 5_000));
        }
        assertTrue(eventually(() -> {
            var r = given().contentType(ContentType.JSON)
                    .body(Map.of("query", "{ myself { __typename } }")).post("/graphql");
            return "GRAPHQL_VALIDATION_FAILED".equals(r.jsonPath().getString("errors[0].extensions.code"));
        }), "original supergraph not restored");
    }

    private static boolean eventually(BooleanSupplier check) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (check.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
