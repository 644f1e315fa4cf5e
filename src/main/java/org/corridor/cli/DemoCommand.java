package org.corridor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corridor.ConflictException;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.identity.IssuedToken;
import org.corridor.identity.Role;
import org.corridor.identity.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start Corridor afresh on an embedded database in its own folder, with a seeded "
                + "administrator, and print the URL and a token to sign in with.")
final class DemoCommand implements Callable<Integer> {

    static final Path DEFAULT_DATA_DIR = Path.of("corridor-demo-data");

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Demo data folder, wiped on each run (default: ./corridor-demo-data).")
    Path dataDir = DEFAULT_DATA_DIR;

    @Option(names = "--port", paramLabel = "P", description = "Port to serve on (default: $CORRIDOR_PORT or 8080).")
    Integer port;

    @Option(names = "--yes", description = "Wipe an existing demo folder without asking.")
    boolean yes;

    @Option(names = "--no-serve", description = "Stop after setting up instead of serving.")
    boolean noServe;

    @Override
    public Integer call() throws InterruptedException {
        prepareFolder();
        Config config = Config.fromEnvironment().withDataDir(dataDir);
        if (config.externalDatabase()) {
            throw new ConflictException(
                    "DEMO_NEEDS_EMBEDDED", "the demo runs on its own embedded database; unset CORRIDOR_DB_URL");
        }
        if (port != null) {
            config = config.withPort(port);
        }
        Corridor corridor = Corridor.open(config);
        IssuedToken admin = corridor.users().add(CliActor.current(), "admin", Role.ADMIN, Users.DEFAULT_TOKEN_LIFETIME);
        System.out.println("demo data in " + dataDir.toAbsolutePath());
        System.out.println("signed-in token for admin (ADMIN):");
        System.out.println(admin.token());
        if (noServe) {
            corridor.close();
            return 0;
        }
        ServeCommand.serve(corridor, "Corridor demo");
        return 0;
    }

    /** Wipes the demo folder after asking (or with --yes), so that every run starts from nothing. */
    private void prepareFolder() {
        if (!Files.exists(dataDir) || isEmpty(dataDir)) {
            return;
        }
        if (!yes) {
            var console = System.console();
            if (console == null) {
                throw new ConflictException(
                        "DEMO_FOLDER_EXISTS", dataDir + " exists; run with --yes to wipe it and start afresh");
            }
            String answer = console.readLine("Wipe %s and start the demo afresh? [y/N] ", dataDir);
            if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
                throw new ConflictException("DEMO_CANCELLED", "left " + dataDir + " as it was");
            }
        }
        DataFolders.wipe(dataDir);
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deleting a data folder safely. */
    static final class DataFolders {
        private DataFolders() {}

        static void wipe(Path dir) {
            stopLeftoverServer(dir);
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Refuses to wipe a folder a live Corridor serves; stops a database server left behind by a dead one. */
        private static void stopLeftoverServer(Path dir) {
            org.corridor.db.EmbeddedPostgresServer.stopIfOrphaned(dir);
        }
    }
}
