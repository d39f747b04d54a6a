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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the suite on one machine with nothing installed: a real PostgreSQL from the embedded binaries, each
 * service from its built jar (production profile, connection settings through the environment), the demo data,
 * and the gateway composing the two subgraphs. {@link #main} runs it for people; tests call {@link #start} and
 * {@link #stop}.
 */
public final class SuiteLauncher {

    /** From a notice to its areas, their grid, the posts covering them and who is on duty there now. */
    public static final String EXAMPLE_QUERY = "{ notices(first: 2) { edges { node { number designations(level: "
            + "\"HIGH\") { text areas { fullName responsibleGrid { name } dutyPosts { name } "
            + "onDutyNow { volunteer { name } } } } } } } }";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** How the gateway reaches a subgraph; by default directly at the service's URL. */
    @FunctionalInterface
    public interface SubgraphRoute {
        String url(String subgraph, String serviceUrl);
    }

    /**
     * Where and how to run the suite: the repository root (services are found under it), ports, the folder for
     * the service logs, the route from the gateway to each subgraph, extra gateway settings ({@code -D...}) and
     * JVM options for every process started.
     */
    public record Settings(Path root, int noticePort, int volunteerPort, int gatewayPort, Path logDir,
                           SubgraphRoute route, Map<String, String> gatewayProperties, List<String> jvmOptions) {

        /** Ports from {@code -Dnotice.port}, {@code -Dvolunteer.port}, {@code -Dgateway.port} (8081, 8082, 8080). */
        public static Settings fromSystemProperties(Path root) {
            return new Settings(root, Integer.getInteger("notice.port", 8081), Integer.getInteger("volunteer.port", 8082),
                    Integer.getInteger("gateway.port", 8080), root.resolve("target"), (name, url) -> url, Map.of(),
                    List.of());
        }

        public Settings withPorts(int notice, int volunteer, int gateway) {
            return new Settings(root, notice, volunteer, gateway, logDir, route, gatewayProperties, jvmOptions);
        }

        public Settings withLogDir(Path dir) {
            return new Settings(root, noticePort, volunteerPort, gatewayPort, dir, route, gatewayProperties,
                    jvmOptions);
        }

        public Settings withRoute(SubgraphRoute r) {
            return new Settings(root, noticePort, volunteerPort, gatewayPort, logDir, r, gatewayProperties,
                    jvmOptions);
        }

        public Settings withGatewayProperty(String name, String value) {
            Map<String, String> props = new LinkedHashMap<>(gatewayProperties);
            props.put(name, value);
            return new Settings(root, noticePort, volunteerPort, gatewayPort, logDir, route, Map.copyOf(props),
                    jvmOptions);
        }

        public Settings withJvmOptions(String... options) {
            return new Settings(root, noticePort, volunteerPort, gatewayPort, logDir, route, gatewayProperties,
                    List.of(options));
        }
    }

    /** The running suite's addresses. */
    public record Suite(String noticeUrl, String volunteerUrl, String gatewayUrl, int databasePort) {
    }

    private final List<Process> processes = new ArrayList<>();
    private EmbeddedDatabase database;

    public static void main(String[] args) throws Exception {
        SuiteLauncher launcher = new SuiteLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop));
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Settings settings = Settings.fromSystemProperties(root);
        Suite suite = launcher.start(settings);
        printWelcome(settings, suite);
        new CountDownLatch(1).await();
    }

    /** Starts everything, seeds the demo data and answers once the gateway serves the composed supergraph. */
    public synchronized Suite start(Settings settings) throws Exception {
        try {
            return startAll(settings);
        } catch (Exception | Error e) {
            stop(); // nothing half-started outlives a failed start
            throw e;
        }
    }

    private Suite startAll(Settings settings) throws Exception {
        Path root = settings.root();
        System.out.println("Starting PostgreSQL (embedded binaries, throw-away data directory)");
        database = EmbeddedDatabase.start(null);
        String noticeGraphql = "http://localhost:" + settings.noticePort() + "/graphql";
        String volunteerGraphql = "http://localhost:" + settings.volunteerPort() + "/graphql";
        String gatewayGraphql = "http://localhost:" + settings.gatewayPort() + "/graphql";

        // All three start at once: the gateway composes as soon as both subgraphs answer (it retries until then).
        Process notices = launch(settings, "notice-service", settings.noticePort(), "notice.port",
                databaseEnv("NOTICE", "notices"), List.of());
        Process volunteers = launch(settings, "volunteer-service", settings.volunteerPort(), "volunteer.port",
                databaseEnv("VOLUNTEER", "volunteers"), List.of());
        List<String> gatewayArgs = new ArrayList<>();
        gatewayArgs.add("-Dgateway.subgraphs.notices.url=" + settings.route().url("notices", noticeGraphql));
        gatewayArgs.add("-Dgateway.subgraphs.volunteers.url=" + settings.route().url("volunteers", volunteerGraphql));
        settings.gatewayProperties().forEach((k, v) -> gatewayArgs.add("-D" + k + "=" + v));
        Process gateway = launch(settings, "gateway", settings.gatewayPort(), "gateway.port", Map.of(), gatewayArgs);
        waitUntilReady(settings, "notice-service", notices, settings.noticePort());
        waitUntilReady(settings, "volunteer-service", volunteers, settings.volunteerPort());

        importDemoNotices(root, noticeGraphql);
        new VolunteerDemo(new GraphQLHttp(volunteerGraphql), new GraphQLHttp(noticeGraphql)).seed();
        waitUntilReady(settings, "gateway", gateway, settings.gatewayPort());
        return new Suite(noticeGraphql, volunteerGraphql, gatewayGraphql, database.port());
    }

    private static void printWelcome(Settings settings, Suite suite) {
        System.out.println();
        System.out.println("The suite is running. Press Ctrl-C to stop it.");
        System.out.println("  PostgreSQL          localhost:" + suite.databasePort() + " (user postgres, databases notices, volunteers)");
        System.out.println("  notice-service      " + suite.noticeUrl() + "   (GraphiQL: http://localhost:" + settings.noticePort() + "/q/graphql-ui)");
        System.out.println("  volunteer-service   " + suite.volunteerUrl() + "   (GraphiQL: http://localhost:" + settings.volunteerPort() + "/q/graphql-ui)");
        System.out.println("  gateway             " + suite.gatewayUrl() + "   (both subgraphs composed; health: http://localhost:" + settings.gatewayPort() + "/q/health)");
        System.out.println();
        System.out.println("Try, through the gateway, a notice's high-risk areas with their grid, posts and who is on duty now:");
        System.out.println("  curl -s " + suite.gatewayUrl() + " -H 'Content-Type: application/json' \\");
        System.out.println("    -d '" + GraphQLHttp.json(Map.of("query", EXAMPLE_QUERY)) + "'");
        System.out.println("or the risk level of an address, from notice-service alone:");
        System.out.println("  curl -s " + suite.noticeUrl() + " -H 'Content-Type: application/json' \\");
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

    private Process launch(Settings settings, String name, int port, String portProperty, Map<String, String> env,
                           List<String> systemProperties) throws IOException {
        Path jar = settings.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./run-suite does)");
        }
        Path log = logFile(settings, name);
        Files.createDirectories(log.getParent());
        requireFreePort(name, port, portProperty);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(settings.jvmOptions());
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        System.out.println("Starting " + name + " on port " + port + " (log: " + log + ")");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static Path logFile(Settings settings, String name) {
        return settings.logDir().resolve(name + ".log");
    }

    /** Otherwise a service already listening there would answer in place of ours. */
    private static void requireFreePort(String name, int port, String portProperty) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("localhost", port));
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " for " + name + " is in use; free it or pick another with -D"
                    + portProperty + "=...");
        }
    }

    private static void waitUntilReady(Settings settings, String name, Process process, int port)
            throws InterruptedException {
        String url = "http://localhost:" + port + "/q/health/ready";
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + logFile(settings, name));
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
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT.toSeconds() + " s; see "
                + logFile(settings, name));
    }

    private static void importDemoNotices(Path root, String graphql) throws IOException {
        Path folder = root.resolve("dev-suite/demo/notices");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        GraphQLHttp notices = new GraphQLHttp(graphql);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String message = notices.run("mutation($t: String!) { importNotice(text: $t, year: 2022) { message } }",
                    Map.of("t", text)).at("/importNotice/message").asText();
            System.out.println("Imported " + file.getFileName() + ": " + message);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Stops the gateway, then the services, then PostgreSQL; safe to call more than once. */
    public synchronized void stop() {
        // Last started first: the gateway before the subgraphs it calls.
        List<Process> reversed = new ArrayList<>(processes);
        Collections.reverse(reversed);
        for (Process p : reversed) {
            p.destroy();
        }
        for (Process p : reversed) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
