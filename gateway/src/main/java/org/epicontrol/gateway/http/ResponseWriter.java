package org.epicontrol.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.json.JsonBodies;
import org.jboss.logging.Logger;

/**
 * Writes GraphQL-over-HTTP answers: the media type the client accepts ({@code application/graphql-response+json} or
 * {@code application/json}) and the JSON body. Shared by every handler on {@code /graphql}, so that an early refusal
 * (rate limit, bad request) looks like any other GraphQL error.
 */
@ApplicationScoped
public class ResponseWriter {
    private static final Logger LOG = Logger.getLogger(ResponseWriter.class);
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";

    private final JsonBodies json;

    public ResponseWriter(ObjectMapper mapper) {
        this.json = new JsonBodies(mapper);
    }

    /** The response media type for an Accept header, or null when none of ours is acceptable. */
    static String negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        int gql = a.indexOf(GRAPHQL_RESPONSE);
        int json = indexOfJson(a);
        if (gql >= 0 && (json < 0 || gql < json)) {
            return GRAPHQL_RESPONSE;
        }
        if (json >= 0 || a.contains("*/*") || a.contains("application/*")) {
            return JSON;
        }
        return null;
    }

    private static int indexOfJson(String accept) {
        int from = 0;
        while (true) {
            int i = accept.indexOf(JSON, from);
            if (i < 0) {
                return -1;
            }
            int end = i + JSON.length();
            if (end == accept.length() || accept.charAt(end) == ',' || accept.charAt(end) == ';'
                    || accept.charAt(end) == ' ') {
                return i;
            }
            from = end;
        }
    }

    /** Answers one GraphQL error with {@code code}, in whatever JSON type the client accepts. */
    void error(RoutingContext ctx, int status, String message, String code) {
        error(ctx, status, Errors.error(message, code));
    }

    void error(RoutingContext ctx, int status, Map<String, Object> error) {
        String mediaType = negotiate(ctx.request().getHeader("accept"));
        write(ctx, status, mediaType == null ? JSON : mediaType, Map.of("errors", List.of(error)));
    }

    void write(RoutingContext ctx, int status, String mediaType, Map<String, Object> body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("content-type", mediaType + "; charset=utf-8")
                    .end(json.buffer(body));
        } catch (Exception e) {
            LOG.error("cannot write response", e);
            ctx.response().setStatusCode(500).end();
        }
    }
}
