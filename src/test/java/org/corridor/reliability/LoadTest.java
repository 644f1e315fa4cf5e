package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.testing.CorridorProcess;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 concurrent clients over loopback against {@code corridor serve} in its own JVM, on the
 * durable embedded database, over the mixed API: ledger transfers with client-supplied ids,
 * balance reads, audit reads and health checks. Each client thinks 1 to 2 s between requests; a
 * noisy group of clients shares one token and does not think, so the per-token rate limit must
 * answer it with 429 and a Retry-After. Every other answer must be a success. The baseline of the
 * same run is one client alone, sending back to back.
 *
 * <p>CI runs {@value #DEFAULT_SECONDS} s under load; {@code -Dcorridor.load.seconds=60} runs the
 * full minute. The figures go to stdout and to {@code target/reliability/load.txt}.
 */
class LoadTest {

    static final int DEFAULT_SECONDS = 20;
    static final int SECONDS = Integer.getInteger("corridor.load.seconds", DEFAULT_SECONDS);
    static final int CLIENTS = 200;
    static final int NOISY_CLIENTS = 20;
    static final int ACCOUNTS = 50;
    static final int RATE_LIMIT_PER_MINUTE = 600;
    static final long THINK_MILLIS_MIN = 1_000;
    static final long THINK_MILLIS_MAX = 2_000;
    /** A bound on the requests of one run, whatever the machine's speed. */
    static final long MAX_REQUESTS = SECONDS * 2_000L;

    static final long HEAP_AFTER_GC_BOUND_BYTES = 256L * 1024 * 1024;
    static final Pattern HEAP_USED =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)$");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String base;

    /** What one phase of the run saw. */
    static final class Tally {
        final List<Long> latenciesNanos = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong requests = new AtomicLong();
        final AtomicInteger transfers = new AtomicInteger();
        final AtomicInteger rateLimited = new AtomicInteger();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        long elapsedNanos;

        double perSecond() {
            return requests.get() / (elapsedNanos / 1e9);
        }

        double percentileMillis(double percentile) {
            long[] sorted;
            synchronized (latenciesNanos) {
                sorted = latenciesNanos.stream().mapToLong(Long::longValue).toArray();
            }
            if (sorted.length == 0) {
                return 0;
            }
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /**
     * One client: its operator tokens (one, except for the baseline client, which spreads its
     * back-to-back requests over several so that the rate limit does not slow it), its auditor
     * token, whether it is in the noisy group, and how long it thinks between requests.
     */
    record Client(List<String> operators, String auditor, boolean noisy, long thinkMillisMin, long thinkMillisMax) {

        String operator() {
            return operators.get(ThreadLocalRandom.current().nextInt(operators.size()));
        }
    }

    @Test
    void two_hundred_clients_get_only_successes_or_deliberate_429s_with_bounded_latency_and_memory() throws Exception {
        List<Client> clients = new ArrayList<>();
        List<String> baselineTokens = new ArrayList<>();
        try (Corridor corridor = Corridor.open(Config.fromEnvironment(Map.of()).withDataDir(dataDir))) {
            for (int i = 0; i < 10; i++) {
                baselineTokens.add(issue(corridor, "alone-" + i, Role.OPERATOR));
            }
            String noisy = issue(corridor, "noisy", Role.OPERATOR);
            for (int i = 0; i < CLIENTS; i++) {
                boolean isNoisy = i < NOISY_CLIENTS;
                clients.add(new Client(
                        List.of(isNoisy ? noisy : issue(corridor, "operator-" + i, Role.OPERATOR)),
                        issue(corridor, "auditor-" + i, Role.AUDITOR),
                        isNoisy,
                        isNoisy ? 0 : THINK_MILLIS_MIN,
                        isNoisy ? 0 : THINK_MILLIS_MAX));
            }
        }
        // Every client shares one address: the per-address limit of unauthenticated requests (health
        // checks here) is a test of its own (RefusalFloodTest).
        Map<String, String> environment = Map.of(
                "CORRIDOR_RATE_LIMIT_PER_MINUTE",
                Integer.toString(RATE_LIMIT_PER_MINUTE),
                "CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE",
                "1000000");
        try (CorridorProcess server = CorridorProcess.serve(dataDir, environment)) {
            base = "http://127.0.0.1:" + server.awaitListening();
            String setup = clients.get(NOISY_CLIENTS).operator();
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                String id = UUID.randomUUID().toString();
                Result opened = send("POST", "/api/v1/accounts", setup, TransactionFaultsTest.account(id));
                assertThat(opened.status()).as(opened.body()).isEqualTo(201);
                accounts.add(id);
            }
            Client alone = new Client(baselineTokens, clients.get(NOISY_CLIENTS).auditor(), false, 0, 0);
            // Warm-up, unmeasured: the JIT and the pool; then the noisy token spends its burst allowance.
            runPhase(List.of(alone), accounts, 3, new Tally());
            drain(clients.get(0).operator());

            int baselineSeconds = Math.max(5, SECONDS / 4);
            Tally baseline = runPhase(List.of(alone), accounts, baselineSeconds, new Tally());
            Tally load = runPhase(clients, accounts, SECONDS, new Tally());
            long heapAfterGc = heapAfterFullGc(server);

            String report = report(baseline, baselineSeconds, load, heapAfterGc);
            System.out.print(report);
            Path file = Path.of("target", "reliability", "load.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report, StandardCharsets.UTF_8);

            assertThat(baseline.errors).as("baseline errors").isEmpty();
            assertThat(load.errors).as("errors other than deliberate 429s").isEmpty();
            assertThat(load.rateLimited.get())
                    .as("the noisy token was rate-limited")
                    .isPositive();
            assertThat(load.transfers.get()).isPositive();
            assertThat(heapAfterGc).as("heap after a full GC").isLessThan(HEAP_AFTER_GC_BOUND_BYTES);
            // Every acknowledged transfer of the run is stored: spot-check a sample through the API.
            List<String> sample = new ArrayList<>(load.acknowledged);
            Collections.shuffle(sample);
            for (String id : sample.subList(0, Math.min(200, sample.size()))) {
                assertThat(send("GET", "/api/v1/transfers/" + id, setup, null).status())
                        .isEqualTo(200);
            }
        }
    }

    /** Spends a token's burst allowance, from a few threads at once. */
    private void drain(String token) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicBoolean limited = new AtomicBoolean();
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                for (int i = 0; i < RATE_LIMIT_PER_MINUTE && !limited.get(); i++) {
                    if (send("GET", "/api/v1/me", token, null).status() == 429) {
                        limited.set(true);
                    }
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }

    private Tally runPhase(List<Client> clients, List<String> accounts, int seconds, Tally tally)
            throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> running = new ArrayList<>();
        for (Client client : clients) {
            running.add(threads.submit(() -> {
                runClient(client, accounts, deadline, tally);
                return null;
            }));
        }
        threads.shutdown();
        if (!threads.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            threads.shutdownNow();
            tally.errors.add("clients did not finish in time");
        }
        tally.elapsedNanos = System.nanoTime() - started;
        for (Future<?> client : running) {
            if (client.isDone() && !client.isCancelled()) {
                try {
                    client.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    tally.errors.add("client failed: " + e.getCause());
                }
            }
        }
        return tally;
    }

    private void runClient(Client client, List<String> accounts, long deadline, Tally tally) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && tally.requests.get() < MAX_REQUESTS) {
            int choice = random.nextInt(100);
            String path;
            Result result;
            String transferId = null;
            long started = System.nanoTime();
            if (choice < 35 || client.noisy()) {
                String debit = accounts.get(random.nextInt(accounts.size()));
                String credit = accounts.get(random.nextInt(accounts.size()));
                if (debit.equals(credit)) {
                    continue;
                }
                transferId = UUID.randomUUID().toString();
                path = "POST /api/v1/transfers";
                result = send(
                        "POST",
                        "/api/v1/transfers",
                        client.operator(),
                        TransactionFaultsTest.transfer(transferId, debit, credit, random.nextInt(1, 100) + ".00"));
            } else if (choice < 70) {
                path = "GET balance";
                result = send(
                        "GET",
                        "/api/v1/accounts/" + accounts.get(random.nextInt(accounts.size())) + "/balance",
                        client.operator(),
                        null);
            } else if (choice < 85) {
                path = "GET /api/v1/audit";
                result = send("GET", "/api/v1/audit?limit=20", client.auditor(), null);
            } else {
                path = "GET /health";
                result = send("GET", "/health", null, null);
            }
            long took = System.nanoTime() - started;
            tally.requests.incrementAndGet();
            if (result.status() == 429 && client.noisy() && result.retryAfter().isPresent()) {
                tally.rateLimited.incrementAndGet();
                // A polite client waits as told.
                sleep(Long.parseLong(result.retryAfter().get()) * 1_000);
                continue;
            }
            tally.latenciesNanos.add(took);
            if (result.status() != 200) {
                tally.errors.add(path + " answered " + result.status() + ": " + result.body());
                continue;
            }
            if (transferId != null) {
                tally.transfers.incrementAndGet();
                tally.acknowledged.add(transferId);
            }
            if (client.thinkMillisMax() > 0) {
                sleep(random.nextLong(client.thinkMillisMin(), client.thinkMillisMax() + 1));
            }
        }
    }

    record Result(int status, Optional<String> retryAfter, String body) {}

    private Result send(String method, String path, String token, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
        } catch (IOException e) {
            return new Result(-1, Optional.empty(), "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, Optional.empty(), "interrupted");
        }
    }

    /** Asks the server's JVM for a full GC, then reads its heap use from its own metrics. */
    private long heapAfterFullGc(CorridorProcess server) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(server.pid()), "GC.run")
                .redirectErrorStream(true)
                .start();
        gc.getInputStream().readAllBytes();
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String metrics = send("GET", "/metrics", null, null).body();
        Matcher matcher = HEAP_USED.matcher(metrics);
        double used = 0;
        while (matcher.find()) {
            used += Double.parseDouble(matcher.group(1));
        }
        assertThat(used).as("heap figures in /metrics").isPositive();
        return (long) used;
    }

    private static String report(Tally baseline, int baselineSeconds, Tally load, long heapAfterGc) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "load: %d clients for %d s (baseline: 1 client for %d s), loopback, durable embedded database%n",
                CLIENTS,
                SECONDS,
                baselineSeconds));
        out.append(
                "| case | requests | req/s | transfers | p50 ms | p99 ms | 429s | errors | vs baseline (req/s; p99) |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var row : List.of(Map.entry("1 client", baseline), Map.entry(CLIENTS + " clients", load))) {
            Tally tally = row.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %d | %.1f | %.1f | %d | %d | %.1f×; %.1f× |%n",
                    row.getKey(),
                    tally.requests.get(),
                    tally.perSecond(),
                    tally.transfers.get(),
                    tally.percentileMillis(50),
                    tally.percentileMillis(99),
                    tally.rateLimited.get(),
                    tally.errors.size(),
                    tally.perSecond() / baseline.perSecond(),
                    tally.percentileMillis(99) / Math.max(0.001, baseline.percentileMillis(99))));
        }
        out.append(String.format(
                Locale.ROOT,
                "heap after full GC: %.1f MB (bound %d MB; -Xmx512m)%n",
                heapAfterGc / 1048576.0,
                HEAP_AFTER_GC_BOUND_BYTES / 1048576));
        out.append(String.format(
                Locale.ROOT,
                "load average at the end: %.2f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        return out.toString();
    }

    private static String issue(Corridor corridor, String name, Role role) {
        return TestUsers.token(corridor, name, role);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
