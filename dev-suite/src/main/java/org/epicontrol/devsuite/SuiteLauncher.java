package org.epicontrol.devsuite;

import org.epicontrol.testsupport.EmbeddedDatabase;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs the suite on one machine with nothing installed: a real PostgreSQL from the embedded binaries, each
 * service from its built jar (production profile, connection settings through the environment), then the demo data.
 */
public final class SuiteLauncher {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> services = new ArrayList<>();
    private EmbeddedDatabase database;

    public static void main(String[] args) throws Exception {
        SuiteLauncher launcher = new SuiteLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop));
        launcher.start(Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize());
        new CountDownLatch(1).await();
    }

    void start(Path root) throws Exception {
        Path data = Files.createTempDirectory("epicontrol-suite-pg");
        System.out.println("Starting PostgreSQL (embedded binaries) in " + data);
        database = EmbeddedDatabase.start(data);
        int noticePort = Integer.getInteger("notice.port", 8081);
        int volunteerPort = Integer.getInteger("volunteer.port", 8082);
        startService(root, "notice-service", noticePort, databaseEnv("NOTICE", "notices"));
        startService(root, "volunteer-service", volunteerPort, databaseEnv("VOLUNTEER", "volunteers"));
        String noticeGraphql = "http://localhost:" + noticePort + "/graphql";
        String volunteerGraphql = "http://localhost:" + volunteerPort + "/graphql";
        importDemoNotices(root, noticeGraphql);
        new VolunteerDemo(new GraphQLHttp(volunteerGraphql), new GraphQLHttp(noticeGraphql)).seed();

        System.out.println();
        System.out.println("The suite is running. Press Ctrl-C to stop it.");
        System.out.println("  PostgreSQL          localhost:" + database.port() + " (user postgres, databases notices, volunteers)");
        System.out.println("  notice-service      " + noticeGraphql + "   (GraphiQL: http://localhost:" + noticePort + "/q/graphql-ui)");
        System.out.println("  volunteer-service   " + volunteerGraphql + "   (GraphiQL: http://localhost:" + volunteerPort + "/q/graphql-ui)");
        System.out.println();
        System.out.println("Try:");
        System.out.println("  curl -s " + noticeGraphql + " -H 'Content-Type: application/json' \\");
        System.out.println("    -d '{\"query\":\"{ riskLevel(address: \\\"晋阳紫城4号楼10单元\\\", asOf: \\\"2022-11-30\\\") "
                + "{ level { name } notice { number } designation { text } } }\"}'");
    }

    /** One database and its connection settings per service, as in production. */
    private Map<String, String> databaseEnv(String prefix, String name) {
        database.createDatabase(name);
        return Map.of(
                prefix + "_DB_URL", database.reactiveUrl(name),
                prefix + "_DB_JDBC_URL", database.jdbcUrl(name),
                prefix + "_DB_USER", database.user(),
                prefix + "_DB_PASSWORD", "");
    }

    private void startService(Path root, String name, int port, Map<String, String> env) throws Exception {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./run-suite does)");
        }
        Path log = root.resolve("target").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        requireFreePort(name, port);
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        System.out.println("Starting " + name + " on port " + port + " (log: " + log + ")");
        Process process = builder.start();
        services.add(process);
        waitUntilReady(name, process, "http://localhost:" + port + "/q/health/ready", Duration.ofSeconds(90), log);
    }

    /** Otherwise a service already listening there would answer in place of ours. */
    private static void requireFreePort(String name, int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("localhost", port));
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " for " + name + " is in use; free it or pick another with -D"
                    + name.replace("-service", "") + ".port=...");
        }
    }

    private static void waitUntilReady(String name, Process process, String url, Duration timeout, Path log)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s");
    }

    private static void importDemoNotices(Path root, String graphql) throws IOException, InterruptedException {
        Path folder = root.resolve("dev-suite/demo/notices");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String body = "{\"query\":\"mutation($t: String!) { importNotice(text: $t, year: 2022) { created message } }\","
                    + "\"variables\":{\"t\":" + jsonString(text) + "}}";
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(graphql))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            System.out.println("Imported " + file.getFileName() + ": " + response.body());
        }
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    void stop() {
        for (Process p : services) {
            p.destroy();
        }
        for (Process p : services) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.close();
        }
    }
}
