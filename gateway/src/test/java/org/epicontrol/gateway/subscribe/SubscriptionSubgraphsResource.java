package org.epicontrol.gateway.subscribe;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.testing.StreamingSubgraph;
import org.epicontrol.gateway.testing.SubscriptionSupergraphs;
import org.epicontrol.gateway.testing.TestSubgraph;

/**
 * Two real subgraphs for subscription tests: {@code notices} serves {@code noticePublished} over graphql-transport-ws
 * ({@link StreamingSubgraph}), {@code volunteers} contributes {@code Notice.volunteersOnCall} through
 * {@code _entities} over HTTP. Writes their supergraph for the gateway under test.
 */
public class SubscriptionSubgraphsResource implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;
    private StreamingSubgraph notices;
    private TestSubgraph volunteers;

    @Override
    public Map<String, String> start() {
        try {
            vertx = Vertx.vertx();
            notices = new StreamingSubgraph(vertx);
            volunteers = TestSubgraph.builder("volunteers", """
                            type Query { ping: Int }
                            type Notice @key(fields: "id") { id: ID! volunteersOnCall: Int! }
                            """)
                    .entity("Notice", rep -> Map.of("id", rep.get("id"),
                            "volunteersOnCall", String.valueOf(rep.get("id")).length() * 10))
                    .start(vertx);
            Path file = Files.createTempFile("supergraph", ".graphql");
            Files.writeString(file, SubscriptionSupergraphs.supergraph(Map.of("notices", notices.url(),
                    "volunteers", volunteers.url())));
            Map<String, String> config = new LinkedHashMap<>();
            config.put("gateway.supergraph-file", file.toString());
            config.put("gateway.subgraph-timeout", "5s");
            config.put("gateway.subscriptions.connection-init-timeout", "2s");
            config.put("gateway.subscriptions.max-subscriptions-per-connection", "3");
            config.put("gateway.subscriptions.max-pending-messages", "8");
            config.put("test.notices.control", notices.controlUrl());
            config.put("test.volunteers.url", volunteers.url());
            // injected by other test classes of this app (their own resources set it)
            config.put("test.subgraph.accounts", volunteers.url());
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        notices.close();
        volunteers.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the JVM ends anyway
        }
    }
}
