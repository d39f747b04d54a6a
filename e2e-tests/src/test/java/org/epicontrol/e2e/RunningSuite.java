package org.epicontrol.e2e;

import org.epicontrol.devsuite.SuiteLauncher;
import org.epicontrol.testsupport.KeycloakServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real suite (PostgreSQL, Keycloak, services, gateway), started once per test run through {@link SuiteLauncher}
 * on free ports, with a {@link CountingProxy} between the gateway and each subgraph, and between each volunteer-service
 * process and notice-service's area-event feed.
 */
final class RunningSuite implements AutoCloseable {
    private final SuiteLauncher launcher = new SuiteLauncher();
    private final Map<String, CountingProxy> proxies = new ConcurrentHashMap<>();
    private SuiteLauncher.Settings settings;
    private SuiteLauncher.Suite suite;

    static RunningSuite start() {
        RunningSuite running = new RunningSuite();
        try {
            int[] ports = freePorts(5);
            Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
            running.settings = SuiteLauncher.Settings.fromSystemProperties(root)
                    .withPorts(ports[0], ports[1], ports[2], ports[3])
                    .withWebPort(ports[4])
                    // a second realm: its tokens are well signed, but by an issuer the services do not trust
                    .withExtraRealm(root.resolve("e2e-tests/src/test/resources/keycloak/realm-elsewhere.json"))
                    .withLogDir(root.resolve("e2e-tests/target/suite-logs"))
                    .withRoute((name, serviceUrl) -> running.proxies
                            .computeIfAbsent(name, n -> CountingProxy.start(serviceUrl)).url())
                    // Composed once at start-up: no SDL polling may show up in the request counts.
                    .withGatewayProperty("gateway.subgraph-refresh-interval", "0s")
                    // The proxies speak HTTP only: subscriptions (WebSocket) go to the services themselves.
                    .withGatewayProperty("gateway.subscriptions.subgraph-urls.notices",
                            "http://localhost:" + ports[0] + "/graphql")
                    .withGatewayProperty("gateway.subscriptions.subgraph-urls.volunteers",
                            "http://localhost:" + ports[1] + "/graphql")
                    // Short-lived JVMs: quick compilation and a small collector start faster on few cores.
                    // Alerts escalate after a day, not 30 min: the schema-wide walk knows each alert's audience from
                    // one look-up, and a run on a busy machine can outlast 30 min (volunteer-service's own tests
                    // cover escalation). Residents' requests likewise (the demo's urgent request stays unassigned).
                    .withJvmOptions("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-D%prod.alerts.escalate-after=P1D",
                            "-D%prod.requests.urgent-unassigned-after=P1D", "-D%prod.requests.escalate-after=P1D");
            running.suite = running.launcher.start(running.settings);
            return running;
        } catch (Exception e) {
            running.close();
            throw new IllegalStateException("the suite did not start: " + e.getMessage(), e);
        }
    }

    String gatewayUrl() {
        return suite.gatewayUrl();
    }

    /** The web console's page (the suite's web module, configured for this suite's Keycloak and gateway). */
    String webUrl() {
        return suite.webUrl();
    }

    String volunteerUrl() {
        return suite.volunteerUrl();
    }

    String noticeUrl() {
        return suite.noticeUrl();
    }

    /** The realm file the suite's Keycloak imported: the demo users with their roles and groups. */
    Path realmFile() {
        return settings.root().resolve("k8s/keycloak/realm-epidemic.json");
    }

    /** An access token of a demo user (k8s/keycloak/realm-epidemic.json) from the suite's real Keycloak. */
    String token(String username) {
        return suite.token(username);
    }

    KeycloakServer keycloak() {
        return suite.keycloak();
    }

    /** The output of the suite's process {@code name}: notice-service, volunteer-service or gateway. */
    Path log(String name) {
        return settings.logFile(name);
    }

    /** The suite's own process of notice-service or volunteer-service. */
    SuiteLauncher.ServiceProcess service(String module) {
        return launcher.service(module);
    }

    /** One more process of notice-service or volunteer-service, on a free port, beside the suite's own. */
    SuiteLauncher.ServiceProcess startReplica(String service) {
        try {
            return launcher.startReplica(settings, service, freePort());
        } catch (IOException e) {
            throw new IllegalStateException(service + " did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the suite's own process of {@code module} (notice-service or volunteer-service) hard, as
     * {@code kill -9} does, and returns once it has exited.
     */
    void kill(String module) throws InterruptedException {
        launcher.kill(module);
    }

    /** Starts the suite's own process of {@code module} again after {@link #kill}, on its port; returns once ready. */
    SuiteLauncher.ServiceProcess restart(String module) {
        try {
            return launcher.restart(settings, module);
        } catch (IOException e) {
            throw new IllegalStateException(module + " did not start again: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Restarts the suite's PostgreSQL (fast shutdown, every session cut) on its port, keeping its data. */
    void restartDatabase() {
        launcher.restartDatabase();
    }

    /** A connection to the suite's database {@code notices} or {@code volunteers}. */
    Connection connectToDatabase(String database) throws SQLException {
        return suite.connectToDatabase(database);
    }

    /** The proxy in front of subgraph {@code notices} or {@code volunteers}. */
    CountingProxy proxy(String subgraph) {
        return proxies.get(subgraph);
    }

    /**
     * The proxy through which the volunteer-service process {@code process} ({@code volunteer-service}, or a
     * replica's name) reads notice-service's area-event feed.
     */
    CountingProxy feedProxy(String process) {
        CountingProxy proxy = proxies.get(SuiteLauncher.feedRoute(process));
        if (proxy == null) {
            throw new IllegalStateException("no volunteer-service process " + process + " reads the feed");
        }
        return proxy;
    }

    /** The proxies of every volunteer-service process's feed: all of them stopped, none reads it. */
    List<CountingProxy> feedProxies() {
        String feedRoutes = SuiteLauncher.feedRoute(""); // the routes' common prefix
        return proxies.entrySet().stream().filter(e -> e.getKey().startsWith(feedRoutes))
                .map(Map.Entry::getValue).toList();
    }

    void resetCounts() {
        proxies.values().forEach(CountingProxy::reset);
    }

    @Override
    public void close() {
        launcher.stop();
        proxies.values().forEach(CountingProxy::close);
    }

    /** Distinct free ports: each socket stays bound until all are chosen, so none is handed out twice. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
