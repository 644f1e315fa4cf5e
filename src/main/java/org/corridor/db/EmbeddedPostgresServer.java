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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    private final Path pgData;
    private final Optional<EmbeddedPostgres> owned;
    private final int port;
    private final String password;
    private final Optional<PostmasterWatchdog> watchdog;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Optional<Thread> shutdownHook = Optional.empty();

    /** How long the JVM's shutdown waits for the application to close the server after draining. */
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(20);

    private EmbeddedPostgresServer(
            Path pgData,
            Optional<EmbeddedPostgres> owned,
            int port,
            String password,
            Optional<PostmasterWatchdog> watchdog) {
        this.pgData = pgData;
        this.owned = owned;
        this.port = port;
        this.password = password;
        this.watchdog = watchdog;
    }

    /**
     * Starts the server on {@code dataDir}, or joins the one a live Corridor process already runs
     * there. Only Corridor's role connects, with the password kept in the data folder ({@link
     * EmbeddedAccess}); a server this process starts is started again if it dies.
     *
     * @param durable fsync and synchronous commit on; tests may turn them off for speed
     */
    public static EmbeddedPostgresServer start(Path dataDir, boolean durable) {
        Path pgData = dataDir.resolve("pg");
        try {
            Files.createDirectories(pgData);
            String password = EmbeddedAccess.secret(dataDir);
            Optional<RunningPostmaster> running = RunningPostmaster.in(pgData);
            if (running.isPresent()) {
                if (ownerAlive(pgData)) {
                    return new EmbeddedPostgresServer(
                            pgData, Optional.empty(), running.get().port(), password, Optional.empty());
                }
                LOG.warn(
                        "stopping PostgreSQL (pid {}) left running by a process that ended",
                        running.get().pid());
                running.get().stop(Duration.ofSeconds(60));
            }
            Leftovers.awaitGone(pgData, Duration.ofSeconds(60));
            return startOwned(dataDir, pgData, password, durable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgresServer startOwned(Path dataDir, Path pgData, String password, boolean durable)
            throws IOException {
        boolean initialised = Files.exists(pgData.resolve("postgresql.conf"));
        // A folder of an older version trusts local clients and its role has no password: it is
        // started as it is once, given the password, then closed to everyone else below.
        boolean olderFolder = initialised && !EmbeddedAccess.hbaIsCorridors(pgData);
        Map<String, String> settings = serverSettings(dataDir, durable);
        Path log = dataDir.resolve("postgres.log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120))
                // Stopped by this class's own hook, after the application has drained its requests.
                .setRegisterShutdownHook(false)
                .setConnectConfig("password", password)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        settings.forEach(builder::setServerConfig);
        if (!initialised) {
            // initdb's own options: the role gets its password at creation, no trust line is written.
            Path passwordFile = dataDir.resolve(EmbeddedAccess.SECRET_FILE).toAbsolutePath();
            builder.setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256");
        }
        if (!olderFolder) {
            builder.setDataDirectoryCustomizer(folder -> EmbeddedAccess.writeHba(folder.toPath()));
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresServer server = null;
        try {
            if (olderFolder) {
                closeOlderFolder(postgres.getPort(), pgData, password);
            }
            server = new EmbeddedPostgresServer(
                    pgData,
                    Optional.of(postgres),
                    postgres.getPort(),
                    password,
                    watchdog(pgData, postgres.getPort(), settings, log));
            server.stopAtShutdown();
            return server;
        } finally {
            if (server == null) {
                postgres.close();
            }
        }
    }

    /** The server's settings: durability, loopback only, and the socket in the data folder. */
    private static Map<String, String> serverSettings(Path dataDir, boolean durable) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("synchronous_commit", durable ? "on" : "off");
        settings.put("fsync", durable ? "on" : "off");
        settings.put("full_page_writes", durable ? "on" : "off");
        settings.put("max_connections", "200");
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("password_encryption", "scram-sha-256");
        Optional<Path> socketFolder = EmbeddedAccess.socketFolder(dataDir);
        settings.put("unix_socket_directories", socketFolder.map(Path::toString).orElse("''"));
        settings.put("unix_socket_permissions", "0700");
        return settings;
    }

    /** Gives the role of an older folder its password, then replaces its trust lines and reloads. */
    private static void closeOlderFolder(int port, Path pgData, String password) {
        LOG.warn("this data folder trusted local clients; giving the database role a password and closing it");
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, password);
                Statement statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            // The secret is base64url: no quote can end the literal.
            statement.execute("alter role " + USER + " password '" + password + "'");
            EmbeddedAccess.writeHba(pgData);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the database role its password: " + e.getMessage(), e);
        }
    }

    private static Optional<PostmasterWatchdog> watchdog(
            Path pgData, int port, Map<String, String> settings, Path log) {
        Optional<Path> pgCtl = PostmasterWatchdog.pgCtlOf(pgData);
        if (pgCtl.isEmpty()) {
            LOG.warn("pg_ctl not found beside the running PostgreSQL; it will not be restarted if it dies");
            return Optional.empty();
        }
        // As zonky starts it: port, no fsync unless a setting turns it on, then every setting.
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-F"));
        settings.forEach((name, value) -> {
            options.add("-c");
            options.add(name + "=" + value);
        });
        return Optional.of(PostmasterWatchdog.start(new PostmasterWatchdog.Restart(pgCtl.get(), pgData, options, log)));
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

    /** The password of the server's role, read from the data folder; never log it. */
    public String password() {
        return password;
    }

    /** The name of the server's role. */
    public String user() {
        return USER;
    }

    /** True when the server's postmaster is running (not killed, not a zombie). */
    public boolean running() {
        try {
            return RunningPostmaster.in(pgData).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** True while this process is starting its server again after it died. */
    public boolean restarting() {
        return watchdog.map(PostmasterWatchdog::restarting).orElse(false);
    }

    /** How many times this process started its server again after it died. */
    public long restarts() {
        return watchdog.map(PostmasterWatchdog::restarts).orElse(0L);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database on this server unless it exists. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, password);
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

    /**
     * Stops the server when the JVM stops (SIGTERM, or the end of the program) unless the
     * application closed it first: it waits a while for the application, which drains its requests
     * before it closes the database, then stops the server itself.
     */
    private void stopAtShutdown() {
        Thread hook = new Thread(
                () -> {
                    watchdog.ifPresent(PostmasterWatchdog::close);
                    try {
                        closed.await(SHUTDOWN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    close();
                },
                "corridor-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = Optional.of(hook);
    }

    @Override
    public void close() {
        watchdog.ifPresent(PostmasterWatchdog::close);
        owned.ifPresent(postgres -> {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        });
        closed.countDown();
        shutdownHook.filter(hook -> hook != Thread.currentThread()).ifPresent(hook -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is stopping: the hook runs and finds the server closed
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
                    removeSocketLocks(pgData.resolveSibling(EmbeddedAccess.SOCKET_FOLDER));
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

        /**
         * The socket's lock files of a server that is gone: PostgreSQL refuses to start while the pid
         * in one still answers, which a killed postmaster's zombie does.
         */
        private static void removeSocketLocks(Path socketFolder) throws IOException {
            if (!Files.isDirectory(socketFolder)) {
                return;
            }
            try (var locks = Files.newDirectoryStream(socketFolder, ".s.PGSQL.*.lock")) {
                for (Path lock : locks) {
                    Optional<Long> owner = ownerPid(lock);
                    if (owner.isEmpty() || !runningProcess(owner.get())) {
                        Files.deleteIfExists(lock);
                    }
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
