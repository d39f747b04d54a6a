package org.epicontrol.testsupport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * GraphQL operations POSTed to the application under test (rest-assured's base URI, path {@code /graphql}) with an
 * {@code Idempotency-Key} header, as a client that retries sends them; the tests of service-common's idempotency keys
 * in each service.
 */
public final class KeyedRequests {

    /** The header carrying the key (service-common's {@code idempotency.header} default). */
    public static final String HEADER = "Idempotency-Key";

    private KeyedRequests() {
    }

    /** A key no other request has used. */
    public static String freshKey() {
        return "test-" + UUID.randomUUID();
    }

    /**
     * Sends the operation with this {@code Authorization} header value and, unless {@code key} is null, the key; fails
     * unless the answer is HTTP 200. The same arguments always give the same body, byte for byte: a retry is the same
     * request.
     */
    public static Response send(String authorization, String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RequestSpecification request = RestAssured.given().header("Authorization", authorization)
                .contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header(HEADER, key);
        }
        Response response = request.post("/graphql");
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.asString());
        }
        return response;
    }
}
