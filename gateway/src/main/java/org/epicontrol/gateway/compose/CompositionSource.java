package org.epicontrol.gateway.compose;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.epicontrol.gateway.GatewayConfig;
import org.epicontrol.gateway.execute.SubgraphClient;
import org.epicontrol.gateway.supergraph.Subgraph;
import org.epicontrol.gateway.supergraph.SupergraphSource;
import org.jboss.logging.Logger;

/**
 * With {@code gateway.subgraphs.<name>.url} configured: fetches every subgraph's {@code _service { sdl }} at
 * start-up and then every {@code gateway.subgraph-refresh-interval}, composes when an SDL changed and puts the
 * result into service, its composition hints logged at INFO and kept for the readiness check. A failed fetch or composition is logged with its readable errors and the supergraph in
 * service stays; until the first success it is retried every second.
 */
@ApplicationScoped
public class CompositionSource {
    private static final Logger LOG = Logger.getLogger(CompositionSource.class);
    private static final String SDL_QUERY = "query SubgraphSdl { _service { sdl } }";
    private static final long RETRY_MILLIS = 1000;

    private final GatewayConfig config;
    private final Vertx vertx;
    private final SubgraphClient client;
    private final SupergraphSource source;
    private volatile List<SubgraphSdl> lastInputs;
    private volatile boolean composedOnce;
    private volatile boolean stopped;
    private volatile long timer = -1;

    public CompositionSource(GatewayConfig config, Vertx vertx, SubgraphClient client, SupergraphSource source) {
        this.config = config;
        this.vertx = vertx;
        this.client = client;
        this.source = source;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.subgraphs().isEmpty()) {
            refresh().onComplete(ar -> scheduleNext());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /**
     * Fetches the SDLs and composes when they differ from the last attempt; answers whether a new supergraph went
     * into service.
     */
    public Future<Boolean> refresh() {
        // Sorted by name so that the same SDLs always compare (and compose) the same.
        Map<String, GatewayConfig.SubgraphEndpoint> endpoints = new TreeMap<>(config.subgraphs());
        List<Future<SubgraphSdl>> fetches = new ArrayList<>();
        endpoints.forEach((name, endpoint) -> fetches.add(fetchSdl(name, endpoint.url())));
        return Future.join(fetches).transform(all -> {
            if (all.failed()) {
                String problems = fetches.stream().filter(Future::failed).map(f -> f.cause().getMessage())
                        .collect(Collectors.joining("; "));
                String problem = "supergraph not composed: " + problems;
                if (composedOnce) {
                    source.loadFailed(problem);
                } else {
                    source.notYetLoaded(problem); // subgraphs often start with the gateway
                }
                return Future.succeededFuture(false);
            }
            List<SubgraphSdl> inputs = fetches.stream().map(Future::result).toList();
            if (inputs.equals(lastInputs)) {
                return Future.succeededFuture(false); // nothing changed: keep the snapshot and its plan cache
            }
            lastInputs = inputs;
            return vertx.executeBlocking(() -> composeAndInstall(inputs), false);
        });
    }

    private boolean composeAndInstall(List<SubgraphSdl> inputs) {
        String names = inputs.stream().map(SubgraphSdl::name).collect(Collectors.joining(", "));
        try {
            SupergraphComposer.Composition composition = SupergraphComposer.compose(inputs);
            LOG.debugf("composed supergraph:%n%s", composition.supergraphSdl());
            List<String> hints = composition.hints().stream().map(CompositionHint::toString).toList();
            if (!hints.isEmpty()) {
                LOG.infof("composition of %s gave %d hint(s):%n  - %s", names, hints.size(),
                        String.join("\n  - ", hints));
            }
            source.install(composition.supergraph(), "composition of " + names, hints);
            composedOnce = true;
            return true;
        } catch (CompositionException e) {
            source.loadFailed("subgraphs " + names + " do not compose: " + e.getMessage());
            return false;
        }
    }

    private Future<SubgraphSdl> fetchSdl(String name, String url) {
        Subgraph subgraph = new Subgraph(name, name, url);
        Future<Map<String, Object>> answer;
        try {
            answer = client.fetch(subgraph, new SubgraphClient.SubgraphRequest(SDL_QUERY, "SubgraphSdl", Map.of(),
                    Map.of()));
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e); // e.g. the client closed during shutdown
        }
        return answer.compose(response -> {
                    Object sdl = response.get("data") instanceof Map<?, ?> data
                            && data.get("_service") instanceof Map<?, ?> service ? service.get("sdl") : null;
                    if (sdl instanceof String s) {
                        return Future.succeededFuture(new SubgraphSdl(name, url, s));
                    }
                    return Future.failedFuture(new IllegalStateException("subgraph '" + name + "' (" + url
                            + ") answered no _service { sdl }: " + response.get("errors")));
                }, failure -> Future.failedFuture(new IllegalStateException("SDL of subgraph '" + name + "' ("
                        + url + ") not fetched: " + failure.getMessage())));
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        long interval = config.subgraphRefreshInterval().toMillis();
        if (composedOnce && interval <= 0) {
            return;
        }
        long delay = composedOnce ? Math.max(100, interval) : RETRY_MILLIS;
        timer = vertx.setTimer(delay, id -> {
            if (!stopped) {
                refresh().onComplete(ar -> scheduleNext());
            }
        });
    }
}
