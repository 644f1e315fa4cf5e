package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
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
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.ExternalPostgres;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Restarts an external PostgreSQL server (Debian's own) under a steady load of transfers, balance
 * reads and health checks. While it is down every request must fail cleanly (503 with a
 * Retry-After and a problem body, never a 500 or a stack trace); afterwards the pool must recover
 * by itself, and every transfer that was acknowledged, before or after, must be there exactly once.
 */
class DatabaseRestartTest {

    static final int CLIENTS = 6;
    static final Duration DOWN_FOR = Duration.ofSeconds(8);
    static final Set<String> UNAVAILABLE_CODES =
            Set.of("DATABASE_UNAVAILABLE", "STATEMENT_TIMEOUT", "TRANSACTION_CONFLICT");

    private static ExternalPostgres postgres;

    @BeforeAll
    static void start() {
        assumeTrue(
                ExternalPostgres.binaries().isPresent(),
                "skipped: Debian's postgresql is not installed (/usr/lib/postgresql/*/bin/pg_ctl); .ci/run installs it");
        postgres = ExternalPostgres.start();
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final ConcurrentLinkedQueue<String[]> unanswered = new ConcurrentLinkedQueue<>();
    final AtomicInteger unavailable = new AtomicInteger();
    final AtomicInteger succeeded = new AtomicInteger();
    final AtomicInteger lostConnections = new AtomicInteger();

    @Test
    void requests_fail_cleanly_while_the_database_restarts_and_recover_by_themselves_with_nothing_lost()
            throws Exception {
        Config config = Config.fromEnvironment(Map.of(
                "CORRIDOR_DB_URL",
                postgres.jdbcUrl(),
                "CORRIDOR_DB_USER",
                ExternalPostgres.USER,
                "CORRIDOR_DB_PASSWORD",
                ExternalPostgres.PASSWORD,
                "CORRIDOR_RATE_LIMIT_PER_MINUTE",
                "1000000",
                "CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE",
                "1000000"));
        try (TestServer server = new TestServer(Corridor.open(config))) {
            ApiClient operator = server.as(Role.OPERATOR);
            String funding = UUID.randomUUID().toString();
            List<String> targets = new ArrayList<>();
            assertThat(operator.post("/api/v1/accounts", TransactionFaultsTest.account(funding))
                            .status())
                    .isEqualTo(201);
            for (int i = 0; i < 4; i++) {
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
            long restartMillis;
            try {
                Thread.sleep(3_000);
                int before = succeeded.get();
                long stopped = System.nanoTime();
                postgres.stopServer();
                Thread.sleep(DOWN_FOR.toMillis());
                postgres.startServer();
                restartMillis = (System.nanoTime() - stopped) / 1_000_000;
                assertThat(before).as("load was running before the restart").isPositive();
                Thread.sleep(5_000);
            } finally {
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            }
            for (Future<?> load : loads) {
                load.get();
            }

            awaitHealthy(server.anonymous());
            // Whatever was not answered is sent again, as a client would, with the same id.
            for (String[] pending : unanswered) {
                ApiClient.Response response = operator.post("/api/v1/transfers", pending[1]);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                acknowledged.add(pending[0]);
            }
            String after = UUID.randomUUID().toString();
            assertThat(operator.post(
                                    "/api/v1/transfers",
                                    TransactionFaultsTest.transfer(after, funding, targets.get(0), "1.00"))
                            .status())
                    .as("a new request succeeds after recovery")
                    .isEqualTo(200);
            acknowledged.add(after);

            assertThat(violations).as("only 2xx, or 503 with Retry-After").isEmpty();
            assertThat(unavailable.get()).as("the restart was felt").isPositive();
            for (String id : acknowledged) {
                assertThat(operator.get("/api/v1/transfers/" + id).status())
                        .as("acknowledged transfer " + id)
                        .isEqualTo(200);
            }
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
            System.out.printf(
                    "database restart: down %d ms; %d requests succeeded, %d answered 503 with Retry-After, %d connections"
                            + " lost; %d transfers acknowledged, each found exactly once%n",
                    restartMillis, succeeded.get(), unavailable.get(), lostConnections.get(), acknowledged.size());
        }
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
                // The server itself never went away; a lost connection is a failure too.
                lostConnections.incrementAndGet();
                violations.add("connection lost: " + e.getMessage());
            }
            if (random.nextInt(4) == 0) {
                pause(20);
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

    /** A refusal must be a clean, retryable 503. */
    private void check(ApiClient.Response response, String what) {
        if (response.status() != 503 || response.retryAfter().isEmpty()) {
            violations.add(what + " answered " + response.status() + ": " + response.body());
            return;
        }
        unavailable.incrementAndGet();
        if (response.body().contains("Exception") || response.body().contains("\tat ")) {
            violations.add(what + " leaked internal detail: " + response.body());
        }
        if (response.isProblem()
                && !UNAVAILABLE_CODES.contains(response.json().path("code").asText())) {
            violations.add(what + " answered 503 with code " + response.json().path("code"));
        }
        if (!response.isProblem() && !what.equals("GET /health")) {
            violations.add(what + " answered 503 without a problem body: " + response.body());
        }
    }

    private static void awaitHealthy(ApiClient anonymous) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (anonymous.get("/health").status() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not recover within 60 s of the database's restart");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
