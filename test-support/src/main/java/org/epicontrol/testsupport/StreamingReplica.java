package org.epicontrol.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hot standby of an {@link EmbeddedDatabase}: a copy of the primary taken with PostgreSQL's low-level base backup
 * API (the embedded binaries have no pg_basebackup), started on its own port with {@code standby.signal}, streaming
 * the primary's WAL through a physical replication slot and answering read-only queries while it replays, as a
 * CloudNativePG replica behind a {@code -ro} Service does. Asynchronous: what commits on the primary is visible here
 * once replayed ({@link #awaitReplayed}).
 *
 * <p>How it is made (PostgreSQL 14, the embedded version, and 15+): a replication slot keeps the primary's WAL from
 * the backup's start on; {@code pg_start_backup(label, fast, exclusive => false)} ({@code pg_backup_start(label, fast)}
 * from 15: {@link BackupApi}); the data directory copied without {@code postmaster.pid} and the contents of
 * {@code pg_wal}, {@code pg_replslot} and the other run-time directories; {@code pg_stop_backup(false, false)}
 * ({@code pg_backup_stop(false)}) gives the {@code backup_label} to put into the copy; then
 * {@code standby.signal}, {@code primary_conninfo} and {@code primary_slot_name}. The primary's {@code wal_level}
 * (replica) and {@code max_wal_senders} (10) are PostgreSQL's defaults; a replication line in its
 * {@code pg_hba.conf} is added when missing.
 */
public final class StreamingReplica implements AutoCloseable {

    private static final AtomicInteger SLOTS = new AtomicInteger();
    /** Directories whose contents a base backup leaves out (PostgreSQL's documentation, "Backing Up the Data Directory"). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "restart.log", "standby.log");
    private static final Duration DEFAULT_BOUND = Duration.ofSeconds(30);

    /** The server to replicate: where it listens, the postgres binary it runs (the standby runs the same), its data. */
    record Primary(int port, Path binary, Path dataDirectory) {
    }

    private final Primary primary;
    private final Path dataDirectory;
    private final int port;
    private final String slot;

    private StreamingReplica(Primary primary, Path dataDirectory, int port, String slot) {
        this.primary = primary;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.slot = slot;
    }

    static StreamingReplica start(EmbeddedDatabase primary) {
        return start(new Primary(primary.port(), primary.binary(), primary.dataDirectory()));
    }

    static StreamingReplica start(Primary primary) {
        String slot = "standby_" + ProcessHandle.current().pid() + "_" + SLOTS.incrementAndGet();
        try (Connection c = connect(primary.port(), "postgres"); Statement s = c.createStatement()) {
            allowReplicationConnections(primary, s);
            execute(c, "select pg_create_physical_replication_slot(?, true)", slot);
            Path copy = Files.createTempDirectory("pg-standby");
            BackupApi api = BackupApi.of(serverVersion(s));
            execute(c, api.start, slot);
            copyDataDirectory(primary.dataDirectory(), copy);
            try (ResultSet rs = s.executeQuery(api.stop)) {
                rs.next();
                Files.writeString(copy.resolve("backup_label"), rs.getString(1));
                String tablespaces = rs.getString(2);
                if (tablespaces != null && !tablespaces.isEmpty()) {
                    Files.writeString(copy.resolve("tablespace_map"), tablespaces);
                }
            }
            Files.createFile(copy.resolve("standby.signal"));
            Files.writeString(copy.resolve("postgresql.auto.conf"),
                    "\nprimary_conninfo = 'host=localhost port=" + primary.port() + " user=postgres application_name="
                            + slot + "'\nprimary_slot_name = '" + slot + "'\nhot_standby = on\n",
                    StandardOpenOption.APPEND);
            for (int attempt = 1; ; attempt++) {
                StreamingReplica replica = new StreamingReplica(primary, copy, freePort(), slot);
                try {
                    replica.startAgain();
                } catch (PostgresProcess.PortTaken taken) {
                    if (attempt == 3) {
                        throw taken;
                    }
                    continue;
                }
                replica.awaitReplayed(DEFAULT_BOUND);
                return replica;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the base backup of the primary", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The low-level base backup functions, renamed in PostgreSQL 15 (exclusive backups were removed with them):
     * {@code pg_start_backup(label, fast, exclusive)} / {@code pg_stop_backup(exclusive, wait_for_archive)} up to 14,
     * {@code pg_backup_start(label, fast)} / {@code pg_backup_stop(wait_for_archive)} from 15. Both non-exclusive, on
     * one session, the stop answering the backup_label and tablespace_map to write into the copy.
     */
    enum BackupApi {
        UP_TO_14("select pg_start_backup(?, true, false)", "select labelfile, spcmapfile from pg_stop_backup(false, false)"),
        FROM_15("select pg_backup_start(?, true)", "select labelfile, spcmapfile from pg_backup_stop(false)");

        final String start;
        final String stop;

        BackupApi(String start, String stop) {
            this.start = start;
            this.stop = stop;
        }

        /** By {@code server_version_num} (140015 for 14.15, 150018 for 15.18). */
        static BackupApi of(int serverVersionNum) {
            return serverVersionNum >= 150000 ? FROM_15 : UP_TO_14;
        }
    }

    private static int serverVersion(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port + "/" + database;
    }

    /** A connection to this standby as postgres (read-only: it is in recovery). */
    public Connection connect(String database) throws SQLException {
        return connect(port, database);
    }

    /**
     * Waits until this standby has replayed everything the primary had written when called, at most {@code bound};
     * an {@link IllegalStateException} after that.
     */
    public void awaitReplayed(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        // The insert position, not the written one: the embedded server commits asynchronously (synchronous_commit
        // off), so a commit may be visible on the primary before its WAL is written.
        try (Connection p = connect(primary.port(), "postgres"); Statement ps = p.createStatement();
             ResultSet lsn = ps.executeQuery("select pg_current_wal_insert_lsn()::text")) {
            lsn.next();
            String target = replayTarget(lsn.getString(1));
            while (true) {
                try (Connection c = connect("postgres");
                     PreparedStatement s = c.prepareStatement("select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false)")) {
                    s.setString(1, target);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            return;
                        }
                    }
                } catch (SQLException notYet) {
                    // starting up, or not yet consistent: try again until the bound
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby on port " + port + " did not replay up to " + target
                            + " within " + bound + "; see " + dataDirectory.resolve("standby.log"));
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the primary's WAL position", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a standby's replay ends once it has everything inserted up to {@code insertLsn}: an insert position just
     * past a page header (24 bytes, 40 on a segment's first page) is the page's start, where the last record ended.
     */
    static String replayTarget(String insertLsn) {
        int slash = insertLsn.indexOf('/');
        long position = (Long.parseUnsignedLong(insertLsn.substring(0, slash), 16) << 32)
                | Long.parseUnsignedLong(insertLsn.substring(slash + 1), 16);
        long intoPage = Long.remainderUnsigned(position, 8192);
        if (intoPage == 24 || intoPage == 40) {
            position -= intoPage;
        }
        return Long.toHexString(position >>> 32).toUpperCase() + "/" + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase();
    }

    /** Stops replaying (WAL still arrives): what the primary commits from now on stays invisible here. */
    public void pauseReplay() {
        runOnStandby("select pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        runOnStandby("select pg_wal_replay_resume()");
    }

    /** Stops the standby as a lost node would (fast shutdown), keeping its data; {@link #startAgain} resumes it. */
    public void stop() {
        PostgresProcess.stop(dataDirectory);
    }

    /** (Re)starts the standby on its port; it catches up from its replication slot. */
    public void startAgain() {
        // No Unix-domain socket (everything connects over TCP): a packaged server's default directory, e.g.
        // /var/run/postgresql, is not writable by the user the standby runs as.
        PostgresProcess.start(primary.binary(), dataDirectory, port, List.of("max_connections=200", "fsync=off",
                "shared_preload_libraries=pg_stat_statements", "unix_socket_directories="),
                dataDirectory.resolve("standby.log"));
    }

    /** Stops the standby, drops its slot on the primary (so that the primary keeps no WAL for it) and its files. */
    @Override
    public void close() {
        stop();
        try (Connection c = connect(primary.port(), "postgres")) {
            execute(c, "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
                    + " where slot_name = ? and not active", slot);
        } catch (SQLException primaryGone) {
            // the primary stopped first (JVM shutdown hooks run concurrently): its slots go with it
        }
        deleteRecursively(dataDirectory);
    }

    private void runOnStandby(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on the standby", e);
        }
    }

    private static void allowReplicationConnections(Primary primary, Statement s) throws SQLException, IOException {
        Path hba = primary.dataDirectory().resolve("pg_hba.conf");
        boolean allowed = Files.readAllLines(hba).stream().map(String::strip)
                .anyMatch(line -> line.matches("host\\s+replication\\s+all\\s+127\\.0\\.0\\.1/32\\s+trust"));
        if (!allowed) {
            Files.writeString(hba, "\nhost replication all 127.0.0.1/32 trust\nhost replication all ::1/128 trust\n",
                    StandardOpenOption.APPEND);
            s.execute("select pg_reload_conf()");
        }
    }

    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(dir);
                boolean insideEmptied = relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())
                        && !relative.toString().equals("pg_wal/archive_status");
                if (insideEmptied) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(file);
                boolean skipped = relative.getNameCount() == 1 ? LEFT_OUT.contains(relative.toString())
                        : EMPTIED.contains(relative.getName(0).toString());
                if (!skipped) {
                    try {
                        Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException removedMeanwhile) {
                        // the primary is running: a temporary file may go while we copy; replay recreates what counts
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(Connection c, String sql, String argument) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, argument);
            s.execute();
        }
    }

    private static Connection connect(int port, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
