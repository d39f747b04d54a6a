package org.epicontrol.e2e.access;

import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static io.restassured.RestAssured.given;

/** GraphQL over HTTP to one endpoint (the gateway or a subgraph), as a demo user with a real token or anonymously. */
public final class GraphQLClient {

    /** Younger than the realm's 5-minute tokens, so a cached token never expires in flight. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);

    private record Token(String value, Instant fetched) {
    }

    private final String url;
    private final Function<String, String> tokens;
    private final Map<String, Token> cache;

    public GraphQLClient(String url, Function<String, String> tokens) {
        this(url, tokens, new ConcurrentHashMap<>());
    }

    private GraphQLClient(String url, Function<String, String> tokens, Map<String, Token> cache) {
        this.url = url;
        this.tokens = tokens;
        this.cache = cache;
    }

    /** The same callers and their tokens, to another endpoint. */
    public GraphQLClient at(String otherUrl) {
        return new GraphQLClient(otherUrl, tokens, cache);
    }

    public String url() {
        return url;
    }

    /** The whole response (data and errors); {@code username} null sends no token. */
    public Map<String, Object> send(String username, String document, Map<String, Object> variables) {
        Map<String, String> headers = username == null ? Map.of() : Map.of("Authorization", "Bearer " + token(username));
        return given().contentType(ContentType.JSON).headers(headers)
                .body(Map.of("query", document, "variables", variables))
                .when().post(url)
                .then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** The data of an operation that must succeed. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> data(String username, String document, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> response = send(username, document, vars);
        List<?> errors = (List<?>) response.get("errors");
        if (errors != null && !errors.isEmpty()) {
            throw new IllegalStateException(url + " as " + username + ": " + errors + "\n" + document);
        }
        return (Map<String, Object>) response.get("data");
    }

    private String token(String username) {
        Token token = cache.compute(username, (name, held) -> held != null
                && held.fetched().plus(TOKEN_REUSE).isAfter(Instant.now()) ? held : new Token(tokens.apply(name), Instant.now()));
        return token.value();
    }
}
