package org.epicontrol.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.supergraph.SupergraphSource;
import org.jboss.logging.Logger;

/**
 * GraphQL over HTTP on {@code /graphql}: POST with a JSON body, GET with query parameters (queries only). Answers
 * {@code application/graphql-response+json} when the client accepts it (then request errors get status 400),
 * {@code application/json} otherwise.
 */
@ApplicationScoped
public class GraphQLRoute {
    private static final Logger LOG = Logger.getLogger(GraphQLRoute.class);
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String JSON = "application/json";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final SupergraphSource source;
    private final RequestProcessor processor;
    private final ObjectMapper mapper;
    private final GatewayConfig config;

    public GraphQLRoute(SupergraphSource source, RequestProcessor processor, ObjectMapper mapper,
                        GatewayConfig config) {
        this.source = source;
        this.processor = processor;
        this.mapper = mapper;
        this.config = config;
    }

    void register(@Observes Router router) {
        // The body limit is generous: the query size limit itself is checked with a clear GraphQL error.
        long bodyLimit = Math.max(1_048_576L, 4L * config.limits().maxQueryBytes());
        router.post("/graphql").handler(BodyHandler.create(false).setBodyLimit(bodyLimit)).handler(this::post);
        router.get("/graphql").handler(this::get);
    }

    private void post(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("content-type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            fail(ctx, 415, "POST bodies must be application/json");
            return;
        }
        Map<String, Object> body;
        try {
            Buffer buffer = ctx.body().buffer();
            body = buffer == null ? null : mapper.readValue(buffer.getBytes(), MAP);
        } catch (Exception e) {
            fail(ctx, 400, "the request body is not a JSON object");
            return;
        }
        if (body == null) {
            fail(ctx, 400, "the request body is empty");
            return;
        }
        GraphQLRequest request;
        try {
            request = new GraphQLRequest(string(body.get("query"), "query"),
                    string(body.get("operationName"), "operationName"),
                    object(body.get("variables"), "variables"), object(body.get("extensions"), "extensions"));
        } catch (IllegalArgumentException e) {
            fail(ctx, 400, e.getMessage());
            return;
        }
        handle(ctx, request, true);
    }

    private void get(RoutingContext ctx) {
        MultiMap params = ctx.queryParams();
        GraphQLRequest request;
        try {
            request = new GraphQLRequest(params.get("query"), emptyToNull(params.get("operationName")),
                    json(params.get("variables"), "variables"), json(params.get("extensions"), "extensions"));
        } catch (IllegalArgumentException e) {
            fail(ctx, 400, e.getMessage());
            return;
        }
        handle(ctx, request, false);
    }

    private void handle(RoutingContext ctx, GraphQLRequest request, boolean post) {
        String mediaType = negotiate(ctx.request().getHeader("accept"));
        if (mediaType == null) {
            ctx.response().setStatusCode(406).putHeader("content-type", "text/plain")
                    .end("accepts " + GRAPHQL_RESPONSE + " or " + JSON);
            return;
        }
        boolean showPlan = config.exposeQueryPlan()
                && ("true".equalsIgnoreCase(ctx.request().getHeader("x-query-plan"))
                || request.extensions() != null && Boolean.TRUE.equals(request.extensions().get("queryPlan")));
        processor.process(source.current(), request, forwarded(ctx.request()), post, showPlan, signedIn(ctx))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        LOG.error("request failed", ar.cause());
                        write(ctx, 500, mediaType, Map.of("errors", List.of(Errors.error(
                                "internal gateway error", "INTERNAL_SERVER_ERROR"))));
                        return;
                    }
                    GraphQLResponse response = ar.result();
                    int status = 200;
                    if (response.methodNotAllowed()) {
                        status = 405;
                        ctx.response().putHeader("allow", "POST");
                    } else if (response.requestError() && mediaType.equals(GRAPHQL_RESPONSE)) {
                        status = 400;
                    }
                    write(ctx, status, mediaType, response.body());
                });
    }

    /**
     * Whether quarkus-oidc verified a bearer token for this request (it runs before this route and answers 401 for
     * a bad one); a token that was not verified (OIDC off) does not count.
     */
    private static boolean signedIn(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }

    private Map<String, String> forwarded(HttpServerRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : config.forwardHeaders()) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
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

    private void fail(RoutingContext ctx, int status, String message) {
        String mediaType = negotiate(ctx.request().getHeader("accept"));
        write(ctx, status, mediaType == null ? JSON : mediaType,
                Map.of("errors", List.of(Errors.error(message, "BAD_REQUEST"))));
    }

    private void write(RoutingContext ctx, int status, String mediaType, Map<String, Object> body) {
        try {
            ctx.response().setStatusCode(status)
                    .putHeader("content-type", mediaType + "; charset=utf-8")
                    .end(Buffer.buffer(mapper.writeValueAsBytes(body)));
        } catch (Exception e) {
            LOG.error("cannot write response", e);
            ctx.response().setStatusCode(500).end();
        }
    }

    private static String string(Object value, String name) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException("'" + name + "' must be a string");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String name) {
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException("'" + name + "' must be a JSON object");
    }

    private Map<String, Object> json(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(text, MAP);
        } catch (Exception e) {
            throw new IllegalArgumentException("'" + name + "' must be a JSON object");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
