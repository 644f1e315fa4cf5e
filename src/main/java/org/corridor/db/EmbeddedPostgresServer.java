package org.corridor.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server that keeps Corridor's data in a folder of its own. Unlike zonky's
 * defaults, made for throwaway test databases, it keeps its data when closed and (when durable)
 * flushes every commit to disk. A second Corridor process on the same folder joins the running
 * server instead of starting another; a server left running by a process that died is stopped and
 * restarted under the new owner, and PostgreSQL's own crash recovery does the rest.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "corridor";
    static final String USER = "postgres";

    /** zonky's lock file: held for as long as the owning process lives. */
    private static final String OWNER_LOCK = "epg-lock";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Optional<EmbeddedPostgres> owned;
    private final int port;

    private EmbeddedPostgresServer(Optional<EmbeddedPostgres> owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    /**
     * Starts the server on {@code dataDir}, or joins the one a live Corridor process already runs
     * there.
     *
     * @param durable fsync and synchronous commit on; tests may turn them off for speed
     */
    public static EmbeddedPostgresServer start(Path dataDir, boolean durable) {
        Path pgData = dataDir.resolve("pg");
        try {
            Files.createDirectories(pgData);
            Optional<RunningPostmaster> running = RunningPostmaster.in(pgData);
            if (running.isPresent()) {
                if (ownerAlive(pgData)) {
                    return new EmbeddedPostgresServer(
                            Optional.empty(), running.get().port());
                }
                LOG.warn(
                        "stopping PostgreSQL (pid {}) left running by a process that ended",
                        running.get().pid());
                running.get().stop(Duration.ofSeconds(60));
            }
            Leftovers.awaitGone(pgData, Duration.ofSeconds(60));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("postgres.log").toFile()))
                    .start();
            return new EmbeddedPostgresServer(Optional.of(postgres), postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes a data folder safe to delete: refuses if a live Corridor process serves it, and stops
     * a PostgreSQL server left running there by one that died.
     */
    public static void stopIfOrphaned(Path dataDir) {
        Path pgData = dataDir.resolve("pg");
        try {
            Optional<RunningPostmaster> running = RunningPostmaster.in(pgData);
            if (running.isEmpty()) {
                return;
            }
            if (ownerAlive(pgData)) {
                throw new IllegalStateException("a running Corridor process uses " + dataDir + "; stop it first");
            }
            running.get().stop(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when another live process holds the owner lock of the data folder. */
    private static boolean ownerAlive(Path pgData) throws IOException {
        Path lockFile = pgData.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very process owns it
        }
    }

    public int port() {
        return port;
    }

    /** True when this process started the server (and stops it on close). */
    public boolean owned() {
        return owned.isPresent();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database on this server unless it exists. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created meanwhile by another process
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        owned.ifPresent(postgres -> {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        });
    }

    /**
     * What a killed server leaves behind. A postmaster killed outright lingers as a zombie until its
     * parent (often the container's init) reaps it, and PostgreSQL refuses to start while the pid in
     * its lock file still answers; its backends stay attached to the old shared memory for a moment
     * too. Waits until no live process works in the data folder, then removes a lock file whose
     * owner is dead, which PostgreSQL documents as safe.
     */
    static final class Leftovers {
        private Leftovers() {}

        static void awaitGone(Path pgData, Duration patience) throws IOException {
            Path pidFile = pgData.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            Path folder = pgData.toRealPath();
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                boolean busy = ProcessHandle.allProcesses().anyMatch(process -> workingIn(process.pid(), folder));
                Optional<Long> owner = ownerPid(pidFile);
                // A postmaster killed a moment ago may still be on its way out; wait for it too.
                if (!busy && (owner.isEmpty() || !runningProcess(owner.get()))) {
                    LOG.warn("removing the lock file of a PostgreSQL server that is no longer running");
                    Files.deleteIfExists(pidFile);
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for PostgreSQL to go", e);
                }
            }
        }

        private static Optional<Long> ownerPid(Path pidFile) {
            try {
                List<String> lines = Files.readAllLines(pidFile);
                return lines.isEmpty()
                        ? Optional.empty()
                        : Optional.of(Long.parseLong(lines.get(0).trim()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** A process that exists and is not a zombie. */
        static boolean runningProcess(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                int end = stat.lastIndexOf(')');
                return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) != 'Z';
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean workingIn(long pid, Path folder) {
            try {
                return folder.equals(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")))
                        && runningProcess(pid);
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
    }

    /** A postmaster found through its pid file. */
    record RunningPostmaster(long pid, int port) {

        static Optional<RunningPostmaster> in(Path pgData) throws IOException {
            Path pidFile = pgData.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            try {
                long pid = Long.parseLong(lines.get(0).trim());
                int port = Integer.parseInt(lines.get(3).trim());
                boolean alive = Leftovers.runningProcess(pid)
                        && ProcessHandle.of(pid)
                                .filter(ProcessHandle::isAlive)
                                .flatMap(process -> process.info().command())
                                .map(command -> command.contains("postgres"))
                                .orElse(false);
                return alive ? Optional.of(new RunningPostmaster(pid, port)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Fast shutdown (SIGINT), then SIGKILL if it does not finish in time. */
        void stop(Duration patience) throws IOException {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty()) {
                return;
            }
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(pid))
                        .redirectErrorStream(true)
                        .start()
                        .waitFor();
                long deadline = System.nanoTime() + patience.toNanos();
                while (process.get().isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                if (process.get().isAlive()) {
                    process.get().destroyForcibly();
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping PostgreSQL", e);
            }
        }
    }
}
