package org.epicontrol.gateway.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
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
import org.epicontrol.gateway.access.AccessCallers;
import org.epicontrol.gateway.cache.HttpCaching;
import org.epicontrol.gateway.execute.Errors;
import org.epicontrol.gateway.metrics.RefusalMetrics;
import org.epicontrol.gateway.request.GraphQLRequest;
import org.epicontrol.gateway.request.GraphQLResponse;
import org.epicontrol.gateway.request.RequestProcessor;
import org.epicontrol.gateway.subscribe.HttpSubscriptions;
import org.epicontrol.gateway.supergraph.SupergraphSource;
import org.epicontrol.gateway.trust.ManifestSource;
import org.epicontrol.gateway.trust.TrustDecision;
import org.epicontrol.gateway.trust.TrustedDocuments;
import org.jboss.logging.Logger;

/**
 * GraphQL over HTTP on {@code /graphql}: POST with a JSON body, GET with query parameters (queries only). Answers
 * {@code application/graphql-response+json} when the client accepts it (then request errors get status 400),
 * {@code application/json} otherwise. Cheapest checks first: the rate limit before the body is read, the
 * trusted-documents check once it is decoded and before anything is parsed.
 */
@ApplicationScoped
public class GraphQLRoute {
    private static final Logger LOG = Logger.getLogger(GraphQLRoute.class);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final SupergraphSource source;
    private final RequestProcessor processor;
    private final ObjectMapper mapper;
    private final GatewayConfig config;
    private final ResponseWriter writer;
    private final RateLimitHandler rateLimit;
    private final ManifestSource manifest;
    private final TrustedDocuments trustedDocuments;
    private final RefusalMetrics refusals;
    private final HttpSubscriptions subscriptions;
    private final MultipartWriter multipart;
    private final HttpCaching caching;

    public GraphQLRoute(SupergraphSource source, RequestProcessor processor, ObjectMapper mapper,
                        GatewayConfig config, ResponseWriter writer, RateLimitHandler rateLimit,
                        ManifestSource manifest, RefusalMetrics refusals, HttpSubscriptions subscriptions,
                        MultipartWriter multipart, HttpCaching caching) {
        this.source = source;
        this.processor = processor;
        this.mapper = mapper;
        this.config = config;
        this.writer = writer;
        this.rateLimit = rateLimit;
        this.manifest = manifest;
        this.trustedDocuments = new TrustedDocuments(config.trustedDocuments().mode());
        this.refusals = refusals;
        this.subscriptions = subscriptions;
        this.multipart = multipart;
        this.caching = caching;
    }

    void register(@Observes Router router) {
        if (config.rateLimit().enabled()) {
            // Its own route, registered first, so it runs before the body handler below reads anything (Vert.x Web
            // does not put a plain handler before a body handler on one route). Off: nothing added per request.
            router.route("/graphql").method(HttpMethod.POST).method(HttpMethod.GET).handler(rateLimit);
        }
        // The body limit is generous: the query size limit itself is checked with a clear GraphQL error.
        long bodyLimit = Math.max(1_048_576L, 4L * config.limits().maxQueryBytes());
        router.post("/graphql").handler(BodyHandler.create(false).setBodyLimit(bodyLimit)).handler(this::post);
        router.get("/graphql").handler(this::get);
    }

    private void post(RoutingContext ctx) {
        String contentType = ctx.request().getHeader("content-type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith(ResponseWriter.JSON)) {
            writer.error(ctx, 415, "POST bodies must be application/json", "BAD_REQUEST");
            return;
        }
        Map<String, Object> body;
        try {
            Buffer buffer = ctx.body().buffer();
            body = buffer == null ? null : mapper.readValue(buffer.getBytes(), MAP);
        } catch (Exception e) {
            writer.error(ctx, 400, "the request body is not a JSON object", "BAD_REQUEST");
            return;
        }
        if (body == null) {
            writer.error(ctx, 400, "the request body is empty", "BAD_REQUEST");
            return;
        }
        GraphQLRequest request;
        try {
            request = new GraphQLRequest(string(body.get("query"), "query"),
                    string(body.get("operationName"), "operationName"),
                    object(body.get("variables"), "variables"), object(body.get("extensions"), "extensions"));
        } catch (IllegalArgumentException e) {
            writer.error(ctx, 400, e.getMessage(), "BAD_REQUEST");
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
            writer.error(ctx, 400, e.getMessage(), "BAD_REQUEST");
            return;
        }
        handle(ctx, request, false);
    }

