package org.corridor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.csv.CsvWriter;
import org.corridor.db.DataFolders;
import org.corridor.http.HttpServer;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.Party;
import org.corridor.screening.Screener;
import org.corridor.screening.ShippedLists;

/**
 * {@code corridor bench screening --entities N}: screening at the scale of large lists, through
 * the paths users run. N synthetic entities ({@link SyntheticEntities}, fixed seed) are imported
 * with the shipped lists into a fresh data folder, which builds the name index on disk; then
 * {@code screen names} runs as its own process over the rows (JVM start, database, lists and index
 * opening included: what a user waits for), a later process's opening is timed, one party at a
 * time gives single-party latency, and {@code POST /api/v1/screening/batch} the API's throughput.
 * The engine's own throughput on the same rows (in-process, no output) is the baseline.
 */
final class ScaleScreeningBench {

    private static final Actor ACTOR = new Actor("bench", "ADMIN");
    private static final int API_BATCH = 500;
    private static final int API_CLIENTS = 2;

    private final int entities;
    private final int rows;
    private final int queries;

    ScaleScreeningBench(int entities, int rows, int queries) {
        this.entities = entities;
        this.rows = rows;
        this.queries = queries;
    }

    int run() throws Exception {
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path dir = Files.createTempDirectory("corridor-bench-scale");
        try {
            return run(dir, loadAtStart);
        } finally {
            DataFolders.wipe(dir);
        }
    }

    private int run(Path dir, double loadAtStart) throws Exception {
        Config config = Config.fromEnvironment(Map.of()).withDataDir(dir);
        List<ListSnapshot> shipped = ShippedLists.load();
        List<Party> workload = ScreeningBench.workload(shipped, rows, new Random(42));
        long listed;
        double importSeconds;
        try (Corridor corridor = Corridor.open(config)) {
            List<ListSnapshot> all = new ArrayList<>(shipped);
            if (entities > 0) {
                all.add(SyntheticEntities.generate(entities));
            }
            listed = all.stream().mapToLong(list -> list.entities().size()).sum();
            long started = System.nanoTime();
            corridor.screening().importSnapshots(ACTOR, all, "bench screening --entities " + entities);
            importSeconds = (System.nanoTime() - started) / 1e9;
        }
        long indexBytes = size(dir.resolve("screening-index"));
        Path input = dir.resolve("rows.csv");
        writeRows(input, workload);
        CliRun cli = runCli(dir, input, dir.resolve("hits.jsonl"));

        long opening = System.nanoTime();
        try (Corridor corridor = Corridor.open(config)) {
            Screener screener = corridor.screening().pinned().screener();
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            // The engine on every core, in input order, with nothing written: the paths' baseline.
            ScreeningBench.Result engine = ScreeningBench.batchOver("engine", screener, workload);
            ScreeningBench.Result single =
                    ScreeningBench.singleRound(screener, workload.subList(0, Math.min(queries, workload.size())));
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            ScreeningBench.Result api = api(corridor, workload);
            List<ScreeningBench.Result> results = List.of(
                    relative(single, engine),
                    relative(new ScreeningBench.Result("cli", cli.tps(), cli.millis(), cli.millis(), 0), engine),
                    relative(api, engine),
                    relative(engine, engine));
            results.forEach(result -> System.out.println(result.line()));
            System.out.printf(
                    Locale.ROOT,
                    "entities=%d listed=%d import_and_index_s=%.1f index_mb=%.1f open_s=%.2f heap_after_gc_mb=%.0f"
                            + " peak_rss_mb=%.0f cli_peak_rss_mb=%.0f load_at_start=%.1f%n",
                    entities,
                    listed,
                    importSeconds,
                    indexBytes / 1e6,
                    openSeconds,
                    heap / 1e6,
                    peakRss(Path.of("/proc/self/status")) / 1e6,
                    cli.peakRss() / 1e6,
                    loadAtStart);
        }
        return 0;
    }

    private static ScreeningBench.Result relative(ScreeningBench.Result result, ScreeningBench.Result engine) {
        return new ScreeningBench.Result(
                result.name(), result.tps(), result.p50Millis(), result.p99Millis(), result.tps() / engine.tps());
    }

    /** The rows as {@code POST /api/v1/screening/batch} requests of 500 parties from two clients. */
    private static ScreeningBench.Result api(Corridor corridor, List<Party> workload) throws Exception {
        try (HttpServer server = HttpServer.start(corridor, "127.0.0.1", 0)) {
            String token = BenchUsers.operatorToken(corridor, new Actor("cli:bench", "ADMIN"));
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/screening/batch");
            ObjectMapper json = new ObjectMapper();
            List<String> bodies = new ArrayList<>();
            for (int from = 0; from < workload.size(); from += API_BATCH) {
                List<Map<String, Object>> parties = new ArrayList<>();
                for (Party party : workload.subList(from, Math.min(workload.size(), from + API_BATCH))) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", "r" + (from + parties.size()));
                    item.put("name", party.name());
                    parties.add(item);
                }
                bodies.add(json.writeValueAsString(Map.of("parties", parties)));
            }
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            long[] latencies = new long[bodies.size()];
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(API_CLIENTS);
            long started = System.nanoTime();
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < API_CLIENTS; c++) {
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                            long before = System.nanoTime();
                            HttpResponse<String> response = client.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofMinutes(5))
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(
                                        "screening batch refused: " + response.statusCode() + " " + response.body());
                            }
                            latencies[i] = System.nanoTime() - before;
                        }
                        return null;
                    }));
                }
                for (Future<?> client1 : running) {
                    client1.get();
                }
            } finally {
                clients.shutdownNow();
            }
            ScreeningBench.Result requests = ScreeningBench.summary("api", latencies, System.nanoTime() - started);
            return new ScreeningBench.Result(
                    "api",
                    requests.tps() * workload.size() / bodies.size(),
                    requests.p50Millis(),
                    requests.p99Millis(),
                    0);
        }
    }

    private static void writeRows(Path file, List<Party> workload) throws IOException {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < workload.size(); i++) {
            csv.append(CsvWriter.line(List.of("r" + i, workload.get(i).name()), CsvWriter.LF));
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
    }

    /** One run of {@code screen names} in its own process: rows a second, its wall time, its peak RSS. */
    record CliRun(double tps, double millis, long peakRss) {}

    private CliRun runCli(Path dir, Path input, Path output) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-Xm") || argument.startsWith("-XX:")) {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.corridor.cli.Main"));
        command.addAll(List.of(
                "screen",
                "names",
                "--data-dir",
                dir.toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString()));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("cli.err").toFile())
                .start();
        Path status = Path.of("/proc/" + process.pid() + "/status");
        long peak = 0;
        while (!process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, peakRss(status));
        }
        long elapsed = System.nanoTime() - started;
        if (process.exitValue() != 0) {
            throw new IllegalStateException("screen names failed: "
                    + Files.readString(dir.resolve("cli.err")).strip());
        }
        return new CliRun(rows / (elapsed / 1e9), elapsed / 1e6, peak);
    }

    /** VmHWM of /proc/PID/status in bytes; 0 where there is no such file (not Linux, or gone). */
    private static long peakRss(Path status) {
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kilobytes -> Long.parseLong(kilobytes) * 1024)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long size(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }
}
