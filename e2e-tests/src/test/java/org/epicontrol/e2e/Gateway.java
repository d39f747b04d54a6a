package org.epicontrol.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** GraphQL over HTTP through the gateway, as a client sends it. */
final class Gateway {
    private Gateway() {
    }

    /** The whole response (data and errors) of an anonymous query; variables come in name/value pairs. */
    static JsonPath query(RunningSuite suite, String query, Object... variables) {
        return queryAs(suite, null, query, variables);
    }

    /** The same, sent with an access token of the demo user {@code username} (null: anonymous). */
    static JsonPath queryAs(RunningSuite suite, String username, String query, Object... variables) {
        return queryWithToken(suite, username == null ? null : suite.token(username), query, variables);
    }

    /**
     * The same, sent with an access token got elsewhere (an account that is not a demo user, or one token reused by
     * a client sending many requests); null: anonymous.
     */
    static JsonPath queryWithToken(RunningSuite suite, String token, String query, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        return given().contentType(ContentType.JSON).headers(headers)
                .body(Map.of("query", query, "variables", vars))
                .when().post(suite.gatewayUrl())
                .then().statusCode(200)
                .extract().jsonPath();
    }

    /** The id of a demo notice by its number. */
    static String noticeId(RunningSuite suite, int number) {
        JsonPath notices = query(suite, "{ notices(first: 50) { edges { node { id number } } } }");
        return notices.getString("data.notices.edges.find { it.node.number == " + number + " }.node.id");
    }
}
