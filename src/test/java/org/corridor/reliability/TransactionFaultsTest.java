package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.InvalidInputException;
import org.corridor.app.Config;
import org.corridor.db.Database;
import org.corridor.db.DatabaseSettings;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestDatabase;
import org.corridor.testing.TestServer;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.Test;

/**
 * Serialization failures, deadlocks and slow statements provoked for real on PostgreSQL: the
 * transaction runner retries conflicts a bounded number of times, a statement past the timeout is
 * cancelled by the server, and the API answers both with a clean 503 problem and a Retry-After,
 * never a 500 or a hang.
 */
class TransactionFaultsTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private static DatabaseSettings.PoolSettings pool(Duration statementTimeout, int retries) {
        return new DatabaseSettings.PoolSettings(8, Duration.ofSeconds(10), statementTimeout, retries);
    }

    @Test
    void a_serialization_conflict_is_retried_and_both_transactions_then_commit() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (Database database = TestDatabase.fresh(pool(GENEROUS, 5), metrics)) {
            createProbe(database, 1);
            CyclicBarrier bothHaveRead = new CyclicBarrier(2);
            AtomicInteger attempts = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> increments = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    increments.add(threads.submit(() -> database.jdbi()
                            .inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
                                int value = handle.createQuery("select value from fault_probe where id = 1")
                                        .mapTo(Integer.class)
                                        .one();
                                // Only the first attempts meet: both read 0, so one of the two updates
                                // must fail with 40001 and be run again.
                                if (attempts.incrementAndGet() <= 2) {
                                    bothHaveRead.await(30, TimeUnit.SECONDS);
                                }
                                return handle.createUpdate("update fault_probe set value = :value where id = 1")
                                        .bind("value", value + 1)
                                        .execute();
                            })));
                }
                for (Future<Integer> increment : increments) {
                    assertThat(increment.get(60, TimeUnit.SECONDS)).isEqualTo(1);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(probeValue(database, 1)).as("no increment lost").isEqualTo(2);
            assertThat(attempts.get()).isEqualTo(3);
            assertThat(counter(metrics, "corridor.db.transaction.retries")).isEqualTo(1);
            assertThat(counter(metrics, "corridor.db.transaction.exhausted")).isZero();
        }
    }

    @Test
    void a_deadlock_is_retried_like_a_serialization_failure() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (Database database = TestDatabase.fresh(pool(GENEROUS, 5), metrics)) {
            createProbe(database, 2);
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            AtomicInteger attempts = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> updates = new ArrayList<>();
                for (int first : List.of(1, 2)) {
                    int second = 3 - first;
                    updates.add(threads.submit(() -> database.jdbi().inTransaction(handle -> {
                        handle.execute("update fault_probe set value = value + 1 where id = ?", first);
                        // Each holds one row and wants the other's: PostgreSQL breaks the cycle.
                        if (attempts.incrementAndGet() <= 2) {
                            bothHoldOne.await(30, TimeUnit.SECONDS);
                        }
                        return handle.execute("update fault_probe set value = value + 1 where id = ?", second);
                    })));
                }
                for (Future<Integer> update : updates) {
                    assertThat(update.get(60, TimeUnit.SECONDS)).isEqualTo(1);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(probeValue(database, 1)).isEqualTo(2);
            assertThat(probeValue(database, 2)).isEqualTo(2);
            assertThat(counter(metrics, "corridor.db.transaction.retries")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void a_transaction_that_keeps_conflicting_is_given_up_after_the_bounded_retries() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        int retries = 3;
        try (Database database = TestDatabase.fresh(pool(GENEROUS, retries), metrics);
                Connection intruder = TestDatabase.superuser(database.pool().getJdbcUrl())) {
            createProbe(database, 1);
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> database.jdbi()
                            .useTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
                                attempts.incrementAndGet();
                                handle.createQuery("select value from fault_probe where id = 1")
                                        .mapTo(Integer.class)
                                        .one();
                                // Another session changes the row after this snapshot, on every attempt.
                                try (Statement statement = intruder.createStatement()) {
                                    statement.execute("update fault_probe set value = value + 100 where id = 1");
                                }
                                handle.execute("update fault_probe set value = value + 1 where id = 1");
                            }))
                    .satisfies(failure -> assertThat(sqlState(failure)).contains("40001"));
            assertThat(attempts.get())
                    .as("the first attempt and the bounded retries")
                    .isEqualTo(1 + retries);
            assertThat(counter(metrics, "corridor.db.transaction.retries")).isEqualTo(retries);
            assertThat(counter(metrics, "corridor.db.transaction.exhausted")).isEqualTo(1);
            assertThat(probeValue(database, 1))
                    .as("only the intruder's updates")
                    .isEqualTo(100 * (1 + retries));
        }
    }

    @Test
    void a_statement_running_past_the_timeout_is_cancelled_by_the_server() {
        try (Database database = TestDatabase.fresh(pool(Duration.ofSeconds(1), 5))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> database.jdbi()
                            .withHandle(handle -> handle.createQuery("select pg_sleep(30)")
                                    .mapToMap()
                                    .list()))
                    .satisfies(failure -> assertThat(sqlState(failure)).contains("57014"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(database.isReady()).as("the pool is fine afterwards").isTrue();
        }
    }

    @Test
    void a_request_held_up_past_the_statement_timeout_gets_a_clean_503_and_the_next_one_succeeds() throws Exception {
        try (TestServer server =
                new TestServer(TestCorridor.create(Clock.systemUTC(), Map.of(), pool(Duration.ofSeconds(1), 5)))) {
            ApiClient operator = server.as(Role.OPERATOR);
            String account = UUID.randomUUID().toString();
            assertThat(operator.post("/api/v1/accounts", account(account)).status())
                    .isEqualTo(201);
            Database database = server.corridor().database();
            try (Connection blocker = TestDatabase.superuser(database.pool().getJdbcUrl())) {
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    // Stands in for any statement that runs too long: the read waits behind the lock.
                    statement.execute("lock table ledger_account in access exclusive mode");
                }
                long started = System.nanoTime();
                ApiClient.Response slow = operator.get("/api/v1/accounts/" + account + "/balance");
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                blocker.rollback();

                assertThat(slow.status()).isEqualTo(503);
                assertThat(slow.isProblem()).isTrue();
                assertThat(slow.json().get("code").asText()).isEqualTo("STATEMENT_TIMEOUT");
                assertThat(slow.retryAfter()).isPresent();
                assertThat(slow.body()).doesNotContain("Exception", "org.", "SQL", "ledger_account");
                assertThat(took).isLessThan(Duration.ofSeconds(10));
            }
            assertThat(operator.get("/api/v1/accounts/" + account + "/balance").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void a_transfer_that_keeps_conflicting_gets_a_clean_503_and_succeeds_once_when_sent_again() throws Exception {
        int retries = 5;
        try (TestServer server = new TestServer(
                TestCorridor.create(Clock.systemUTC(), Map.of(), pool(Duration.ofSeconds(30), retries)))) {
            ApiClient operator = server.as(Role.OPERATOR);
            String source = UUID.randomUUID().toString();
            String target = UUID.randomUUID().toString();
            assertThat(operator.post("/api/v1/accounts", account(source)).status())
                    .isEqualTo(201);
            assertThat(operator.post("/api/v1/accounts", account(target)).status())
                    .isEqualTo(201);
            // The ledger locks accounts in id order at READ COMMITTED, so honest traffic does not
            // conflict; a trigger makes PostgreSQL itself raise 40001 on the first N inserts.
            Database database = server.corridor().database();
            try (Connection admin = TestDatabase.superuser(database.pool().getJdbcUrl());
                    Statement sql = admin.createStatement()) {
                sql.execute("create table fault_plan (failures int not null)");
                sql.execute("insert into fault_plan values (3)");
                sql.execute("create sequence fault_failures");
                sql.execute("""
                        create function fault_inject() returns trigger language plpgsql as $$
                        begin
                            if nextval('fault_failures') <= (select failures from fault_plan) then
                                raise exception 'injected conflict' using errcode = 'serialization_failure';
                            end if;
                            return new;
                        end $$""");
                sql.execute("create trigger fault_inject before insert on ledger_transfer"
                        + " for each row execute function fault_inject()");

                String first = UUID.randomUUID().toString();
                ApiClient.Response retried =
                        operator.post("/api/v1/transfers", transfer(first, source, target, "1.00"));
                assertThat(retried.status())
                        .as("three conflicts are retried away")
                        .isEqualTo(200);
                assertThat(retried.json().at("/results/0/result").asText()).isEqualTo("OK");
                // The first conflict ends the sequenced attempt, which rolls back and posts the batch
                // the careful way; the transaction runner retries the two conflicts after it.
                assertThat(retryCount(server)).isEqualTo(2);

                sql.execute("update fault_plan set failures = 1000000");
                sql.execute("alter sequence fault_failures restart");
                String second = UUID.randomUUID().toString();
                String body = transfer(second, source, target, "2.00");
                long started = System.nanoTime();
                ApiClient.Response exhausted = operator.post("/api/v1/transfers", body);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                assertThat(exhausted.status()).isEqualTo(503);
                assertThat(exhausted.isProblem()).isTrue();
                assertThat(exhausted.json().get("code").asText()).isEqualTo("TRANSACTION_CONFLICT");
                assertThat(exhausted.retryAfter()).isPresent();
                assertThat(exhausted.body()).doesNotContain("Exception", "injected", "org.", "SQL");
                try (var attempts = sql.executeQuery("select last_value from fault_failures")) {
                    attempts.next();
                    assertThat(attempts.getLong(1))
                            .as("the sequenced attempt, then the careful one and %d retries", retries)
                            .isEqualTo(2 + retries);
                }
                assertThat(operator.get("/api/v1/transfers/" + second).status())
                        .as("nothing of the refused attempt was kept")
                        .isEqualTo(404);

                sql.execute("update fault_plan set failures = 0");
                assertThat(operator.post("/api/v1/transfers", body).status()).isEqualTo(200);
                assertThat(operator.post("/api/v1/transfers", body)
                                .json()
                                .at("/results/0/result")
                                .asText())
                        .isEqualTo("EXISTS");
            }
            ApiClient.Response balance = operator.get("/api/v1/accounts/" + target + "/balance");
            assertThat(balance.json().at("/balances/credits_posted").asText())
                    .as("each transfer exactly once")
                    .isEqualTo("3.00");
        }
    }

    private static double retryCount(TestServer server) {
        return Optional.ofNullable(server.corridor()
                        .metrics()
                        .find("corridor.db.transaction.retries")
                        .counter())
                .map(io.micrometer.core.instrument.Counter::count)
                .orElse(0.0);
    }

    @Test
    void the_statement_timeout_is_read_from_the_environment_and_a_nonsense_value_is_refused() {
        assertThat(Config.fromEnvironment(Map.of()).databaseSettings().pool().statementTimeout())
                .isEqualTo(Duration.ofSeconds(5));
        for (var setting : Map.of(
                        "1500ms",
                        Duration.ofMillis(1500),
                        "7s",
                        Duration.ofSeconds(7),
                        "2m",
                        Duration.ofMinutes(2),
                        "9",
                        Duration.ofSeconds(9))
                .entrySet()) {
            assertThat(Config.fromEnvironment(Map.of("CORRIDOR_STATEMENT_TIMEOUT", setting.getKey()))
                            .databaseSettings()
                            .pool()
                            .statementTimeout())
                    .isEqualTo(setting.getValue());
        }
        for (String nonsense : List.of("soon", "-1s", "0", "5h")) {
            assertThatThrownBy(() -> Config.fromEnvironment(Map.of("CORRIDOR_STATEMENT_TIMEOUT", nonsense)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("CORRIDOR_STATEMENT_TIMEOUT");
        }
    }

    static String account(String id) {
        return "{\"id\":\"" + id
                + "\",\"currency\":\"EUR\",\"code\":\"SETTLEMENT\",\"holder\":\"faults\",\"flags\":[]}";
    }

    static String transfer(String id, String debit, String credit, String amount) {
        return "{\"transfers\":[{\"id\":\"" + id + "\",\"debit_account_id\":\"" + debit + "\",\"credit_account_id\":\""
                + credit + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"code\":\"FAULTS\"}]}";
    }

    private static void createProbe(Database database, int rows) {
        database.jdbi().useHandle(handle -> {
            handle.execute("create table fault_probe (id int primary key, value int not null)");
            for (int id = 1; id <= rows; id++) {
                handle.execute("insert into fault_probe values (?, 0)", id);
            }
        });
    }

    private static int probeValue(Database database, int id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("select value from fault_probe where id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }

    private static double counter(SimpleMeterRegistry metrics, String name) {
        return Optional.ofNullable(metrics.find(name).counter())
                .map(io.micrometer.core.instrument.Counter::count)
                .orElse(0.0);
    }

    private static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }
}
