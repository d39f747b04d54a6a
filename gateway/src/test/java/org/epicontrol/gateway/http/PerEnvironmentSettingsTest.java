package org.epicontrol.gateway.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What differs per environment: introspection of the API, and which browser origins may call the gateway. */
@QuarkusTest
@TestProfile(PerEnvironmentSettingsTest.NoIntrospection.class)
@QuarkusTestResource(value = ShopSubgraphsResource.class, restrictToAnnotatedClass = true)
class PerEnvironmentSettingsTest {

    public static class NoIntrospection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.introspection", "false");
        }
    }

    @Test
    void introspectionCanBeTurnedOffWhileTypenameStillWorks() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ __schema { types { name } } }"))
                .post("/graphql").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"));
        given().contentType(ContentType.JSON).body(Map.of("query", "{ __typename me { name } }"))
                .post("/graphql").then().statusCode(200)
                .body("data.__typename", equalTo("Query"))
                .body("errors", nullValue());
    }

    @Test
    void configuredFrontEndOriginMayCallFromTheBrowserOthersMayNot() {
        given().header("Origin", "https://map.epicontrol.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/graphql").then()
                .header("Access-Control-Allow-Origin", equalTo("https://map.epicontrol.example"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/graphql").then()
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
    }
}
