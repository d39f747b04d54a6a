package org.epicontrol.gateway.http;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.testing.ShopSubgraphs;
import org.epicontrol.gateway.testing.Supergraphs;

/** Starts the shop subgraphs and writes their supergraph file for the gateway under test. */
public class ShopSubgraphsResource implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;
    private ShopSubgraphs shop;

    @Override
    public Map<String, String> start() {
        try {
            vertx = Vertx.vertx();
            shop = new ShopSubgraphs(vertx);
            Path file = Files.createTempFile("supergraph", ".graphql");
            Files.writeString(file, supergraph(shop.urls()));
            return Map.of(
                    "gateway.supergraph-file", file.toString(),
                    "gateway.supergraph-poll-interval", "200ms",
                    "gateway.subgraph-timeout", "5s",
                    "gateway.limits.max-query-bytes", "3000",
                    "gateway.limits.max-depth", "8",
                    "gateway.subgraph-urls.accounts", shop.accounts.url(),
                    "test.subgraph.accounts", shop.accounts.url(),
                    "test.subgraph.reviews", shop.urls().get("reviews"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The supergraph served, with the subgraphs' URLs. */
    protected String supergraph(Map<String, String> urls) {
        return Supergraphs.supergraph(Supergraphs.SHOP, urls);
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
