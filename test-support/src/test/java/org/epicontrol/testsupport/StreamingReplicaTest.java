package org.epicontrol.testsupport;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hot standby is made with the base backup API of the primary's version: the embedded PostgreSQL 14 and, where
 * one is installed (Debian's layout, /usr/lib/postgresql/N), a PostgreSQL 15 or later, whose functions were renamed.
 */
class StreamingReplicaTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void theBackupFunctionsAreChosenByServerVersion() {
        assertEquals(StreamingReplica.BackupApi.UP_TO_14, StreamingReplica.BackupApi.of(140015));
        assertEquals(StreamingReplica.BackupApi.FROM_15, StreamingReplica.BackupApi.of(150000));
        assertEquals(StreamingReplica.BackupApi.FROM_15, StreamingReplica.BackupApi.of(170005));
    }

    @Test
    void aStandbyHasReplayedEverythingWhenItReachesTheInsertPositionOrThePageStartBeforeItsHeader() {
        assertEquals("3/2030", StreamingReplica.replayTarget("3/2030"));
        assertEquals("3/2000", StreamingReplica.replayTarget("3/2018"));
        assertEquals("3/1000000", StreamingReplica.replayTarget("3/1000028"));
        assertEquals("0/0", StreamingReplica.replayTarget("0/0"));
    }

    @Test
    void aStandbyOfTheEmbeddedPostgresql14ReplaysThePrimarysWrites() throws Exception {
        try (EmbeddedDatabase primary = EmbeddedDatabase.start(null); StreamingReplica standby = primary.startReplica()) {
            assertReplays(primary.port(), standby, 14);
        }
    }

    @Test
    void aStandbyOfAnInstalledPostgresql15OrLaterReplaysThePrimarysWrites() throws Exception {
        Optional<Path> installed = newestInstalled();
        assumeTrue(installed.isPresent(), "no PostgreSQL 15+ under /usr/lib/postgresql");
        Path bin = installed.get().resolve("bin");
        Path data = Files.createTempDirectory("pg15-primary");
        try {
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-locale");
            int port = freePort();
            PostgresProcess.start(bin.resolve("postgres"), data, port, List.of("unix_socket_directories=", "fsync=off"),
                    data.resolve("primary.log"));
            try (StreamingReplica standby = StreamingReplica.start(new StreamingReplica.Primary(port,
                    bin.resolve("postgres").toRealPath(), data))) {
                assertReplays(port, standby, Integer.parseInt(installed.get().getFileName().toString()));
            } finally {
                PostgresProcess.stop(data);
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void assertReplays(int primaryPort, StreamingReplica standby, int major) throws SQLException {
        try (Connection p = DriverManager.getConnection("jdbc:postgresql://localhost:" + primaryPort + "/postgres",
                "postgres", ""); Statement s = p.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000")) {
                rs.next();
                assertEquals(major, rs.getInt(1));
            }
            s.execute("create table replicated (n int)");
            s.execute("insert into replicated values (1), (2), (3)");
        }
        standby.awaitReplayed(BOUND);
        try (Connection c = standby.connect("postgres"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*), pg_is_in_recovery() from replicated")) {
                rs.next();
                assertEquals(3, rs.getInt(1));
                assertEquals(true, rs.getBoolean(2), "a standby");
            }
            assertThrows(SQLException.class, () -> s.execute("insert into replicated values (4)"), "read-only");
        }
    }

    /** The newest PostgreSQL of version 15 or later installed as Debian installs it, if any. */
    private static Optional<Path> newestInstalled() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Integer.parseInt(v.getFileName().toString()) >= 15)
                    .filter(v -> Files.isExecutable(v.resolve("bin/postgres")) && Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())));
        }
    }

    /** Runs a PostgreSQL tool as the server would be run: in a user namespace when the JVM runs as root. */
    private static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
