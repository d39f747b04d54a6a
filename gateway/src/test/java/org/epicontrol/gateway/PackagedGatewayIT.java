package org.epicontrol.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.epicontrol.gateway.http.ShopSubgraphsResource;
import org.epicontrol.testsupport.PackagedServiceResource;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway (the jar, or the native executable under -Pnative), production profile, in front of the shop
 * subgraphs: it reads the supergraph, plans and runs a query across both subgraphs, reports healthy, and checks
 * tokens against the OIDC stub.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PackagedServiceResource.class, restrictToAnnotatedClass = true)
class PackagedGatewayIT {
    private static final String CROSS = "{ topProducts(first: 2) { name reviews { author { name } } } }";

    @Test
    void isLiveAndReadyWithItsSupergraph() {
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aQueryAcrossBothSubgraphsIsMerged() {
        given().contentType(ContentType.JSON).body(Map.of("query", CROSS))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.topProducts[1].reviews[0].author.name", equalTo("Ada Lovelace"));
    }

    @Test
    void aSignedInCallerIsServed() {
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user("alice").roles("volunteer").sign())
                .body(Map.of("query", "{ me { name } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data.me.name", equalTo("Ada Lovelace"));
    }

    @Test
    void aTamperedTokenIsRefusedBeforeAnySubgraphIsCalled() {
        String token = TestTokens.tampered(TestTokens.user("alice").roles("volunteer").sign());
        given().contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("query", "{ me { name } }"))
                .when().post("/graphql")
                .then().statusCode(401);
    }

    @Test
    void anInvalidQueryGetsATypedError() {
        given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                .body(Map.of("query", "{ nope }"))
                .when().post("/graphql")
                .then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));
    }
}
