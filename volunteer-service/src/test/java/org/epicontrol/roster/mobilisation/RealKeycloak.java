package org.epicontrol.roster.mobilisation;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.epicontrol.testsupport.KeycloakServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak (test-support's {@link KeycloakServer}, its Maven Central distribution) with the suite's realm
 * file {@code k8s/keycloak/realm-epidemic.json}, for the one test class that grants roles in it; the service's admin
 * client is pointed at it with the realm's demo client secret. The server is injected into the test's
 * {@code KeycloakServer} field, so that the test can stop and start it.
 */
public class RealKeycloak implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_SECRET = "demo-volunteer-service-secret";

    private KeycloakServer server;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            Path root = Path.of(System.getProperty("user.dir")).getParent();
            server = KeycloakServer.start(Path.of("target/keycloak-test"), port,
                    List.of(root.resolve("k8s/keycloak/realm-epidemic.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of("keycloak-admin.enabled", "true", "keycloak-admin.url", server.url(),
                "keycloak-admin.client-secret", CLIENT_SECRET);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(KeycloakServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
