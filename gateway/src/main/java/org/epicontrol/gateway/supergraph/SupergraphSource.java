package org.epicontrol.gateway.supergraph;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.jboss.logging.Logger;

/**
 * Loads the supergraph file at start-up and polls it for changes. A changed file is parsed off the event loop and
 * swapped in as a new immutable snapshot; a broken file is logged and the previous snapshot stays in service.
 */
@ApplicationScoped
public class SupergraphSource {
    private static final Logger LOG = Logger.getLogger(SupergraphSource.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final AtomicReference<GatewaySnapshot> current = new AtomicReference<>();
    private volatile String lastError;
    private volatile String loadedVersion;

    public SupergraphSource(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.supergraphFile().isEmpty()) {
            lastError = "gateway.supergraph-file is not set";
            LOG.warn(lastError);
            return;
        }
        Path file = Path.of(config.supergraphFile().get());
        reload(file);
        vertx.setPeriodic(Math.max(100, config.supergraphPollInterval().toMillis()), id ->
                vertx.executeBlocking(() -> {
                    reload(file);
                    return null;
                }, false));
    }

    /** The snapshot requests should use, or null before the first successful load. */
    public GatewaySnapshot current() {
        return current.get();
    }

    public String lastError() {
        return lastError;
    }

    /** Parses the file when it differs from the loaded version; returns whether a new snapshot is in service. */
    public synchronized boolean reload(Path file) {
        String version;
        try {
            version = Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            lastError = "cannot read supergraph file " + file + ": " + e.getMessage();
            return false;
        }
        if (version.equals(loadedVersion)) {
            return false;
        }
        try {
            String sdl = Files.readString(file, StandardCharsets.UTF_8);
            Supergraph supergraph = SupergraphParser.parse(sdl).withUrls(config.subgraphUrls());
            current.set(GatewaySnapshot.of(supergraph, config.planCacheSize()));
            loadedVersion = version;
            lastError = null;
            LOG.infof("supergraph loaded from %s: subgraphs %s", file,
                    supergraph.subgraphs().stream().map(s -> s.name() + "=" + s.url()).toList());
            return true;
        } catch (IOException | RuntimeException e) {
            loadedVersion = version; // do not re-parse the same broken file every poll
            lastError = "supergraph file " + file + " not loaded: " + e.getMessage();
            LOG.error(lastError + (current.get() != null ? " (keeping the previous supergraph)" : ""));
            return false;
        }
    }
}
