package org.epicontrol.gateway.execute;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.json.JsonBodies;
import org.epicontrol.gateway.supergraph.Subgraph;

/**
 * Subgraph requests over one pooled, keep-alive Vert.x HTTP client. Every request has an overall deadline; a
 * request past it is reset so the connection is not left waiting. Tracing is the {@link SubgraphFetchTracer}'s: the
 * client itself is kept out of Vert.x tracing, which would otherwise add a second, anonymous client span per request.
 */
public final class HttpSubgraphClient implements SubgraphClient, AutoCloseable {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final Vertx vertx;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final JsonBodies json;
    private final long timeoutMillis;
    private final SubgraphFetchTracer tracer;

    public HttpSubgraphClient(Vertx vertx, ObjectMapper mapper, Duration timeout, int maxConnectionsPerHost) {
        this(vertx, mapper, timeout, maxConnectionsPerHost, SubgraphFetchTracer.NONE);
    }

    public HttpSubgraphClient(Vertx vertx, ObjectMapper mapper, Duration timeout, int maxConnectionsPerHost,
                              SubgraphFetchTracer tracer) {
        this.vertx = vertx;
        this.mapper = mapper;
        this.json = new JsonBodies(mapper);
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.tracer = tracer;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setTracingPolicy(TracingPolicy.IGNORE)
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                        .setIdleTimeout(60)
                        .setIdleTimeoutUnit(TimeUnit.SECONDS),
                new PoolOptions().setHttp1MaxSize(maxConnectionsPerHost));
    }

    @Override
    public Future<Map<String, Object>> fetch(Subgraph subgraph, SubgraphRequest request) {
        Promise<Map<String, Object>> result = Promise.promise();
        Buffer body;
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("query", request.query());
            if (request.operationName() != null) {
                payload.put("operationName", request.operationName());
            }
            payload.put("variables", request.variables());
            body = json.buffer(payload);
        } catch (Exception e) {
            return Future.failedFuture(new SubgraphFailure("SUBREQUEST_FAILED", e.getMessage()));
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        headers.add("content-type", "application/json");
        headers.add("accept", "application/graphql-response+json, application/json");
        request.headers().forEach(headers::add);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(subgraph.url());
        // After the forwarded headers: a trace context of the gateway's own replaces a caller's forwarded one. And
        // after whatever can throw here, so that every span started is ended with the result.
        SubgraphFetchTracer.Fetch trace = tracer.start(subgraph, request, headers);
        if (trace != SubgraphFetchTracer.Fetch.NONE) {
            result.future().onComplete(ar -> trace.end(ar.result(), ar.cause()));
        }
        options.setHeaders(headers);
        long timer = vertx.setTimer(timeoutMillis, id -> result.tryFail(new SubgraphFailure("SUBREQUEST_TIMEOUT",
                "subgraph '" + subgraph.name() + "' did not answer within " + timeoutMillis + " ms")));
        http.request(options)
                .compose(req -> {
                    // On timeout, drop the request so its connection is freed.
                    result.future().onFailure(t -> req.reset());
                    return req.send(body);
                })
                .compose(resp -> {
                    trace.status(resp.statusCode());
                    return resp.body().map(buf -> parse(subgraph, resp.statusCode(), buf));
                })
                .onComplete(ar -> {
                    vertx.cancelTimer(timer);
                    if (ar.succeeded()) {
                        result.tryComplete(ar.result());
                    } else {
                        Throwable t = ar.cause();
                        result.tryFail(t instanceof SubgraphFailure ? t : new SubgraphFailure("SUBREQUEST_HTTP_ERROR",
                                "request to subgraph '" + subgraph.name() + "' failed: " + t.getMessage()));
                    }
                });
        return result.future();
    }

    private Map<String, Object> parse(Subgraph subgraph, int status, Buffer buf) {
        Map<String, Object> json = null;
        try {
            json = read(buf);
        } catch (Exception e) {
            // not JSON: reported below with the status
        }
        if (json != null && (json.containsKey("data") || json.containsKey("errors"))) {
            return json; // a GraphQL response, even with a 4xx/5xx status
        }
        throw new SubgraphFailure("SUBREQUEST_HTTP_ERROR", "subgraph '" + subgraph.name() + "' answered HTTP "
                + status + (json == null ? " without a GraphQL response" : " with no data or errors"));
    }

    /** Parses the body where it lies (no copy into a new array first). */
    private Map<String, Object> read(Buffer buf) throws IOException {
        ByteBuf bytes = buf.getByteBuf();
        if (bytes.hasArray()) {
            return mapper.readValue(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes(),
                    MAP);
        }
        return mapper.readValue(new ByteBufInputStream(bytes), MAP);
    }

    @Override
    public void close() {
        http.close();
    }
}