    private void handle(RoutingContext ctx, GraphQLRequest sent, boolean post) {
        String accept = ctx.request().getHeader("accept");
        boolean streaming = subscriptions.streams(accept);
        boolean incremental = !streaming && config.defer().enabled() && MultipartWriter.acceptsDefer(accept);
        String negotiated = ResponseWriter.negotiate(accept);
        // A client that reads only multipart still gets refusals and answers without deferred parts as JSON.
        String mediaType = streaming || negotiated == null && incremental ? ResponseWriter.JSON : negotiated;
        if (mediaType == null) {
            ctx.response().setStatusCode(406).putHeader("content-type", "text/plain")
                    .end("accepts " + ResponseWriter.GRAPHQL_RESPONSE + " or " + ResponseWriter.JSON);
            return;
        }
        boolean signedIn = Callers.subject(ctx) != null;
        TrustDecision trust = trustedDocuments.check(sent, signedIn, manifest.current());
        if (trust.refused()) {
            refusals.refused(trust.code(), signedIn);
            respond(ctx, mediaType, new GraphQLResponse(Map.of("errors", List.of(Errors.error(trust.message(),
                    trust.code()))), true, false), post ? null : sent);
            return;
        }
        GraphQLRequest request = trust.request();
        if (streaming) { // SSE or multipart subscriptions (gateway.subscribe)
            subscriptions.serve(ctx, source.current(), request, forwarded(ctx.request()), post, AccessCallers.of(ctx))
                    .onComplete(ar -> respond(ctx, mediaType, ar.failed() ? new GraphQLResponse(Map.of("errors",
                            List.of(Errors.error("internal gateway error", "INTERNAL_SERVER_ERROR"))), false, false)
                            : ar.result(), null));
            return;
        }
        boolean showPlan = config.exposeQueryPlan()
                && ("true".equalsIgnoreCase(ctx.request().getHeader("x-query-plan"))
                || request.extensions() != null && Boolean.TRUE.equals(request.extensions().get("queryPlan")));
        processor.process(source.current(), request, forwarded(ctx.request()), post, showPlan,
                        AccessCallers.of(ctx), incremental, true)
                .onComplete(ar -> {
                    if (ar.failed()) {
                        LOG.error("request failed", ar.cause());
                        writer.write(ctx, 500, mediaType, Map.of("errors", List.of(Errors.error(
                                "internal gateway error", "INTERNAL_SERVER_ERROR"))));
                        return;
                    }
                    respond(ctx, mediaType, ar.result(), post ? null : request);
                });
    }

    /**
     * Status per GraphQL over HTTP: 400 for a request error only where the client reads graphql-response+json.
     * A GET answer ({@code get} = the request as run) goes out with HTTP caching headers (gateway.cache).
     */
    private void respond(RoutingContext ctx, String mediaType, GraphQLResponse response, GraphQLRequest get) {
        if (response == null) {
            return; // streamed
        }
        if (response.incremental() != null) {
            multipart.incremental(ctx.response(), response.body(), response.incremental());
            return;
        }
        int status = 200;
        if (response.methodNotAllowed()) {
            status = 405;
            ctx.response().putHeader("allow", "POST");
        } else if (response.requestError() && mediaType.equals(ResponseWriter.GRAPHQL_RESPONSE)) {
            status = 400;
        }
        if (get != null && caching.enabled()) {
            caching.write(ctx, status, mediaType, response.body(), get);
            return;
        }
        writer.write(ctx, status, mediaType, response.body());
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
