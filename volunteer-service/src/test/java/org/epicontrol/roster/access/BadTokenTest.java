package org.epicontrol.roster.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.epicontrol.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

/** A token that is not good is refused by Quarkus with HTTP 401 before any GraphQL runs. */
@QuarkusTest
class BadTokenTest {

    static Stream<Arguments> badTokens() {
        TestTokens admin = TestTokens.user("mallory").roles("community-admin");
        return Stream.of(
                Arguments.of("expired", TestTokens.user("mallory").roles("system-admin").expired().sign()),
                Arguments.of("wrong audience", TestTokens.user("mallory").roles("system-admin").audience("another-api").sign()),
                Arguments.of("wrong issuer", TestTokens.user("mallory").roles("system-admin").issuer("https://evil.example.com").sign()),
                Arguments.of("alg none", TestTokens.user("mallory").roles("system-admin").unsigned()),
                Arguments.of("tampered", TestTokens.tampered(admin.sign())),
                Arguments.of("garbage", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenGetsHttp401(String why, String token) {
        RestAssured.given()
                .header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON)
                .body(Map.of("query", "mutation { createOrgUnit(kind: DISTRICT, name: \"侵入区\") { id } }"))
                .post("/graphql")
                .then()
                .statusCode(401);
    }
}
