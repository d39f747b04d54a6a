package org.epicontrol.web.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The console's server: its configuration for the browser, and the built page (test profile values). */
@QuarkusTest
class ConsoleConfigRouteTest {

    @Test
    void configJsonTellsTheBrowserWhereToSignInAndWhereTheGatewayIs() {
        given().when().get("/config.json")
                .then().statusCode(200)
                .header("Content-Type", containsString("application/json"))
                .header("Cache-Control", "no-cache")
                .body("keycloakUrl", equalTo("https://sso.test.example"))
                .body("realm", equalTo("epidemic"))
                .body("clientId", equalTo("epidemic-web"))
                .body("graphqlUrl", equalTo("/graphql"));
    }

    @Test
    void servesTheBuiltPageUncachedInChineseFirst() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Cache-Control", "no-cache")
                .header("X-Frame-Options", "DENY")
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("/assets/index-"));
    }
}
