package org.epicontrol.gateway.subscribe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.supergraph.SupergraphSource;

/**
 * graphql-transport-ws on {@code GET /graphql} with {@code Upgrade: websocket} (registered before the HTTP route, so
 * other GETs pass on to it). quarkus-oidc has checked the upgrade request's bearer token by then (a bad one: 401).
 * Over {@code gateway.subscriptions.max-connections} open connections, the upgrade is answered 503.
 */
@ApplicationScoped
public class WebSocketRoute {
    private final Vertx vertx;
    private final GatewayConfig config;
    private final TransportWsConnection.Collaborators with;
    private final AtomicInteger open = new AtomicInteger();

    public WebSocketRoute(Vertx vertx, GatewayConfig config, SupergraphSource source, SubscribeGate gate,
                          SubscriptionExecutor executor, TokenVerifier verifier, ObjectMapper mapper) {
        this.vertx = vertx;
        this.config = config;
        this.with = new TransportWsConnection.Collaborators(source, gate, executor, verifier, mapper);
    }

    void register(@Observes @Priority(Interceptor.Priority.APPLICATION) Router router) {
        if (config.subscriptions().enabled()) {
            router.route("/graphql").method(HttpMethod.GET).handler(this::upgrade);
        }
    }

    /** Open graphql-transport-ws connections. */
    public int openConnections() {
        return open.get();
    }

    private void upgrade(RoutingContext ctx) {
        String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            ctx.next();
            return;
        }
        if (open.incrementAndGet() > config.subscriptions().maxConnections()) {
            open.decrementAndGet();
            ctx.response().setStatusCode(503).putHeader("retry-after", "5").end("too many subscription connections");
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : config.forwardHeaders()) {
            String value = ctx.request().getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Caller caller = Caller.of(ctx, Caller.token(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
        String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
        ctx.request().toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                open.decrementAndGet();
                return;
            }
            new TransportWsConnection(vertx, ar.result(), config.subscriptions(), with, caller, headers, address,
                    open::decrementAndGet).start();
        });
    }
}
