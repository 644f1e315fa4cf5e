package org.corridor.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.db.DataFolders;
import org.corridor.db.Database;
import org.corridor.db.DatabaseSettings;
import org.corridor.http.HttpServer;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.GroupCommit;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferIds;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Currency;
import org.corridor.transaction.Transactions;

/**
 * The ledger benchmark: a fresh durable embedded database in a temporary folder, 10,000 accounts
 * that may not be overdrawn, then the cases, each a median over rounds. Prints one line per case
 * and, with {@code --record}, writes them into docs/benchmarks.md.
 */
public final class LedgerBench {

    static final int ACCOUNTS = 10_000;
    static final int BATCH_SIZE = 1_000;
    static final int HTTP_CLIENTS = 50;
    static final Currency CURRENCY = Currency.EUR;
    static final Actor ACTOR = new Actor("bench", "OPERATOR");

    private final Options options;

    /** The options of the benchmark; the command line gives their defaults. */
    public record Options(
            int transfers,
            int rounds,
            int naiveTransfers,
            int httpRequests,
            int threads,
            List<String> cases,
            boolean record,
            Path output) {}

    public LedgerBench(Options options) {
        this.options = options;
    }

    /** One case's figures. */
    record Result(
            String name,
            double tps,
            double p50Millis,
            double p99Millis,
            double vsBaseline,
            double javaCpuSeconds,
            double postgresCpuSeconds) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%s tps=%d p50_ms=%.2f p99_ms=%.2f vs_baseline=%.1f",
                    name,
                    Math.round(tps),
                    p50Millis,
                    p99Millis,
                    vsBaseline);
        }

        /** This case as the baseline of the others: 1 times itself. */
        Result asBaseline() {
            return new Result(name, tps, p50Millis, p99Millis, 1, javaCpuSeconds, postgresCpuSeconds);
        }
    }

    /** One round: throughput and the latencies of its units (batches or requests), in ms. */
    record Round(double tps, double[] latenciesMillis, long javaCpuMillis, long postgresCpuMillis) {

        Round(double tps, double[] latenciesMillis) {
            this(tps, latenciesMillis, 0, 0);
        }

        Round withCpu(long javaMillis, long postgresMillis) {
            return new Round(tps, latenciesMillis, javaMillis, postgresMillis);
        }
    }

    private final SplittableRandom random = new SplittableRandom(20240701L);
    private String loadAtStart = "unknown";
    private UUID[] accounts;
    private UUID funding;
    private UUID hot;
    private Path dataDir;

    /** Runs the benchmark and prints one line per case; returns the exit code. */
    public int run() throws Exception {
        long started = System.nanoTime();
        loadAtStart = loadAverage();
        Path dir = Files.createTempDirectory("corridor-bench-ledger");
        dataDir = dir;
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DatabaseSettings.PoolSettings pool =
                new DatabaseSettings.PoolSettings(HTTP_CLIENTS + 4, Duration.ofSeconds(30), Duration.ofSeconds(120));
        Database database = Database.open(new DatabaseSettings.Embedded(dir, true, pool), metrics);
        List<Result> results = new ArrayList<>();
        try (Corridor corridor = new Corridor(
                Config.fromEnvironment(Map.of("CORRIDOR_RATE_LIMIT_PER_MINUTE", "1000000000"))
                        .withDataDir(dir),
                database,
                Clock.systemUTC(),
                metrics)) {
            database.migrate();
            setUp(corridor.ledger());
            warmUp(corridor.ledger());
            runCases(corridor, results);
        } finally {
            DataFolders.wipe(dir);
        }
        System.err.printf(Locale.ROOT, "bench ledger: done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        if (options.record()) {
            recordInto(options.output(), results);
            System.err.println("bench ledger: recorded in " + options.output());
        }
        return 0;
    }

    /**
     * Warms the JIT and the caches; not measured. The JIT compiler keeps a core busy for the first
     * tens of seconds (seen with JFR), so the warm-up is not short.
     */
    private void warmUp(Ledger ledger) throws Exception {
        runBatches(ledger, false, 150 * BATCH_SIZE);
        runBatches(ledger, true, 30 * BATCH_SIZE);
        for (int i = 0; i < 300; i++) {
            ledger.post(ACTOR, List.of(randomTransfer(false)));
        }
    }

    /** The cases asked for, in order, each printed as soon as it is measured; naive is the baseline. */
    private void runCases(Corridor corridor, List<Result> results) throws Exception {
        Ledger ledger = corridor.ledger();
        List<String> cases = options.cases();
        int transfers = options.transfers();
        double baseline = Double.NaN;
        if (cases.contains("naive")) {
            Result naive = summarise("naive", repeat(() -> runNaive(corridor)), Double.NaN);
            baseline = naive.tps();
            results.add(naive.asBaseline());
            print(results);
        }
        if (cases.contains("batch")) {
            results.add(summarise("batch", repeat(() -> runBatches(ledger, false, transfers)), baseline));
            print(results);
        }
        if (cases.contains("hot")) {
            results.add(summarise("hot", repeat(() -> runBatches(ledger, true, transfers)), baseline));
            print(results);
        }
        // One token for every http case: the console creates the first user of an empty database only.
        String token = cases.stream().anyMatch(name -> name.startsWith("http"))
                ? BenchUsers.operatorToken(corridor, ACTOR)
                : "";
        if (cases.contains("http-alone")) {
            // Before issue 21: every request's transfer in a batch and a commit of its own.
            Config alone = corridor.config().withGroupCommit(GroupCommit.Settings.OFF);
            // Not closed: closing a Corridor closes its database, which the bench's own Corridor shares.
            Corridor ungrouped = new Corridor(alone, corridor.database(), Clock.systemUTC(), corridor.metrics());
            results.add(runHttpCase(ungrouped, token, "http-alone", HTTP_CLIENTS, options.httpRequests(), baseline));
            print(results);
        }
        if (cases.contains("http")) {
            results.add(runHttpCase(corridor, token, "http", HTTP_CLIENTS, options.httpRequests(), baseline));
            print(results);
        }
        if (cases.contains("http-1")) {
            results.add(runHttpCase(corridor, token, "http-1", 1, Math.max(1, options.httpRequests() / 10), baseline));
            print(results);
        }
    }

    private Result runHttpCase(Corridor corridor, String token, String name, int clients, int requests, double baseline)
            throws Exception {
        try (HttpServer server = HttpServer.start(corridor, "127.0.0.1", 0)) {
            // Jetty, Jackson and the HTTP client have their own code to compile first.
            runHttp(server.port(), token, clients, Math.min(requests, 1_500));
            return summarise(name, repeat(() -> runHttp(server.port(), token, clients, requests)), baseline);
        }
    }

    private void print(List<Result> results) {
        System.out.println(results.get(results.size() - 1).line());
        System.out.flush();
    }

    private List<Round> repeat(Callable<Round> round) throws Exception {
        List<Round> done = new ArrayList<>();
        for (int i = 0; i < options.rounds(); i++) {
            long[] before = cpuMillis();
            long start = System.nanoTime();
            Round measured = round.call();
            long[] after = cpuMillis();
            done.add(measured.withCpu(after[0] - before[0], after[1] - before[1]));
            // The machine may be shared: CPU time shows what the run itself cost.
            System.err.printf(
                    Locale.ROOT,
                    "bench ledger: round %d: %.0f/s, %.1f s wall, CPU java %.1f s, postgres %.1f s%n",
                    i + 1,
                    done.get(done.size() - 1).tps(),
                    (System.nanoTime() - start) / 1e9,
                    (after[0] - before[0]) / 1e3,
                    (after[1] - before[1]) / 1e3);
        }
        return done;
    }

    /** CPU time used so far by this JVM and by the embedded PostgreSQL's processes, in ms. */
    private long[] cpuMillis() {
        long java = procCpuMillis(ProcessHandle.current().pid());
        long postgres = 0;
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid"))
                    .get(0)
                    .trim());
            postgres = ProcessHandle.of(postmaster)
                    .map(process -> Stream.concat(Stream.of(process), process.descendants())
                            .mapToLong(child -> procCpuMillis(child.pid()))
                            .sum())
                    .orElse(0L);
        } catch (IOException | RuntimeException e) {
            System.err.println("bench ledger: no CPU figures for PostgreSQL: " + e);
        }
        return new long[] {java, postgres};
    }

    /** The median round's throughput and CPU time, and percentiles over every round's latencies. */
    private static Result summarise(String name, List<Round> rounds, double baseline) {
        List<Round> byThroughput = rounds.stream()
                .sorted(java.util.Comparator.comparingDouble(Round::tps))
                .toList();
        Round median = byThroughput.get(byThroughput.size() / 2);
        double[] latencies = rounds.stream()
                .flatMapToDouble(round -> Arrays.stream(round.latenciesMillis()))
                .sorted()
                .toArray();
        return new Result(
                name,
                median.tps(),
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                Double.isNaN(baseline) ? 0 : median.tps() / baseline,
                median.javaCpuMillis() / 1e3,
                median.postgresCpuMillis() / 1e3);
    }

    static double percentile(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** 10,000 accounts that may not be overdrawn, each funded from a payer, and a hot settlement account. */
    private void setUp(Ledger ledger) {
        funding = UUID.randomUUID();
        hot = UUID.randomUUID();
        accounts = new UUID[ACCOUNTS];
        List<NewAccount> opened = new ArrayList<>();
        opened.add(NewAccount.of(funding, CURRENCY, AccountCode.PAYER, "bench payer"));
        opened.add(NewAccount.of(hot, CURRENCY, AccountCode.SETTLEMENT, "bench settlement"));
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts[i] = UUID.randomUUID();
            // Not flagged RESTRICTED: the bench moves money freely between them, which the ledger
            // allows a restricted account only under the channel's own movement codes.
            opened.add(NewAccount.of(
                    accounts[i],
                    CURRENCY,
                    AccountCode.RESTRICTED,
                    "holder-" + (i % 100),
                    AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
        }
        for (int from = 0; from < opened.size(); from += Ledger.MAX_BATCH) {
            ledger.createAccounts(ACTOR, opened.subList(from, Math.min(opened.size(), from + Ledger.MAX_BATCH)));
        }
        List<NewTransfer> deposits = new ArrayList<>();
        for (UUID account : accounts) {
            deposits.add(
                    NewTransfer.posted(UUID.randomUUID(), funding, account, 1_000_000_000_00L, CURRENCY, "DEPOSIT"));
        }
        for (int from = 0; from < deposits.size(); from += BATCH_SIZE) {
            requireAccepted(ledger.post(ACTOR, deposits.subList(from, from + BATCH_SIZE)));
        }
    }

    private NewTransfer randomTransfer(boolean throughHot) {
        UUID debit;
        UUID credit;
        synchronized (random) {
            debit = throughHot ? hot : accounts[random.nextInt(ACCOUNTS)];
            do {
                credit = accounts[random.nextInt(ACCOUNTS)];
            } while (credit.equals(debit));
            return NewTransfer.posted(
                    TransferIds.next(), debit, credit, 1 + random.nextInt(100_000), CURRENCY, "TRANSFER");
        }
    }

    private static void requireAccepted(List<TransferOutcome> outcomes) {
        for (TransferOutcome outcome : outcomes) {
            if (!outcome.succeeded()) {
                throw new IllegalStateException("benchmark transfer refused: " + outcome);
            }
        }
    }

    /**
     * One thread, one transaction per transfer with the accounts locked first (the ledger's careful
     * path, as features post within their own transactions): the baseline.
     */
    private Round runNaive(Corridor corridor) throws Exception {
        int count = options.naiveTransfers();
        List<NewTransfer> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            planned.add(randomTransfer(false));
        }
        Transactions transactions = corridor.database().transactions();
        // The careful path in a unit of work of its own: accounts locked first, never sequenced.
        return timed(
                1,
                count,
                1,
                () -> i -> requireAccepted(
                        transactions.inTransaction(tx -> corridor.ledger().post(tx, ACTOR, List.of(planned.get(i))))));
    }

    /** Batches of 1,000 from {@code threads} threads; with {@code throughHot}, all debit one account. */
    private Round runBatches(Ledger ledger, boolean throughHot, int count) throws Exception {
        int batches = Math.max(1, count / BATCH_SIZE);
        List<List<NewTransfer>> planned = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            List<NewTransfer> batch = new ArrayList<>(BATCH_SIZE);
            for (int i = 0; i < BATCH_SIZE; i++) {
                batch.add(randomTransfer(throughHot));
            }
            planned.add(batch);
        }
        return timed(
                options.threads(), batches, BATCH_SIZE, () -> b -> requireAccepted(ledger.post(ACTOR, planned.get(b))));
    }

    /** Single transfers over HTTP from {@code clients} concurrent clients on loopback. */
    private Round runHttp(int port, String token, int clients, int requests) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/transfers");
        List<HttpRequest> planned = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            planned.add(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(randomTransfer(false))))
                    .build());
        }
        return timed(clients, requests, 1, () -> {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            return i -> {
                HttpResponse<String> response = client.send(planned.get(i), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "http transfer refused: " + response.statusCode() + " " + response.body());
                }
            };
        });
    }

    private static String body(NewTransfer transfer) {
        return "{\"transfers\":[{\"id\":\"" + transfer.id() + "\",\"debit_account_id\":\""
                + transfer.debitAccountId() + "\",\"credit_account_id\":\"" + transfer.creditAccountId()
                + "\",\"amount\":\"" + (transfer.amountMinor() / 100) + "."
                + String.format(Locale.ROOT, "%02d", transfer.amountMinor() % 100)
                + "\",\"currency\":\"" + CURRENCY.code() + "\",\"code\":\"TRANSFER\"}]}";
    }

    /** One unit of a round's work, such as a batch or a request, by its index. */
    private interface Unit {
        void run(int index) throws Exception;
    }

    /**
     * A round of {@code units} units on {@code threads} threads, each thread taking the next unit
     * not yet taken, timing each unit; the rate counts {@code itemsPerUnit} items per unit.
     *
     * @param worker makes each thread's own worker (such as one with its own HTTP client)
     */
    private static Round timed(int threads, int units, int itemsPerUnit, Callable<Unit> worker) throws Exception {
        double[] latencies = new double[units];
        AtomicInteger next = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(executor.submit(() -> {
                    Unit unit = worker.call();
                    for (int i = next.getAndIncrement(); i < units; i = next.getAndIncrement()) {
                        long before = System.nanoTime();
                        unit.run(i);
                        latencies[i] = (System.nanoTime() - before) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> each : workers) {
                each.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Round((double) units * itemsPerUnit / seconds, latencies);
        } finally {
            executor.shutdownNow();
        }
    }

    private void recordInto(Path file, List<Result> results) {
        StringBuilder section = new StringBuilder();
        section.append("## Ledger\n\n");
        section.append(commandAndMachine());
        section.append(howMeasured());
        section.append("Load average (1 min) when the run started: ")
                .append(loadAtStart)
                .append("; when it ended: ")
                .append(loadAverage())
                .append(". CPU columns: seconds used by the JVM and by PostgreSQL during the median round.\n\n");
        section.append("| case | transfers/s | p50 ms | p99 ms | vs naive | CPU java s | CPU postgres s |\n");
        section.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Result result : results) {
            section.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.2f | %.2f | %.1f× | %.1f | %.1f |%n",
                    result.name(),
                    Math.round(result.tps()),
                    result.p50Millis(),
                    result.p99Millis(),
                    result.vsBaseline(),
                    result.javaCpuSeconds(),
                    result.postgresCpuSeconds()));
        }
        section.append("\n```\n");
        results.forEach(result -> section.append(result.line()).append('\n'));
        section.append("```\n");
        section.append(targets(results));
        BenchReport.writeSection(file, "Ledger", section.toString());
    }

    private String commandAndMachine() {
        StringBuilder text = new StringBuilder("Command: `./corridor bench ledger --record");
        if (options.transfers() != 60_000) {
            text.append(" --transfers ").append(options.transfers());
        }
        if (options.threads() != 1) {
            text.append(" --threads ").append(options.threads());
        }
        text.append("`, run on ").append(LocalDate.now(ZoneOffset.UTC)).append(".\n\n");
        return text.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores (nproc), ")
                .append(cpuModel())
                .append("; Java ")
                .append(System.getProperty("java.runtime.version"))
                .append(" (")
                .append(System.getProperty("java.vm.name"))
                .append("); embedded PostgreSQL with fsync and synchronous_commit on.\n\n")
                .toString();
    }

    private String howMeasured() {
        return new StringBuilder("Each case is the median of ")
                .append(options.rounds())
                .append(" rounds; p50 and p99 are per batch of 1,000 (batch, hot), per transfer (naive) or per ")
                .append("request (http), over all rounds. `batch` and `hot` post ")
                .append(options.transfers())
                .append(" transfers per round from ")
                .append(options.threads())
                .append(" thread(s) over 10,000 accounts flagged DEBITS_MUST_NOT_EXCEED_CREDITS, with the ")
                .append("idempotency check, the recorded balances after each transfer and one audit entry per batch; ")
                .append("`naive` posts ")
                .append(options.naiveTransfers())
                .append(" transfers one transaction each, from one thread, with the accounts locked first (the"
                        + " ledger's careful path); `http` sends ")
                .append(options.httpRequests())
                .append(" single-transfer requests from 50 concurrent clients over loopback, gathered by the server")
                .append(" into shared batches (group commit, issue 21); `http-alone` the same with every transfer")
                .append(" posted alone (`CORRIDOR_GROUP_COMMIT_MAX_BATCH=1`, as before issue 21), on a second server")
                .append(" in the same process; `http-1` sends a tenth as many from one client.\n\n")
                .toString();
    }

    /** The targets against this run's figures, stated plainly. */
    static String targets(List<Result> results) {
        Map<String, Result> byName = new java.util.HashMap<>();
        results.forEach(result -> byName.put(result.name(), result));
        StringBuilder text = new StringBuilder("\nTargets (issue #3) against this run: ");
        Result batch = byName.get("batch");
        if (batch == null) {
            return text.append("the batch case was not run.\n").toString();
        }
        text.append(String.format(
                Locale.ROOT,
                "batch %d transfers/s against at least 30,000/s (%s); ",
                Math.round(batch.tps()),
                batch.tps() >= 30_000 ? "met" : "not met on this run"));
        if (byName.containsKey("naive")) {
            text.append(String.format(
                    Locale.ROOT,
                    "%.1f× naive against at least 15× (%s); ",
                    batch.vsBaseline(),
                    batch.vsBaseline() >= 15 ? "met" : "not met"));
        }
        Result hot = byName.get("hot");
        if (hot != null) {
            text.append(String.format(
                    Locale.ROOT,
                    "hot %d/s against at least half of batch (%s). ",
                    Math.round(hot.tps()),
                    hot.tps() >= batch.tps() / 2 ? "met" : "not met"));
        }
        Result http = byName.get("http");
        Result alone = byName.get("http-alone");
        if (http != null && alone != null) {
            text.append(String.format(
                    Locale.ROOT,
                    "http %d transfers/s (p99 %.1f ms) against at least 5,000/s (%s) and %.1f× http-alone against"
                            + " at least 10× (%s). ",
                    Math.round(http.tps()),
                    http.p99Millis(),
                    http.tps() >= 5_000 ? "met" : "not met on this run",
                    http.tps() / alone.tps(),
                    http.tps() >= 10 * alone.tps() ? "met" : "not met on this run"));
        }
        return text.append("The load average above shows whether other work shared the two cores; ")
                .append("docs/ledger.md compares the bare SQL of a batched posting measured on this machine.\n")
                .toString();
    }

    /** utime + stime of a process from /proc, in ms (clock ticks of 10 ms). */
    private static long procCpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | UncheckedIOException e) {
            return "unknown CPU";
        }
    }
}
