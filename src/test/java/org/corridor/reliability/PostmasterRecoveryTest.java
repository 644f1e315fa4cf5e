package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the embedded PostgreSQL's postmaster (SIGKILL) under a steady load of transfers, balance
 * reads and health checks, in the server's own process. Corridor must start it again by itself and
 * return to UP; meanwhile every request gets a 503 with Retry-After, never a 500; every acknowledged
 * transfer is stored exactly once. Before issue 16, /health stayed 503 until the JVM was restarted.
 * One kill by default; {@code -Dcorridor.postmaster.kills=N} for more.
 */
class PostmasterRecoveryTest {

    static final int CLIENTS = 4;
    static final int KILLS = Integer.getInteger("corridor.postmaster.kills", 1);
    static final Set<String> UNAVAILABLE_CODES =
            Set.of("DATABASE_UNAVAILABLE", "STATEMENT_TIMEOUT", "TRANSACTION_CONFLICT");

    @TempDir
    Path dataDir;

    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<String[]> unanswered = new ConcurrentLinkedQueue<>();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final AtomicInteger succeeded = new AtomicInteger();

    @Test
    void a_killed_postmaster_is_started_again_and_requests_meanwhile_get_503_never_500() throws Exception {
        Config config = Config.fromEnvironment(Map.of(
                        "CORRIDOR_RATE_LIMIT_PER_MINUTE",
                        "1000000",
                        "CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE",
                        "1000000"))
                .withDataDir(dataDir);
        List<Long> recoveries = new ArrayList<>();
        try (TestServer server = new TestServer(Corridor.open(config))) {
            ApiClient operator = server.as(Role.OPERATOR);
            String funding = UUID.randomUUID().toString();
            List<String> targets = new ArrayList<>();
            assertThat(operator.post("/api/v1/accounts", TransactionFaultsTest.account(funding))
                            .status())
                    .isEqualTo(201);
            for (int i = 0; i < 3; i++) {
                String target = UUID.randomUUID().toString();
                assertThat(operator.post("/api/v1/accounts", TransactionFaultsTest.account(target))
                                .status())
                        .isEqualTo(201);
                targets.add(target);
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> loads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                loads.add(clients.submit(() -> load(operator, running, funding, targets)));
            }
            try {
                for (int kill = 0; kill < KILLS; kill++) {
                    Thread.sleep(1_500);
                    long killed = System.nanoTime();
                    killPostmaster();
                    recoveries.add(awaitHealthy(server.anonymous(), killed));
                }
                Thread.sleep(1_500);
            } finally {
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            }
            for (Future<?> load : loads) {
                load.get();
            }
            for (String[] pending : unanswered) {
                ApiClient.Response response = operator.post("/api/v1/transfers", pending[1]);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                acknowledged.add(pending[0]);
            }
            assertThat(violations).as("only 2xx, or 503 with Retry-After").isEmpty();
            assertThat(errors.get()).as("answers 500").isZero();
            assertThat(server.corridor().database().restarts()).isEqualTo(KILLS);
            long creditedMinor = 0;
            for (String target : targets) {
                String credits = operator.get("/api/v1/accounts/" + target + "/balance")
                        .json()
                        .at("/balances/credits_posted")
                        .asText();
                creditedMinor += new BigDecimal(credits).movePointRight(2).longValueExact();
            }
            assertThat(creditedMinor)
                    .as("every acknowledged transfer exactly once")
                    .isEqualTo(acknowledged.size() * 100L);
            assertThat(server.corridor().audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        }
        String figures = String.format(
                "postmaster killed %d time(s) under %d clients: back to UP after %s ms; %d requests succeeded,"
                        + " %d answered 503 with Retry-After, %d answered 500; %d transfers acknowledged, each"
                        + " found exactly once%n",
                KILLS, CLIENTS, recoveries, succeeded.get(), unavailable.get(), errors.get(), acknowledged.size());
        System.out.print(figures);
        Path report = Path.of("target", "reliability", "postmaster.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, figures);
    }

    private void killPostmaster() throws IOException {
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private void load(ApiClient operator, AtomicBoolean running, String funding, List<String> targets) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            int choice = random.nextInt(10);
            String target = targets.get(random.nextInt(targets.size()));
            try {
                if (choice < 5) {
                    String id = UUID.randomUUID().toString();
                    String body = TransactionFaultsTest.transfer(id, funding, target, "1.00");
                    ApiClient.Response response = operator.post("/api/v1/transfers", body);
                    if (response.status() == 200) {
                        acknowledged.add(id);
                        succeeded.incrementAndGet();
                    } else {
                        check(response, "POST /api/v1/transfers");
                        unanswered.add(new String[] {id, body});
                    }
                } else if (choice < 8) {
                    classify(operator.get("/api/v1/accounts/" + target + "/balance"), "GET balance");
                } else {
                    classify(operator.anonymous().get("/health"), "GET /health");
                }
            } catch (UncheckedIOException e) {
                violations.add("connection lost: " + e.getMessage());
            }
        }
    }

    private void classify(ApiClient.Response response, String what) {
        if (response.status() == 200) {
            succeeded.incrementAndGet();
        } else {
            check(response, what);
        }
    }

    private void check(ApiClient.Response response, String what) {
        if (response.status() >= 500 && response.status() != 503) {
            errors.incrementAndGet();
        }
        if (response.status() != 503 || response.retryAfter().isEmpty()) {
            violations.add(what + " answered " + response.status() + ": " + response.body());
            return;
        }
        unavailable.incrementAndGet();
        if (response.isProblem()
                && !UNAVAILABLE_CODES.contains(response.json().path("code").asText())) {
            violations.add(what + " answered 503 with code " + response.json().path("code"));
        }
    }

    /** Milliseconds from the kill until /health answers 200 again. */
    private static long awaitHealthy(ApiClient anonymous, long killedNanos) throws InterruptedException {
        Thread.sleep(100);
        long deadline = killedNanos + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (anonymous.get("/health").status() == 200) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedNanos);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not return to UP within 90 s of the postmaster's death");
    }
}
