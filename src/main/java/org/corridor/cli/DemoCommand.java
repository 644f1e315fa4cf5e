package org.corridor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corridor.ConflictException;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.app.ScenarioClock;
import org.corridor.db.DataFolders;
import org.corridor.demo.Demo;
import org.corridor.http.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Play the worked scenario of docs/domain.md, the whole channel from June's deliveries to the reports of "
                        + "2024-09-30, through Corridor's own API on a fresh embedded database; write the reports, "
                        + "payment files and demo-summary.json under the data folder; then serve the dashboard.")
final class DemoCommand implements Callable<Integer> {

    static final Path DEFAULT_DATA_DIR = Path.of("corridor-demo-data");

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Demo data folder: new, empty, or one an earlier demo created (which is wiped);"
                    + " any other folder is refused (default: ./corridor-demo-data).")
    Path dataDir = DEFAULT_DATA_DIR;

    @Option(names = "--port", paramLabel = "P", description = "Port to serve on (default: $CORRIDOR_PORT or 8080).")
    Integer port;

    @Option(names = "--yes", description = "Wipe a folder an earlier demo created without asking.")
    boolean yes;

    @Option(names = "--no-serve", description = "Stop after the scenario instead of serving the dashboard.")
    boolean noServe;

    @Override
    public Integer call() throws InterruptedException, IOException {
        prepareFolder();
        Config config = Config.fromEnvironment().withDataDir(dataDir);
        if (config.externalDatabase()) {
            throw new ConflictException(
                    "DEMO_NEEDS_EMBEDDED", "the demo runs on its own embedded database; unset CORRIDOR_DB_URL");
        }
        if (port != null) {
            config = config.withPort(port);
        } else if (noServe) {
            config = config.withPort(0);
        }
        PrintStream out = System.out;
        out.println("Corridor demo: the worked scenario of docs/domain.md replayed through the API, data in "
                + dataDir.toAbsolutePath());
        ScenarioClock clock = new ScenarioClock(Demo.START);
        Corridor corridor = Corridor.open(config, clock);
        HttpServer server;
        try {
            server = HttpServer.start(corridor, config.host(), config.port());
        } catch (RuntimeException e) {
            corridor.close();
            throw e;
        }
        OrderlyStop stop = OrderlyStop.onShutdown(corridor, server);
        String auditorToken;
        try {
            auditorToken =
                    Demo.play(corridor, clock, ServeCommand.url(corridor, server), CliActor.current(), dataDir, out);
        } catch (RuntimeException e) {
            if (stop.stopping()) {
                // Told to stop (SIGTERM, Ctrl-C): the server drained and closed under the scenario.
                stop.awaitStopped();
                throw new ConflictException("DEMO_STOPPED", "stopped before the end of the scenario");
            }
            stop.stopNow();
            throw e;
        }
        if (noServe) {
            stop.stopNow();
            return 0;
        }
        out.println("dashboard: " + ServeCommand.url(corridor, server) + " (sign in with the ADMIN or AUDITOR token;"
                + " the clock stands at the end of the scenario)");
        out.println("sign in with: " + auditorToken);
        out.flush();
        stop.awaitStopped();
        return 0;
    }

    /**
     * The file the demo writes into a folder it creates; only a folder holding it is ever wiped, so
     * that {@code --data-dir} pointed at someone's own files (or a real Corridor's data) loses nothing.
     */
    static final String MARKER = ".corridor-demo";

    /**
     * Wipes a folder an earlier demo created, after asking (or with --yes), so that every run starts
     * from nothing; refuses any other non-empty folder, --yes or not; marks the folder as the demo's.
     */
    private void prepareFolder() throws IOException {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new ConflictException("DEMO_FOLDER_NOT_OURS", dataDir.toAbsolutePath() + " is a file, not a folder");
        }
        if (Files.exists(dataDir) && !isEmpty(dataDir)) {
            if (!Files.isRegularFile(dataDir.resolve(MARKER))) {
                throw new ConflictException(
                        "DEMO_FOLDER_NOT_OURS",
                        dataDir.toAbsolutePath() + " holds files the demo did not create; it is left as it was"
                                + " (the demo wipes only a folder it created itself); choose an empty or new"
                                + " folder with --data-dir");
            }
            confirmWipe();
            DataFolders.wipe(dataDir);
        }
        Files.createDirectories(dataDir);
        Files.writeString(
                dataDir.resolve(MARKER),
                "This folder was created by `corridor demo`; the next demo run may wipe it.\n");
    }

    private void confirmWipe() {
        if (yes) {
            return;
        }
        var console = System.console();
        if (console == null) {
            throw new ConflictException(
                    "DEMO_FOLDER_EXISTS",
                    dataDir + " holds an earlier demo; run with --yes to wipe it and start afresh");
        }
        String answer = console.readLine("Wipe the earlier demo in %s and start afresh? [y/N] ", dataDir);
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new ConflictException("DEMO_CANCELLED", "left " + dataDir + " as it was");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
