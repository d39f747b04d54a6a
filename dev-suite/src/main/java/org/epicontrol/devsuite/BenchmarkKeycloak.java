package org.epicontrol.devsuite;

import org.epicontrol.testsupport.KeycloakServer;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the real Keycloak with the epidemic realm for the scripts under benchmarks/ (the services check every
 * token there, as in production), prints {@code oidc=<realm url>} and one {@code token.<user>=<access token>} per
 * demo user named as argument, then keeps running until terminated. Tokens live an hour: long enough for a run.
 */
public final class BenchmarkKeycloak {

    private BenchmarkKeycloak() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KeycloakServer keycloak = KeycloakServer.start(root.resolve("target/benchmark-keycloak"), port,
                List.of(root.resolve("k8s/keycloak/realm-epidemic.json")));
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
        keycloak.updateRealm(SuiteLauncher.Suite.REALM, "{\"accessTokenLifespan\": 3600}");
        System.out.println("oidc=" + keycloak.realmUrl(SuiteLauncher.Suite.REALM));
        for (String user : args) {
            System.out.println("token." + user + "=" + keycloak.token(SuiteLauncher.Suite.REALM, "epidemic-cli", user,
                    SuiteLauncher.Suite.DEMO_PASSWORD));
        }
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
