package org.corridor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's own PostgreSQL server (package postgresql), started by the test in a folder of its own
 * on a free port, with password authentication over TCP, so that Corridor's external-database mode
 * is proven against a server it did not start itself. Runs the server as the {@code postgres}
 * user when the tests run as root, as CI does. A server may be given a streaming standby ({@link
 * #standby}), made synchronous ({@link #requireSynchronous}), killed ({@link #kill}) and its standby
 * promoted ({@link #promote}), for failover tests.
 */
public final class ExternalPostgres implements AutoCloseable {

    public static final String USER = "corridor";
    public static final String PASSWORD = "s3cret-for-tests-only";
    public static final String DATABASE = "corridor";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final String name;

    private ExternalPostgres(Path bin, Path dir, int port, String name) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.name = name;
    }

    /** The binaries of Debian's server, if installed. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates a cluster, starts it and creates a password-protected role and database. */
    public static ExternalPostgres start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("Debian's postgresql is not installed"));
        ExternalPostgres server = create(bin, "primary");
        server.run(
                bin.resolve("initdb").toString(),
                "-D",
                server.data.toString(),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "-E",
                "UTF8");
        server.startServer();
        server.psql("create role " + USER + " login password '" + PASSWORD + "'");
        server.psql("create database " + DATABASE + " owner " + USER);
        return server;
    }

    private static ExternalPostgres create(Path bin, String name) {
        try {
            Path dir = Files.createTempDirectory("corridor-external-pg");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            try (ServerSocket socket = new ServerSocket(0)) {
                return new ExternalPostgres(bin, dir, socket.getLocalPort(), name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A streaming standby of this server, copied from it by {@code pg_basebackup -R} (which writes
     * the connection to this server and the standby signal), started on a port of its own. Its
     * {@code cluster_name} is the name by which {@link #requireSynchronous} names it.
     */
    public ExternalPostgres standby(String standbyName) {
        ExternalPostgres standby = create(bin, standbyName);
        List<String> command =
                new ArrayList<>(List.of(bin.resolve("pg_basebackup").toString()));
        command.addAll(asSuperuser());
        command.addAll(List.of("-D", standby.data.toString(), "-R", "-X", "stream", "-c", "fast"));
        run(command.toArray(String[]::new));
        standby.startServer();
        return standby;
    }

    /**
     * Commits on this server wait until {@code standby} has flushed them ({@code
     * synchronous_standby_names}); returns once the standby streams as synchronous. Set after the
     * base backup, so that the standby, once promoted, does not wait for a standby of its own.
     */
    public void requireSynchronous(ExternalPostgres standby) {
        psql("alter system set synchronous_standby_names = '" + standby.name + "'");
        psql("select pg_reload_conf()");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!query("select count(*) from pg_stat_replication where sync_state = 'sync'")
                .equals("1")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the standby " + standby.name + " did not become synchronous");
            }
            sleep(100);
        }
    }

    /** SIGKILL to the postmaster, as a crash would; its backends notice and end within moments. */
    public void kill() {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends recovery on this standby: it becomes a primary that accepts writes. */
    public void promote() {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "promote");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /**
     * One URL over several servers that connects to whichever is the primary now, as a client of a
     * failover pair is configured; a host found not to be the primary is asked again after a second.
     */
    public static String primaryOf(List<ExternalPostgres> servers) {
        return "jdbc:postgresql://"
                + String.join(
                        ",",
                        servers.stream()
                                .map(server -> "127.0.0.1:" + server.port)
                                .toList()) + "/"
                + DATABASE + "?targetServerType=primary&hostRecheckSeconds=1";
    }

    public void startServer() {
        run(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c cluster_name=" + name,
                "-w",
                "-t",
                "60",
                "start");
    }

    /** Stops the server at once, dropping every connection (fast shutdown). */
    public void stopServer() {
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    public void psql(String sql) {
        psqlOutput(sql);
    }

    /** The one value a query returns, as text. */
    public String query(String sql) {
        return psqlOutput(sql).trim();
    }

    private String psqlOutput(String sql) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("psql").toString()));
        command.addAll(asSuperuser());
        command.addAll(List.of("-d", "postgres", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-c", sql));
        return run(command.toArray(String[]::new));
    }

    /** Connection options of the client tools: this server's socket, as its superuser (trusted locally). */
    private List<String> asSuperuser() {
        return List.of("-h", dir.toString(), "-p", Integer.toString(port), "-U", "postgres");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String run(String... command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", full) + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException e) {
            // already stopped
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}
