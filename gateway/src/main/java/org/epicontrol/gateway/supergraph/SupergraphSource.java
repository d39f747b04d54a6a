package org.epicontrol.gateway.supergraph;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.request.GatewaySnapshot;
import org.jboss.logging.Logger;

/**
 * Holds the supergraph in service. Loads the supergraph file at start-up and polls it for changes; a changed file
 * is parsed off the event loop and swapped in as a new immutable snapshot; a broken file is logged and the previous
 * snapshot stays in service. When {@code gateway.subgraphs} are configured, composition supplies the supergraph
 * through {@link #install} instead.
 */
@ApplicationScoped
public class SupergraphSource {
    private static final Logger LOG = Logger.getLogger(SupergraphSource.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final AtomicReference<GatewaySnapshot> current = new AtomicReference<>();
    private volatile String lastError;
    private volatile List<String> compositionHints = List.of();
    private volatile String loadedVersion;

    public SupergraphSource(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.subgraphs().isEmpty()) {
            LOG.infof("composing the supergraph from subgraphs %s; no supergraph file is read",
                    config.subgraphs().keySet());
            return;
        }
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

    /** The hints of the composition in service ({@code CODE: message}); empty for a supergraph file. */
    public List<String> compositionHints() {
        return compositionHints;
    }

    /** Puts a composed supergraph into service, with the hints its composition gave. */
    public synchronized void install(Supergraph supergraph, String origin, List<String> hints) {
        install(supergraph, origin);
        compositionHints = List.copyOf(hints);
    }

    /** Puts a supergraph into service (configured URL overrides applied); {@code origin} says where it came from. */
    public synchronized void install(Supergraph supergraph, String origin) {
        Supergraph withUrls = supergraph.withUrls(config.subgraphUrls());
        current.set(GatewaySnapshot.of(withUrls, config.planCacheSize()));
        lastError = null;
        compositionHints = List.of();
        LOG.infof("supergraph loaded from %s: subgraphs %s", origin,
                withUrls.subgraphs().stream().map(s -> s.name() + "=" + s.url()).toList());
    }

    /** Records why a new supergraph could not be loaded; the one in service (if any) stays. */
    public synchronized void loadFailed(String problem) {
        lastError = problem;
        LOG.error(problem + (current.get() != null ? " (keeping the previous supergraph)" : ""));
    }

    /** Records why the first supergraph is not there yet (e.g. subgraphs still starting); logged once per reason. */
    public synchronized void notYetLoaded(String problem) {
        if (!problem.equals(lastError)) {
            LOG.warn(problem + " (retrying)");
        }
        lastError = problem;
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
            install(SupergraphParser.parse(sdl), file.toString());
            loadedVersion = version;
            return true;
        } catch (IOException | RuntimeException e) {
            loadedVersion = version; // do not re-parse the same broken file every poll
            loadFailed("supergraph file " + file + " not loaded: " + e.getMessage());
            return false;
        }
    }
}
