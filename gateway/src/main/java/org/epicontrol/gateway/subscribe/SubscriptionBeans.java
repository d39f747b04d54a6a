package org.epicontrol.gateway.subscribe;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.execute.PlanExecutor;

/**
 * Wires subscriptions: the subgraph subscription client, the executor, and the HTTP server's WebSocket
 * subprotocol ({@code graphql-transport-ws}, which the handshake must name).
 */
@ApplicationScoped
public class SubscriptionBeans implements HttpServerOptionsCustomizer {
    private SubgraphSubscriptionClient client;

    @Produces
    @Singleton
    SubscriptionExecutor subscriptionExecutor(Vertx vertx, PlanExecutor executor, ObjectMapper mapper,
                                              GatewayConfig config) {
        client = new SubgraphSubscriptionClient(vertx, mapper, config.subgraphTimeout());
        return new SubscriptionExecutor(executor, client, mapper, config.subscriptions().deduplicate(),
                config.subscriptions().subgraphUrls());
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        List<String> protocols = new ArrayList<>(options.getWebSocketSubProtocols() == null ? List.of()
                : options.getWebSocketSubProtocols());
        if (!protocols.contains(TransportWs.SUBPROTOCOL)) {
            protocols.add(TransportWs.SUBPROTOCOL);
        }
        options.setWebSocketSubProtocols(protocols);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        customizeHttpServer(options);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }
}
