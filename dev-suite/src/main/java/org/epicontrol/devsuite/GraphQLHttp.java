package org.epicontrol.devsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A minimal GraphQL-over-HTTP client for seeding demo data through the services' own APIs. */
final class GraphQLHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String url;
    private final String authorization;

    GraphQLHttp(String url) {
        this(url, null);
    }

    private GraphQLHttp(String url, String authorization) {
        this.url = url;
        this.authorization = authorization;
    }

    /** The same client sending an access token. */
    GraphQLHttp bearer(String token) {
        return new GraphQLHttp(url, "Bearer " + token);
    }

    /** JSON text of a value, e.g. to print a request body. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Variables with possibly null values (Map.of refuses nulls): names and values in turn. */
    static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** Runs an operation and returns its data; fails on any GraphQL error. */
    JsonNode run(String query, Map<String, Object> variables) {
        try {
            String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 401) {
                throw new IllegalStateException(url + " refused the token (401)");
            }
            JsonNode json = JSON.readTree(response.body());
            if (json.hasNonNull("errors")) {
                throw new IllegalStateException("GraphQL errors from " + url + ": " + json.get("errors"));
            }
            return json.get("data");
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
