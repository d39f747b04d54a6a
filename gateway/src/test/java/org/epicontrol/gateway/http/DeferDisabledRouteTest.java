package org.epicontrol.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code gateway.defer.enabled=false} even a client that accepts multipart gets one JSON response. */
@QuarkusTest
@TestProfile(DeferDisabledRouteTest.Disabled.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
class DeferDisabledRouteTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.defer.enabled", "false");
        }
    }

    @Test
    void deferredFragmentsAreResolvedInPlaceWhenIncrementalDeliveryIsOff() {
        given().contentType(ContentType.JSON).accept("multipart/mixed;deferSpec=20220824, application/json")
                .body(Map.of("query", "{ topProducts(first: 1) { name ... @defer { reviews { body } } } }"))
                .when().post("/graphql")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("data.topProducts[0].reviews[0].body", equalTo("Great 1"));
    }
}
