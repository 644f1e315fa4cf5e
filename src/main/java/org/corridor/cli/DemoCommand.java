package org.corridor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corridor.ConflictException;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.app.ScenarioClock;
import org.corridor.http.HttpServer;
import org.corridor.http.JsonSupport;
import org.corridor.identity.IssuedToken;
import org.corridor.identity.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Play domain.md 6(b), the whole channel from June's deliveries to the reports of "
                + "2024-09-30, through Corridor's own API on a fresh embedded database; write the reports, "
                + "payment files and demo-summary.json under the data folder; then serve the dashboard.")
final class DemoCommand implements Callable<Integer> {

    static final Path DEFAULT_DATA_DIR = Path.of("corridor-demo-data");
    private static final int TOKEN_DAYS = 3650;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Demo data folder, wiped on each run (default: ./corridor-demo-data).")
    Path dataDir = DEFAULT_DATA_DIR;

    @Option(names = "--port", paramLabel = "P", description = "Port to serve on (default: $CORRIDOR_PORT or 8080).")
    Integer port;

    @Option(names = "--yes", description = "Wipe an existing demo folder without asking.")
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
        out.println("Corridor demo: domain.md 6(b) replayed through the API, data in " + dataDir.toAbsolutePath());
        ScenarioClock clock = new ScenarioClock(DemoScenario.START);
        Corridor corridor = Corridor.open(config, clock);
        HttpServer server;
        try {
            server = HttpServer.start(corridor, config.host(), config.port());
        } catch (RuntimeException e) {
            corridor.close();
            throw e;
        }
        Map<DemoUser, String> tokens;
        Map<String, Object> figures;
        try {
            String url = ServeCommand.url(corridor, server);
            DemoClient api = new DemoClient(url, JsonSupport.mapper());
            tokens = users(corridor, api);
            DemoLists.load(corridor.screening(), CliActor.current(), dataDir, out);
            DemoScenario scenario = new DemoScenario(api, clock, corridor.zone(), new DemoNarrator(out));
            figures = scenario.play();
            scenario.reports()
                    .forEach((file, content) ->
                            DemoOutputs.write(dataDir.resolve("reports").resolve(file), content));
            scenario.payments()
                    .forEach((file, content) ->
                            DemoOutputs.write(dataDir.resolve("payments").resolve(file), content));
            DemoOutputs.writeSummary(dataDir, figures);
        } catch (RuntimeException e) {
            server.close();
            corridor.close();
            throw e;
        }
        out.println("wrote " + dataDir.resolve("demo-summary.json") + ", " + dataDir.resolve("reports") + "/ and "
                + dataDir.resolve("payments") + "/");
        out.println("tokens (one user per role, valid " + TOKEN_DAYS + " days):");
        tokens.forEach((user, token) ->
                out.println("  " + String.format("%-20s %-16s", user.role, user.userName) + " " + token));
        if (noServe) {
            server.close();
            corridor.close();
            return 0;
        }
        out.println("dashboard: " + ServeCommand.url(corridor, server) + " (sign in with the ADMIN or AUDITOR token;"
                + " the clock stands at the end of the scenario)");
        out.println("sign in with: " + tokens.get(DemoUser.AUDITOR));
        out.flush();
        ServeCommand.untilStopped(corridor, server);
        return 0;
    }

    /** The administrator is seeded directly (nobody can sign in yet); everyone else is created through the API. */
    private static Map<DemoUser, String> users(Corridor corridor, DemoClient api) {
        Map<DemoUser, String> tokens = new EnumMap<>(DemoUser.class);
        IssuedToken admin = corridor.users()
                .add(CliActor.current(), DemoUser.ADMIN.userName, Role.ADMIN, Duration.ofDays(TOKEN_DAYS));
        tokens.put(DemoUser.ADMIN, admin.token());
        api.signIn(DemoUser.ADMIN, admin.token());
        for (DemoUser user : DemoUser.values()) {
            if (user == DemoUser.ADMIN) {
                continue;
            }
            JsonNode created = api.post(
                    DemoUser.ADMIN,
                    "/api/v1/users",
                    DemoClient.body(
                            "name", user.userName, "role", user.role.name(), "token_lifetime_days", TOKEN_DAYS));
            String token = created.get("token").asText();
            api.signIn(user, token);
            tokens.put(user, token);
        }
        return tokens;
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
