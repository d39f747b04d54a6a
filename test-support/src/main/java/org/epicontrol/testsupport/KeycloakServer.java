package org.epicontrol.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak, run from the {@code keycloak-quarkus-dist} zip of Maven Central on the machine's JDK (no Docker):
 * unpacked once into a work folder, started in dev mode with the given realm files imported on a fresh database.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = System.getProperty("keycloak.version", "26.7.3");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("keycloak.start-timeout", 240));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CLIENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Path home;
    private final int port;
    private final List<String> realms;
    private final Path log;
    private final String adminPassword = UUID.randomUUID().toString();
    private Process process;

    private KeycloakServer(Path home, int port, List<String> realms, Path log) {
        this.home = home;
        this.port = port;
        this.realms = realms;
        this.log = log;
    }

    /**
     * Unpacks the distribution into {@code workDir} if needed and starts it on {@code port} with the realms of
     * {@code realmFiles} imported into an empty database. Answers once every realm serves its OIDC discovery document.
     */
    public static KeycloakServer start(Path workDir, int port, List<Path> realmFiles) throws IOException, InterruptedException {
        Path home = unpack(distributionZip(), workDir);
        Path data = home.resolve("data");
        deleteTree(data);
        Path imports = Files.createDirectories(data.resolve("import"));
        List<String> realms = realmFiles.stream().map(f -> f.getFileName().toString().replaceFirst("^realm-", "")
                .replaceFirst("\\.json$", "")).toList();
        for (Path file : realmFiles) {
            Files.copy(file, imports.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        KeycloakServer server = new KeycloakServer(home, port, realms, workDir.resolve("keycloak.log"));
        server.launch(true);
        return server;
    }

    /** The zip from {@code -Dkeycloak.dist.zip} (set by the build) or the local Maven repository. */
    static Path distributionZip() {
        String configured = System.getProperty("keycloak.dist.zip");
        Path zip = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"),
                "org/keycloak/keycloak-quarkus-dist", VERSION, "keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip + "; the build resolves it "
                    + "(org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip)");
        }
        return zip;
    }

    private static Path unpack(Path zip, Path workDir) throws IOException {
        Path home = workDir.resolve("keycloak-" + VERSION);
        Path marker = home.resolve(".unpacked");
        if (Files.exists(marker)) {
            return home;
        }
        deleteTree(home);
        Files.createDirectories(workDir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                // entries are "keycloak-<version>/..."; strip that first element
                String name = entry.getName().replaceFirst("^[^/]+/?", "");
                Path target = home.resolve(name).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(marker, zip.toString());
        return home;
    }

    private void launch(boolean importRealms) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(),
                "start-dev", "--http-port=" + port, "--http-host=127.0.0.1"));
        if (importRealms) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-XX:MaxRAMPercentage=10 -Xms64m -Xmx512m");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        waitUntilReady();
    }

    private void waitUntilReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (String realm : realms) {
            URI discovery = URI.create(realmUrl(realm) + "/.well-known/openid-configuration");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("Keycloak not ready within " + START_TIMEOUT.toSeconds() + " s; see " + log);
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(discovery).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The issuer and OIDC base URL of a realm, e.g. for {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    /** An access token by the password grant, as a script or test would get one. */
    public String token(String realm, String clientId, String username, String password) {
        String form = Stream.of(Map.entry("grant_type", "password"), Map.entry("client_id", clientId),
                        Map.entry("username", username), Map.entry("password", password), Map.entry("scope", "openid"))
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + username + " from " + realm + ": "
                        + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts again after {@link #stop()} on the same port and database: keys and realms survive, as after a pod restart. */
    public void startAgain() throws IOException, InterruptedException {
        if (process == null) {
            launch(false);
        }
    }

    /** A token of the master realm's admin, for the admin REST API ({@code /admin/realms/...}). */
    public String adminToken() {
        return token("master", "admin-cli", "admin", adminPassword);
    }

    /**
     * Changes realm settings through the admin REST API with a partial realm representation, e.g.
     * {@code {"accessTokenLifespan": 2}}; only the fields given change.
     */
    public void updateRealm(String realm, String partialRealmJson) {
        String admin = token("master", "admin-cli", "admin", adminPassword);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + realm))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(partialRealmJson)).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("realm update refused: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Lets a browser page at {@code origin} (e.g. {@code http://localhost:8083}) call the token endpoint of the public
     * client {@code clientId}: Keycloak derives no CORS origin from a redirect URI with a wildcard port
     * ({@code http://localhost:*}), so a page on a port chosen at run time must be named (admin API, this server only).
     */
    public void allowWebOrigin(String realm, String clientId, String origin) {
        String admin = token("master", "admin-cli", "admin", adminPassword);
        String clients = url() + "/admin/realms/" + realm + "/clients";
        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + admin).GET().build());
        Matcher id = CLIENT_ID.matcher(found.body());
        if (found.statusCode() != 200 || !id.find()) {
            throw new IllegalStateException("no client " + clientId + " in " + realm + ": " + found.body());
        }
        // a partial representation: Keycloak updates the fields it carries only
        String body = "{\"webOrigins\": [\"+\", \"" + origin + "\"]}";
        HttpResponse<String> updated = send(HttpRequest.newBuilder(URI.create(clients + "/" + id.group(1)))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        if (updated.statusCode() / 100 != 2) {
            throw new IllegalStateException("client update refused: " + updated.statusCode() + " " + updated.body());
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        if (process == null) {
            return;
        }
        // kc.sh starts the server's JVM as its child: both go
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
