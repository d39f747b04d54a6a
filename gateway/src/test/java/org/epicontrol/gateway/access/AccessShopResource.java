package org.epicontrol.gateway.access;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epicontrol.gateway.testing.AccessSupergraphs;
import org.epicontrol.gateway.testing.ShopSubgraphs;

/** The shop subgraphs, served through a supergraph with access directives ({@link AccessSupergraphs#SHOP}). */
public class AccessShopResource implements QuarkusTestResourceLifecycleManager {
    private Vertx vertx;
    private ShopSubgraphs shop;

    @Override
    public Map<String, String> start() {
        try {
            vertx = Vertx.vertx();
            shop = new ShopSubgraphs(vertx);
            Path file = Files.createTempFile("supergraph-access", ".graphql");
            Files.writeString(file, AccessSupergraphs.supergraph(AccessSupergraphs.SHOP, shop.urls()));
            return Map.of("gateway.supergraph-file", file.toString(),
                    "test.subgraph.accounts", shop.accounts.url(),
                    "test.subgraph.reviews", shop.urls().get("reviews"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
