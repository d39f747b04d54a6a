package org.epicontrol.devsuite;

import org.epicontrol.testsupport.EmbeddedDatabase;
import org.epicontrol.testsupport.KeycloakServer;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the suite on one machine with nothing installed: a real PostgreSQL from the embedded binaries, a real
 * Keycloak from its Maven Central distribution with the epidemic realm, each service from its built jar (production
 * profile, connection settings through the environment), the demo data, and the gateway composing the two subgraphs. {@link #main} runs it for people; tests call {@link #start} and
 * {@link #stop}, and {@link #startReplica} for one more process of a service.
 */
public final class SuiteLauncher {

    /** From a notice to its areas, their grid, the posts covering them and who is on duty there now. */
    public static final String EXAMPLE_QUERY = "{ notices(first: 2) { edges { node { number designations(level: "
            + "\"HIGH\") { text areas { fullName responsibleGrid { name } dutyPosts { name } "
            + "onDutyNow { volunteer { name } } } } } } } }";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Per process; -Dsuite.start-timeout=<seconds> for a machine busy with other builds (120 s by default). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("suite.start-timeout", 120));

    /**
     * How a process reaches a subgraph: the gateway each one by its name ({@code notices}, {@code volunteers}), each
     * volunteer-service process notice-service's area-event feed by {@link #feedRoute}; by default directly at the
     * service's URL.
     */
    @FunctionalInterface
    public interface SubgraphRoute {
        String url(String subgraph, String serviceUrl);
    }

    /**
     * Where and how to run the suite: the repository root (services are found under it), ports, the folder for
     * the service logs, the route from the gateway to each subgraph, extra gateway settings ({@code -D...}) and
     * JVM options for every process started.
     */
    public record Settings(Path root, int noticePort, int volunteerPort, int gatewayPort, int keycloakPort,
                           Path logDir, SubgraphRoute route, Map<String, String> gatewayProperties,
                           List<String> jvmOptions, List<Path> realmFiles, int webPort) {

        public Settings {
            // Two processes told the same port: the one that binds first answers for both (a volunteer-service
            // answering notice-service's readiness check and its seeding), which is far harder to read than this.
            if (java.util.stream.IntStream.of(noticePort, volunteerPort, gatewayPort, keycloakPort, webPort).distinct().count() < 5) {
                throw new IllegalArgumentException("the suite needs five different ports, got notice " + noticePort
                        + ", volunteer " + volunteerPort + ", gateway " + gatewayPort + ", keycloak " + keycloakPort
                        + ", web " + webPort);
            }
        }

        /**
         * Ports from {@code -Dnotice.port}, {@code -Dvolunteer.port}, {@code -Dgateway.port}, {@code -Dkeycloak.port}
         * (8081, 8082, 8080, 8180) and {@code -Dweb.port} for the web console (8083); the realm of {@code k8s/keycloak}.
         */
        public static Settings fromSystemProperties(Path root) {
            return new Settings(root, Integer.getInteger("notice.port", 8081), Integer.getInteger("volunteer.port", 8082),
                    Integer.getInteger("gateway.port", 8080), Integer.getInteger("keycloak.port", 8180),
                    root.resolve("target"), (name, url) -> url, Map.of(), List.of(),
                    List.of(root.resolve("k8s/keycloak/realm-epidemic.json")), Integer.getInteger("web.port", 8083));
        }

        public Settings withPorts(int notice, int volunteer, int gateway, int keycloak) {
            return new Settings(root, notice, volunteer, gateway, keycloak, logDir, route, gatewayProperties,
                    jvmOptions, realmFiles, webPort);
        }

        public Settings withWebPort(int port) {
            return new Settings(root, noticePort, volunteerPort, gatewayPort, keycloakPort, logDir, route,
                    gatewayProperties, jvmOptions, realmFiles, port);
        }

        /** The web console's address (Keycloak lets the public client back to any http://localhost port). */
        public String webUrl() {
            return "http://localhost:" + webPort + "/";
        }

        public Settings withLogDir(Path dir) {
            return new Settings(root, noticePort, volunteerPort, gatewayPort, keycloakPort, dir, route,
                    gatewayProperties, jvmOptions, realmFiles, webPort);
        }

        public Settings withRoute(SubgraphRoute r) {
            return new Settings(root, noticePort, volunteerPort, gatewayPort, keycloakPort, logDir, r,
                    gatewayProperties, jvmOptions, realmFiles, webPort);
        }

        public Settings withGatewayProperty(String name, String value) {
            Map<String, String> props = new LinkedHashMap<>(gatewayProperties);
            props.put(name, value);
            return new Settings(root, noticePort, volunteerPort, gatewayPort, keycloakPort, logDir, route,
                    Map.copyOf(props), jvmOptions, realmFiles, webPort);
        }

        public Settings withJvmOptions(String... options) {
            return new Settings(root, noticePort, volunteerPort, gatewayPort, keycloakPort, logDir, route,
                    gatewayProperties, List.of(options), realmFiles, webPort);
        }

        /** Where the output (stdout and stderr) of the process {@code name} goes. */
        public Path logFile(String name) {
            return logDir.resolve(name + ".log");
        }

        /** Imports these realms too (the epidemic realm always). */
        public Settings withExtraRealm(Path file) {
            List<Path> files = new ArrayList<>(realmFiles);
            files.add(file);
            return new Settings(root, noticePort, volunteerPort, gatewayPort, keycloakPort, logDir, route,
                    gatewayProperties, jvmOptions, List.copyOf(files), webPort);
        }
    }

    /** The running suite's addresses, and its Keycloak for tokens. */
    public record Suite(String noticeUrl, String volunteerUrl, String gatewayUrl, int databasePort,
                        KeycloakServer keycloak, String webUrl) {

        /** The realm every service trusts. */
        public static final String REALM = "epidemic";
        /** The demo users' password (realm file; trial and development only). */
        public static final String DEMO_PASSWORD = "demo";

        /** An access token of a demo user of the epidemic realm, by the password grant of the CLI client. */
        public String token(String username) {
            return keycloak.token(REALM, "epidemic-cli", username, DEMO_PASSWORD);
        }

        /** A connection to one of the suite's databases ({@code notices}, {@code volunteers}) as its superuser. */
        public Connection connectToDatabase(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/" + database,
                    "postgres", "");
        }
    }

    /** A service process started by {@link #startReplica}. */
    public record ServiceProcess(String name, int port, Process process, Path log) {

        /** {@code path} on this process, e.g. {@code /graphql} or {@code /q/health/ready}. */
        public URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    /** A subgraph service: its module, the prefix of its database variables and its database. */
    private record Subgraph(String module, String envPrefix, String database) {
    }

    private static final List<Subgraph> SUBGRAPHS = List.of(
            new Subgraph("notice-service", "NOTICE", "notices"),
            new Subgraph("volunteer-service", "VOLUNTEER", "volunteers"));

    private final List<Process> processes = new ArrayList<>();
    /** What the demo shows below the checkpoint (issue 13), for the closing lines. */
    private volatile HouseholdDemo.Shown households;
    /** The suite's own process of each service, by module. */
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private EmbeddedDatabase database;
    private volatile KeycloakServer keycloak;

    public static void main(String[] args) throws Exception {
        SuiteLauncher launcher = new SuiteLauncher();
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop));
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Settings settings = Settings.fromSystemProperties(root);
        Suite suite = launcher.start(settings);
        printWelcome(settings, suite);
        launcher.printBelowTheCheckpoint();
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
        requireFreePort("keycloak", settings.keycloakPort(), "keycloak.port");
        // Keycloak takes longest (~30-70 s); it starts beside everything else. The services find it on the first
        // request with a token, not at start-up.
        System.out.println("Starting Keycloak " + KeycloakServer.VERSION + " on port " + settings.keycloakPort()
                + " (realm epidemic; log: " + settings.logDir().resolve("keycloak/keycloak.log") + ")");
        CompletableFuture<KeycloakServer> keycloakStart = CompletableFuture.supplyAsync(() -> {
            try {
                keycloak = KeycloakServer.start(settings.logDir().resolve("keycloak"), settings.keycloakPort(),
                        settings.realmFiles());
                return keycloak;
            } catch (IOException e) {
                throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        String oidcUrl = oidcUrl(settings);
        System.out.println("Starting PostgreSQL (embedded binaries, throw-away data directory)");
        database = EmbeddedDatabase.start(null);
        String noticeGraphql = noticeGraphql(settings);
        String volunteerGraphql = "http://localhost:" + settings.volunteerPort() + "/graphql";
        String gatewayGraphql = "http://localhost:" + settings.gatewayPort() + "/graphql";

        // All three start at once: the gateway composes as soon as both subgraphs answer (it retries until then).
        Process notices = launch(settings, "notice-service", "notice-service", settings.noticePort(), "notice.port",
                suiteEnv(serviceEnv(settings, "notice-service", "notice-service"), oidcUrl), List.of());
        Process volunteers = launch(settings, "volunteer-service", "volunteer-service", settings.volunteerPort(),
                "volunteer.port", suiteEnv(serviceEnv(settings, "volunteer-service", "volunteer-service"), oidcUrl),
                List.of());
        services.put("notice-service", new ServiceProcess("notice-service", settings.noticePort(), notices,
                settings.logFile("notice-service")));
        services.put("volunteer-service", new ServiceProcess("volunteer-service", settings.volunteerPort(), volunteers,
                settings.logFile("volunteer-service")));
        List<String> gatewayArgs = new ArrayList<>();
        gatewayArgs.add("-Dgateway.subgraphs.notices.url=" + settings.route().url("notices", noticeGraphql));
        gatewayArgs.add("-Dgateway.subgraphs.volunteers.url=" + settings.route().url("volunteers", volunteerGraphql));
        // The web console sends its operations by hash: the gateway knows them from the console's build (mode off:
        // other callers still send any document).
        gatewayArgs.add("-Dgateway.trusted-documents.manifest-file=" + webConsoleManifest(root));
        settings.gatewayProperties().forEach((k, v) -> gatewayArgs.add("-D" + k + "=" + v));
        Process gateway = launch(settings, "gateway", "gateway", settings.gatewayPort(), "gateway.port",
                // Production rate limits would throttle the e2e tests and benchmarks, which send everything from one
                // address and a few tokens (a test that wants them: -D%prod.gateway.rate-limit.enabled=true).
                suiteEnv(Map.of("GATEWAY_RATE_LIMIT_ENABLED", "false",
                        // @policy decisions from Keycloak Authorization Services, as client gateway (realm file)
                        "GATEWAY_OIDC_CLIENT_SECRET", GATEWAY_DEMO_SECRET,
                        // the console's page calls the gateway from its own origin
                        "QUARKUS_HTTP_CORS_ORIGINS", settings.webUrl().replaceAll("/$", "")), oidcUrl), gatewayArgs);
        Process web = launch(settings, "web", "web", settings.webPort(), "web.port", Map.of(
                "CONSOLE_KEYCLOAK_URL", "http://127.0.0.1:" + settings.keycloakPort(),
                "CONSOLE_GRAPHQL_URL", gatewayGraphql,
                "QUARKUS_LOG_JSON_CONSOLE_ENABLED", "false"), List.of());
        waitUntilReady(settings, "notice-service", notices, settings.noticePort());
        waitUntilReady(settings, "volunteer-service", volunteers, settings.volunteerPort());
        requireAlive(settings, "notice-service", notices); // ready, and it was this process that answered
        try {
            keycloakStart.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
        Suite suite = new Suite(noticeGraphql, volunteerGraphql, gatewayGraphql, database.port(), keycloak,
                settings.webUrl());
        Integer lifespan = Integer.getInteger("keycloak.access-token-lifespan");
        if (lifespan != null) {
            // benchmarks run longer than the realm's 5-minute tokens
            keycloak.updateRealm(Suite.REALM, "{\"accessTokenLifespan\": " + lifespan + "}");
        }

        // the console's page exchanges its code at Keycloak's token endpoint from its own origin (CORS)
        keycloak.allowWebOrigin(Suite.REALM, "epidemic-web", settings.webUrl().replaceAll("/$", ""));
        seedDemo(root, suite);
        waitUntilReady(settings, "gateway", gateway, settings.gatewayPort());
        waitUntilReady(settings, "web", web, settings.webPort());
        return suite;
    }

    /**
     * The demo in the order a city works: the notices arrive (imported as drafts), the community's organisation is
     * set up with its grids linked to the compounds they name, then the notices are published, and volunteer-service
     * reads them from notice-service's feed and opens the responses they call for. Returns once it has handled
     * every event the publications wrote, so that the suite starts with the demo's live responses in place.
     */
    private void seedDemo(Path root, Suite suite) throws IOException, InterruptedException {
        GraphQLHttp notices = new GraphQLHttp(suite.noticeUrl());
        List<DemoSeeding.Draft> drafts = DemoSeeding.importDrafts(root, notices, suite);
        String sysadmin = suite.token("sysadmin");
        VolunteerDemo.Units units = new VolunteerDemo(new GraphQLHttp(suite.volunteerUrl()).bearer(sysadmin),
                notices.bearer(sysadmin)).seed();
        DemoSeeding.publish(drafts, notices, suite);
        FeedCatchUp.await(notices, suite.volunteerUrl());
        households = new HouseholdDemo(new GraphQLHttp(suite.volunteerUrl()), suite).seed(root, units);
    }

    /**
     * The route name by which the volunteer-service process {@code process} (its log's name, e.g.
     * {@code volunteer-service} or a replica's {@code volunteer-service-41237}) reads notice-service's feed: one per
     * process, so that a test can cut one replica off the feed and leave the others.
     */
    public static String feedRoute(String process) {
        return "notice-feed:" + process;
    }

    /** The running suite's own process of {@code module} (notice-service or volunteer-service). */
    public synchronized ServiceProcess service(String module) {
        ServiceProcess process = services.get(module);
        if (process == null) {
            throw new IllegalStateException(module + " is not running in this suite");
        }
        return process;
    }

    /**
     * Starts one more process of notice-service or volunteer-service on {@code port}, on the running suite's
     * database and Keycloak, as Kubernetes starts another replica; returns once it is ready. Its log is
     * {@code <service>-<port>.log}; {@link #stop} ends it with the rest unless it has ended before.
     */
    public synchronized ServiceProcess startReplica(Settings settings, String service, int port)
            throws IOException, InterruptedException {
        if (database == null) {
            throw new IllegalStateException("the suite is not running");
        }
        String name = service + "-" + port;
        Process process = launch(settings, service, name, port, null,
                suiteEnv(serviceEnv(settings, service, name), oidcUrl(settings)), List.of());
        waitUntilReady(settings, name, process, port);
        return new ServiceProcess(name, port, process, settings.logFile(name));
    }

    /**
     * Kills the suite's own process of {@code module} hard (SIGKILL: no shutdown, its connections cut, as when a node
     * fails or the kernel's OOM killer ends a pod) and returns once it has exited. {@link #restart} starts it again.
     */
    public synchronized void kill(String module) throws InterruptedException {
        service(module).process().destroyForcibly().waitFor();
    }

    /**
     * Starts the suite's own process of {@code module} again once it has ended ({@link #kill}): on the same port with
     * the same settings, its output appended to the same log; returns once it is ready.
     */
    public synchronized ServiceProcess restart(Settings settings, String module) throws IOException, InterruptedException {
        ServiceProcess ended = service(module);
        if (ended.process().isAlive()) {
            throw new IllegalStateException(module + " is still running: kill it first");
        }
        processes.remove(ended.process());
        Process process = launch(settings, module, module, ended.port(), null,
                suiteEnv(serviceEnv(settings, module, module), oidcUrl(settings)), List.of(),
                ProcessBuilder.Redirect.appendTo(ended.log().toFile()));
        ServiceProcess restarted = new ServiceProcess(module, ended.port(), process, ended.log());
        services.put(module, restarted);
        waitUntilReady(settings, module, process, ended.port());
        return restarted;
    }

    /**
     * Restarts the suite's PostgreSQL as a node restart would (fast shutdown: every session cut), keeping its data, on
     * the same port; returns once it accepts connections again. The services find their connections gone and open new
     * ones.
     */
    public synchronized void restartDatabase() {
        if (database == null) {
            throw new IllegalStateException("the suite is not running");
        }
        database.stopServer();
        database.startAgain();
    }

    /**
     * The settings of the process {@code name} of {@code module}: its database, and for volunteer-service where it
     * reads notice-service's area-event feed: through its own {@link #feedRoute}, which is direct (as in Kubernetes)
     * unless the settings route it (the e2e tests, to cut one process off the feed).
     */
    private Map<String, String> serviceEnv(Settings settings, String module, String name) {
        Map<String, String> env = new LinkedHashMap<>(databaseEnv(subgraph(module)));
        if (module.equals("volunteer-service")) {
            env.put("NOTICE_FEED_URL", settings.route().url(feedRoute(name), noticeGraphql(settings)));
            // approved registrations to volunteer get the realm role in the suite's Keycloak, granted by the service
            // account of client volunteer-service with the realm file's demo secret
            env.put("KEYCLOAK_ADMIN_URL", "http://127.0.0.1:" + settings.keycloakPort());
            env.put("KEYCLOAK_ADMIN_CLIENT_SECRET", VOLUNTEER_SERVICE_DEMO_SECRET);
        }
        return env;
    }

    /** The demo secret of client gateway (a resource server) in k8s/keycloak/realm-epidemic.json. */
    private static final String GATEWAY_DEMO_SECRET = "demo-gateway-secret";

    /** The demo secret of client volunteer-service in k8s/keycloak/realm-epidemic.json. */
    private static final String VOLUNTEER_SERVICE_DEMO_SECRET = "demo-volunteer-service-secret";

    private static Subgraph subgraph(String module) {
        return SUBGRAPHS.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a subgraph service: " + module));
    }

    private static String oidcUrl(Settings settings) {
        return "http://127.0.0.1:" + settings.keycloakPort() + "/realms/" + Suite.REALM;
    }

    /** What every process of the suite gets beside its own settings: the realm it trusts, GraphiQL and introspection. */
    private static Map<String, String> suiteEnv(Map<String, String> env, String oidcUrl) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("QUARKUS_OIDC_AUTH_SERVER_URL", oidcUrl);
        // a developer's suite: GraphiQL and introspection on (production turns them off)
        all.put("GRAPHQL_UI", "true");
        all.put("GRAPHQL_FIELD_VISIBILITY", "default");
        // traces only where a collector was named; otherwise the exporter retries against a closed port and logs it
        if (System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") == null) {
            all.put("OTEL_SDK_DISABLED", "true");
        }
        return all;
    }

    private static void printWelcome(Settings settings, Suite suite) {
        System.out.println();
        System.out.println("The suite is running. Press Ctrl-C to stop it.");
        System.out.println("  web console         " + suite.webUrl() + "   (sign in as publisher, editor, admin-xijia, ...; password demo)");
        System.out.println("  PostgreSQL          localhost:" + suite.databasePort() + " (user postgres, databases notices, volunteers)");
        System.out.println("  notice-service      " + suite.noticeUrl() + "   (GraphiQL: http://localhost:" + settings.noticePort() + "/q/graphql-ui)");
        System.out.println("  volunteer-service   " + suite.volunteerUrl() + "   (GraphiQL: http://localhost:" + settings.volunteerPort() + "/q/graphql-ui)");
        System.out.println("  gateway             " + suite.gatewayUrl() + "   (both subgraphs composed; health: http://localhost:" + settings.gatewayPort() + "/q/health)");
        System.out.println("  Keycloak            " + suite.keycloak().realmUrl(Suite.REALM) + "   (realm imported from k8s/keycloak)");
        System.out.println();
        System.out.println("Demo users (password 'demo'): sysadmin, editor, publisher, chief (editor+publisher), officer (district),");
        System.out.println("  admin-xijia / admin-nanneihuan (community admins), grid-xijia-1, volunteer-wang, volunteer-li. A token:");
        System.out.println("  TOKEN=$(curl -s " + suite.keycloak().realmUrl(Suite.REALM) + "/protocol/openid-connect/token \\");
        System.out.println("    -d grant_type=password -d client_id=epidemic-cli -d username=admin-xijia -d password=demo | jq -r .access_token)");
        System.out.println("and send it along: -H \"Authorization: Bearer $TOKEN\"");
        System.out.println();
        System.out.println("Try, through the gateway, a notice's high-risk areas with their grid, posts and who is on duty now:");
        System.out.println("  curl -s " + suite.gatewayUrl() + " -H 'Content-Type: application/json' -H \"Authorization: Bearer $TOKEN\" \\");
        System.out.println("    -d '" + GraphQLHttp.json(Map.of("query", EXAMPLE_QUERY)) + "'");
        System.out.println("or the risk level of an address, from notice-service alone:");
        System.out.println("  curl -s " + suite.noticeUrl() + " -H 'Content-Type: application/json' \\");
        System.out.println("    -d '{\"query\":\"{ riskLevel(address: \\\"晋阳紫城4号楼10单元\\\", asOf: \\\"2022-11-30\\\") "
                + "{ level { name } notice { number } designation { text } } }\"}'");
    }

    /** The demo's building with households, its round in progress and the open request (issue 13). */
    private void printBelowTheCheckpoint() {
        HouseholdDemo.Shown shown = households;
        System.out.println();
        System.out.println("Below the checkpoint: " + HouseholdDemo.BUILDING + " (unit " + shown.buildingId() + ") of 西贾社区"
                + " (community " + shown.communityId() + ") has " + shown.households() + " households; today's testing round "
                + shown.roundId() + " is under way (" + shown.accounted() + " of " + shown.households()
                + " accounted for); an open resident request and a wish. As admin-xijia, through the gateway:");
        System.out.println("  e2e-tests/src/test/resources/readme/below-the-checkpoint.graphql with {\"community\": \""
                + shown.communityId() + "\", \"from\": \"<today>\", \"to\": \"<today>\"}");
    }

    /** The trusted-documents manifest the web console's build wrote (web/README.md). */
    private static Path webConsoleManifest(Path root) {
        Path manifest = root.resolve("web/target/persisted-documents.json");
        if (!Files.exists(manifest)) {
            throw new IllegalStateException(manifest + " is missing: build first (./run-suite does)");
        }
        return manifest;
    }

    private static String noticeGraphql(Settings settings) {
        return "http://localhost:" + settings.noticePort() + "/graphql";
    }

    /** One database and its connection settings per service, as in production (created on first use). */
    private Map<String, String> databaseEnv(Subgraph subgraph) {
        String name = subgraph.database();
        String prefix = subgraph.envPrefix();
        database.createDatabase(name);
        return Map.of(
                prefix + "_DB_URL", database.reactiveUrl(name),
                prefix + "_DB_JDBC_URL", database.jdbcUrl(name),
                prefix + "_DB_USER", database.user(),
                prefix + "_DB_PASSWORD", "");
    }

    /**
     * Starts the jar of {@code module} (or its native executable: {@link ServiceCommand}) as process {@code name} (its
     * log's name).
     */
    private Process launch(Settings settings, String module, String name, int port, String portProperty,
                           Map<String, String> env, List<String> systemProperties) throws IOException {
        return launch(settings, module, name, port, portProperty, env, systemProperties,
                ProcessBuilder.Redirect.to(settings.logFile(name).toFile()));
    }

    private Process launch(Settings settings, String module, String name, int port, String portProperty,
                           Map<String, String> env, List<String> systemProperties, ProcessBuilder.Redirect output)
            throws IOException {
        List<String> command = ServiceCommand.fromSystemProperties(javaBinary())
                .command(settings.root().resolve(module), settings.jvmOptions(), systemProperties);
        Path log = settings.logFile(name);
        Files.createDirectories(log.getParent());
        requireFreePort(name, port, portProperty);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output);
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        System.out.println("Starting " + name + " on port " + port + " (log: " + log + ")");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Otherwise a service already listening there would answer in place of ours. */
    private static void requireFreePort(String name, int port, String portProperty) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("localhost", port));
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " for " + name + " is in use; free it or pick another"
                    + (portProperty == null ? "" : " with -D" + portProperty + "=..."));
        }
    }

    private static void waitUntilReady(Settings settings, String name, Process process, int port)
            throws InterruptedException {
        String url = "http://localhost:" + port + "/q/health/ready";
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + settings.logFile(name));
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
                + settings.logFile(name));
    }

    private static void requireAlive(Settings settings, String name, Process process) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                    + settings.logFile(name));
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
        services.clear();
        if (keycloak != null) {
            keycloak.stop();
            keycloak = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
