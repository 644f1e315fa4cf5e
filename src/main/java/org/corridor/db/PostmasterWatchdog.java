package org.corridor.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL server this process started and starts it again when it dies
 * (killed, crashed, or stopped behind Corridor's back), on the same folder, port and settings, so
 * the pool reconnects by itself and the server returns to UP without a restart of Corridor.
 * PostgreSQL's own crash recovery replays its log on the way up. Runs on one daemon thread until
 * closed; a failed restart is tried again, with a growing pause.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);

    private static final Duration PERIOD = Duration.ofMillis(500);
    private static final Duration LEFTOVER_PATIENCE = Duration.ofSeconds(60);
    private static final Duration START_PATIENCE = Duration.ofSeconds(120);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    /** What the watchdog needs to start the server again as it was started first. */
    record Restart(Path pgCtl, Path pgData, List<String> serverOptions, Path log) {}

    private final Restart restart;
    private final Thread thread;
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean restarting;

    private PostmasterWatchdog(Restart restart) {
        this.restart = restart;
        this.thread = new Thread(this::watch, "corridor-postgres-watchdog");
        this.thread.setDaemon(true);
    }

    /** Starts watching the server that runs in {@code restart.pgData()} now. */
    static PostmasterWatchdog start(Restart restart) {
        PostmasterWatchdog watchdog = new PostmasterWatchdog(restart);
        watchdog.thread.start();
        return watchdog;
    }

    /** The pg_ctl beside the running postmaster's executable, when it can be found. */
    static Optional<Path> pgCtlOf(Path pgData) {
        try {
            return EmbeddedPostgresServer.RunningPostmaster.in(pgData)
                    .flatMap(postmaster -> ProcessHandle.of(postmaster.pid()))
                    .flatMap(process -> process.info().command())
                    .map(command -> Path.of(command).resolveSibling("pg_ctl"))
                    .filter(Files::isExecutable);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** True while the server is being started again. */
    boolean restarting() {
        return restarting;
    }

    /** How many times the server was started again. */
    long restarts() {
        return restarts.get();
    }

    private void watch() {
        long pauseMillis = PERIOD.toMillis();
        while (!closed) {
            try {
                Thread.sleep(pauseMillis);
                if (closed || running()) {
                    pauseMillis = PERIOD.toMillis();
                    continue;
                }
                if (jvmStopping()) {
                    return; // the server was stopped on purpose, by the JVM's shutdown
                }
                restarting = true;
                pauseMillis = startAgain() ? PERIOD.toMillis() : Math.min(pauseMillis * 2, MAX_PAUSE.toMillis());
            } catch (InterruptedException e) {
                return;
            } finally {
                restarting = false;
            }
        }
    }

    /** True once the JVM has begun to stop: no hook can be added any more. */
    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private boolean running() throws InterruptedException {
        try {
            return EmbeddedPostgresServer.RunningPostmaster.in(restart.pgData()).isPresent();
        } catch (IOException e) {
            return true; // cannot tell: leave it alone rather than start a second server
        }
    }

    private boolean startAgain() throws InterruptedException {
        long started = System.nanoTime();
        LOG.warn("the embedded PostgreSQL in {} has stopped; starting it again", restart.pgData());
        try {
            EmbeddedPostgresServer.Leftovers.awaitGone(restart.pgData(), LEFTOVER_PATIENCE);
            if (closed) {
                return true;
            }
            Path output = Files.createTempFile(restart.pgData().getParent(), ".pg_ctl", ".log");
            try {
                Process process = new ProcessBuilder(command())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                boolean finished = process.waitFor(START_PATIENCE.toSeconds() + 10, TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly();
                }
                String said = Files.readString(output);
                Files.writeString(restart.log(), said, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (!finished || process.exitValue() != 0) {
                    LOG.warn("pg_ctl could not start the embedded PostgreSQL yet: {}", lastLine(said));
                    return false;
                }
            } finally {
                Files.deleteIfExists(output);
            }
            restarts.incrementAndGet();
            LOG.warn(
                    "the embedded PostgreSQL is running again after {} ms",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return true;
        } catch (IOException e) {
            LOG.warn("cannot start the embedded PostgreSQL again: {}", e.getMessage());
            return false;
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** pg_ctl start with the options of the first start; in a user namespace when run as root, as zonky does. */
    private List<String> command() {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                restart.pgCtl().toString(),
                "-D",
                restart.pgData().toString(),
                "-o",
                String.join(" ", restart.serverOptions()),
                "-w",
                "-t",
                Long.toString(START_PATIENCE.toSeconds()),
                "start"));
        return command;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
