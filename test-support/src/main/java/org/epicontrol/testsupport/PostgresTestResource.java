package org.epicontrol.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts one real PostgreSQL per test JVM and points the service's datasources at it.
 * Register with {@code @QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notices"))}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase server;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        startedServer().createDatabase(database);
        return Map.of(
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", "",
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database));
    }

    @Override
    public void stop() {
        // Kept for the JVM's lifetime: restarting PostgreSQL per test class costs seconds for nothing.
    }

    /** The one server of this JVM, started on first use. */
    static synchronized EmbeddedDatabase startedServer() {
        if (server == null) {
            server = EmbeddedDatabase.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** For tests that need to stop and start the server under a running service. */
    public static EmbeddedDatabase server() {
        return server;
    }
}
