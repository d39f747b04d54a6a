package org.epicontrol.gateway.compose;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.testing.ShopSubgraphs;

/** Starts the shop subgraphs and configures the gateway with their URLs only: it must compose them itself. */
public class ShopSubgraphsByUrlResource implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;
    private ShopSubgraphs shop;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        shop = new ShopSubgraphs(vertx);
        Map<String, String> config = new HashMap<>();
        shop.urls().forEach((name, url) -> {
            config.put("gateway.subgraphs." + name + ".url", url);
            config.put("test.subgraph." + name, url);
        });
        config.put("gateway.subgraph-refresh-interval", "200ms");
        // Never read with subgraphs configured (other test classes of this app inject the setting).
        config.put("gateway.supergraph-file", "missing-and-ignored.graphql");
        config.put("gateway.subgraph-timeout", "5s");
        return config;
    }

    @Override
    public void stop() {
        shop.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the JVM ends anyway
        }
    }
}
