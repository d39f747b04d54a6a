package org.epicontrol.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.Map;

/** Sends GraphQL operations over real HTTP with rest-assured. */
public final class GraphQLClient {

    private final String path;
    private final Map<String, String> headers = new HashMap<>();

    private GraphQLClient(String path) {
        this.path = path;
    }

    public static GraphQLClient at(String path) {
        return new GraphQLClient(path);
    }

    public GraphQLClient bearer(String token) {
        GraphQLClient copy = new GraphQLClient(path);
        copy.headers.putAll(headers);
        copy.headers.put("Authorization", "Bearer " + token);
        return copy;
    }

    public ValidatableResponse post(String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        return RestAssured.given()
                .headers(headers)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then()
                .statusCode(200);
    }

    public ValidatableResponse post(String query) {
        return post(query, Map.of());
    }

    /** Runs the operation and fails unless the answer carries no errors. */
    public JsonPath data(String query, Map<String, Object> variables) {
        JsonPath json = post(query, variables).extract().jsonPath();
        Object errors = json.get("errors");
        if (errors != null) {
            throw new AssertionError("GraphQL errors: " + errors + " for " + query);
        }
        return json.setRootPath("data");
    }

    public JsonPath data(String query) {
        return data(query, Map.of());
    }
}
