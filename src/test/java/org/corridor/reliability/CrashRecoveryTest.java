package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.ChainVerification;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.identity.Role;
import org.corridor.money.Currency;
import org.corridor.testing.ApiClient;
import org.corridor.testing.CorridorProcess;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a serving Corridor with SIGKILL at random points under a steady load of client-identified
 * operations (ledger transfers, holds and their posting or voiding, and deposits into a restricted
 * account through the settlement API), at least {@value #KILLS} times, sometimes killing its PostgreSQL too, restarts it on
 * the same data folder and retries every request whose answer was lost. Then every acknowledged
 * operation must be there exactly once with its content, every refusal must have stayed a
 * refusal, the ledger must balance with no limit broken, every hold must be pending, posted or
 * voided, the restricted account must hold exactly the accepted deposits, and the audit chain must
 * verify. Transfers and deposits share the kills, so the run stays as long as before.
 */
class CrashRecoveryTest {

    static final int KILLS = Integer.getInteger("corridor.crash.kills", 20);
    static final int CLIENTS = 4;
    static final int CUSTOMERS = 8;
    static final int OPERATIONS_PER_KILL = 6;
    static final String RESTRICTED_ACCOUNT = "CRASH-IQD-R";
    static final String CONTRACT = "CRASH-GAS";

    @TempDir
    Path dataDir;

    /** One operation as the client saw it: its request, and the answer once one arrived. */
    static final class Operation {
        final String id;
        final String kind;
        final String body;
        final String amount;
        volatile String result; // null until an answer was seen

        Operation(String id, String kind, String body, String amount) {
            this.id = id;
            this.kind = kind;
            this.body = body;
            this.amount = amount;
        }

        boolean accepted() {
            return "OK".equals(result) || "EXISTS".equals(result);
        }
    }

    /** The server process of the moment; replaced on every restart. */
    final AtomicReference<CorridorProcess> process = new AtomicReference<>();

    final AtomicReference<ApiClient> client = new AtomicReference<>();
    final AtomicReference<ApiClient> payerClient = new AtomicReference<>();
    String payer;
    final List<Operation> operations = new CopyOnWriteArrayList<>();
    final AtomicInteger killed = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();

    @Test
    void every_acknowledged_operation_survives_twenty_kills_exactly_once() throws Exception {
        String operator;
        try (Corridor corridor = Corridor.open(config())) {
            operator = TestUsers.token(corridor, "operator", Role.OPERATOR);
            payer = TestUsers.token(corridor, "payer", Role.PAYER);
            corridor.authorisations().register(new Actor("rita", "COMPLIANCE_REVIEWER"), waiver());
        }
        start(operator);
        openRestrictedAccountAndContract();
        String funding = UUID.randomUUID().toString();
        List<String> customers = new ArrayList<>();
        openAccount(funding, List.of());
        for (int i = 0; i < CUSTOMERS; i++) {
            String id = UUID.randomUUID().toString();
            openAccount(id, List.of("DEBITS_MUST_NOT_EXCEED_CREDITS"));
            customers.add(id);
            Operation seed = transfer(funding, id, "50000.00");
            submitUntilAnswered(seed);
            assertThat(seed.accepted()).isTrue();
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> loads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            loads.add(pool.submit(() -> load(running, funding, customers)));
        }
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                // Each kill waits for the clients to have sent some work since the last one, so a
                // loaded machine gets as many operations under the kills as a quiet one: a fixed
                // sleep gave 38 operations instead of over 100 at a load average of 30.
                awaitOperations(operations.size() + OPERATIONS_PER_KILL);
                Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1_000));
                // Every third kill takes the database server down with it, mid-write.
                int before = operations.size();
                crash(kill % 3 == 0);
                long restart = System.nanoTime();
                start(operator);
                System.out.printf(
                        "kill %d: %d operations before it; restarted in %d ms%n",
                        kill, before, (System.nanoTime() - restart) / 1_000_000);
            }
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
        for (Future<?> load : loads) {
            load.get();
        }
        for (Operation operation : operations) {
            if (operation.result == null) {
                submitUntilAnswered(operation);
            }
        }

        verifyOperationsThroughTheApi();
        process.get().close();
        verifyTheBooks();
        System.out.printf(
                "crash test: %d kills, %d operations checked (%d deposits; %d accepted, %d refused), %d requests"
                        + " retried%n",
                killed.get(),
                operations.size(),
                operations.stream().filter(o -> o.kind.equals("DEPOSIT")).count(),
                operations.stream().filter(Operation::accepted).count(),
                operations.stream().filter(o -> !o.accepted()).count(),
                retried.get());
        assertThat(killed.get()).isGreaterThanOrEqualTo(KILLS);
        assertThat(operations.size()).isGreaterThanOrEqualTo(KILLS * OPERATIONS_PER_KILL);
        assertThat(operations.stream().filter(o -> o.kind.equals("DEPOSIT") && o.accepted()))
                .as("deposits were accepted under the kills")
                .hasSizeGreaterThanOrEqualTo(5);
    }

    /** Waits until the clients have sent {@code count} operations, or fails after two minutes. */
    private void awaitOperations(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (operations.size() < count) {
            assertThat(System.nanoTime())
                    .as("clients sent %d of %d operations within two minutes", operations.size(), count)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private Config config() {
        return Config.fromEnvironment(Map.of()).withDataDir(dataDir);
    }

    private void start(String token) throws IOException {
        CorridorProcess server = CorridorProcess.serve(
                dataDir,
                Map.of(
                        "CORRIDOR_RATE_LIMIT_PER_MINUTE",
                        "1000000",
                        "CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE",
                        "1000000"));
        int port;
        try {
            port = server.awaitListening();
        } catch (IllegalStateException e) {
            List<String> log = Files.readAllLines(dataDir.resolve("postgres.log"));
            throw new IllegalStateException(
                    e.getMessage() + "\npostgres.log:\n"
                            + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())),
                    e);
        }
        process.set(server);
        client.set(new ApiClient(port, Optional.of(token)));
        payerClient.set(new ApiClient(port, Optional.of(payer)));
    }

    /** SIGKILL the server's JVM, and first its PostgreSQL when asked. */
    private void crash(boolean database) throws IOException, InterruptedException {
        if (database) {
            Path pidFile = dataDir.resolve("pg/postmaster.pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        process.get().kill();
        killed.incrementAndGet();
    }

    private void openAccount(String id, List<String> flags) {
        StringBuilder json = new StringBuilder("{\"id\":\"" + id
                + "\",\"currency\":\"EUR\",\"code\":\"SETTLEMENT\",\"holder\":\"crash-test\",\"flags\":[");
        for (int i = 0; i < flags.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(flags.get(i)).append('"');
        }
        json.append("]}");
        for (int attempt = 0; attempt < 50; attempt++) {
            ApiClient.Response response = client.get().post("/api/v1/accounts", json.toString());
            if (response.status() < 300 || response.status() == 409) {
                return;
            }
        }
        throw new IllegalStateException("could not open account " + id);
    }

    /** One client: posts transfers, places holds and later posts or voids them, until told to stop. */
    private void load(AtomicBoolean running, String funding, List<String> customers) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Operation> holds = new ArrayList<>();
        ConcurrentLinkedQueue<Operation> unanswered = new ConcurrentLinkedQueue<>();
        while (running.get()) {
            Operation retry = unanswered.poll();
            if (retry != null) {
                retried.incrementAndGet();
                if (!submit(retry)) {
                    unanswered.add(retry);
                    pause();
                }
                continue;
            }
            Operation operation;
            int choice = random.nextInt(10);
            String from = customers.get(random.nextInt(customers.size()));
            String to = customers.get(random.nextInt(customers.size()));
            if (choice >= 8 && random.nextInt(3) > 0) {
                // Some deposits fall outside the waiver, so that refusals happen too.
                operation = deposit(random.nextInt(1, 1_000_000) + "000", random.nextInt(10) == 0);
            } else if (choice < 5 && !from.equals(to)) {
                // Sometimes more than the account holds, so that EXCEEDS_CREDITS refusals happen too.
                operation = transfer(from, to, random.nextInt(1, 20_000) + ".00");
            } else if (choice < 7) {
                operation = hold(from, funding, random.nextInt(1, 5_000) + ".00");
            } else if (!holds.isEmpty()) {
                Operation held = holds.remove(random.nextInt(holds.size()));
                operation = random.nextBoolean() ? resolve(held, "POST_PENDING") : resolve(held, "VOID_PENDING");
            } else {
                operation = transfer(funding, from, random.nextInt(1, 1_000) + ".00");
            }
            if (!submit(operation)) {
                unanswered.add(operation);
                pause();
            } else if (operation.kind.equals("PENDING") && operation.accepted()) {
                holds.add(operation);
            }
        }
        // Whatever is still unanswered is retried after the last restart by the test itself.
    }

    private Operation transfer(String debit, String credit, String amount) {
        String id = UUID.randomUUID().toString();
        String body =
                "{\"transfers\":[{\"id\":\"" + id + "\",\"debit_account_id\":\"" + debit + "\",\"credit_account_id\":\""
                        + credit + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"code\":\"CRASH_TEST\"}]}";
        return record(new Operation(id, "POSTED", body, amount));
    }

    private Operation hold(String debit, String credit, String amount) {
        String id = UUID.randomUUID().toString();
        String body = "{\"transfers\":[{\"id\":\"" + id + "\",\"kind\":\"PENDING\",\"debit_account_id\":\"" + debit
                + "\",\"credit_account_id\":\"" + credit + "\",\"amount\":\"" + amount
                + "\",\"currency\":\"EUR\",\"code\":\"CRASH_TEST_HOLD\",\"expires_at\":\"2099-01-01T00:00:00Z\"}]}";
        return record(new Operation(id, "PENDING", body, amount));
    }

    private Operation resolve(Operation held, String kind) {
        String id = UUID.randomUUID().toString();
        String body = "{\"transfers\":[{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"pending_id\":\"" + held.id
                + "\",\"currency\":\"EUR\"}]}";
        return record(new Operation(id, kind, body, kind.equals("POST_PENDING") ? held.amount : "0.00"));
    }

    private Operation deposit(String amount, boolean outsideTheWaiver) {
        String id = UUID.randomUUID().toString();
        String valueDate = outsideTheWaiver ? "2025-03-03" : "2024-07-03";
        String body = "{\"id\":\"" + id + "\",\"contract\":\"" + CONTRACT + "\",\"amount\":{\"amount\":\"" + amount
                + "\",\"currency\":\"IQD\"},\"value_date\":\"" + valueDate + "\",\"rate\":\"1404\","
                + "\"rate_source\":\"CBI 1,300 IQD/USD x 1.08 USD/EUR\",\"rate_date\":\"" + valueDate + "\"}";
        return record(new Operation(id, "DEPOSIT", body, amount));
    }

    /** A waiver covering deposits into IQ accounts in 2024, so that the crash test's deposits are accepted. */
    private static NewAuthorisation waiver() {
        return NewAuthorisation.builder("W-CRASH", AuthorisationType.WAIVER)
                .series("CRASH-TEST")
                .issuer("US Department of State")
                .legalBasis("crash test")
                .valid(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
                .purposes(Category.FOOD, Category.MEDICINE)
                .movements(MovementKind.values())
                .currencies(Currency.IQD)
                .locations("IQ")
                .conditions("none")
                .build();
    }

    private void openRestrictedAccountAndContract() throws InterruptedException {
        String account = "{\"name\":\"" + RESTRICTED_ACCOUNT
                + "\",\"holder\":\"NIGC\",\"currency\":\"IQD\",\"bank\":\"TBI\",\"country\":\"IQ\"}";
        String contract = "{\"reference\":\"" + CONTRACT + "\",\"seller\":\"NIGC\",\"buyer\":\"MoE\","
                + "\"commodity\":\"GAS\",\"price_unit\":\"MMBTU\",\"price\":\"7.25\",\"price_currency\":\"EUR\","
                + "\"conversion_factors\":{\"M3\":\"0.0363\"},\"account\":\"" + RESTRICTED_ACCOUNT + "\"}";
        for (String[] call : List.of(
                new String[] {"/api/v1/restricted-accounts", account}, new String[] {"/api/v1/contracts", contract})) {
            ApiClient.Response response = client.get().post(call[0], call[1]);
            assertThat(response.status()).as(response.body()).isIn(200, 201);
        }
    }

    private Operation record(Operation operation) {
        operations.add(operation);
        return operation;
    }

    /** Sends once; true when an answer was seen (accepted or a named refusal). */
    private boolean submit(Operation operation) {
        if (operation.kind.equals("DEPOSIT")) {
            return submitDeposit(operation);
        }
        ApiClient.Response response;
        try {
            response = client.get().post("/api/v1/transfers", operation.body);
        } catch (UncheckedIOException | IllegalStateException e) {
            return false; // connection refused or reset: the answer was lost
        }
        if (response.status() == 200 || response.status() == 422) {
            JsonNode results = response.json().get("results");
            if (results == null || results.isEmpty()) {
                return false;
            }
            operation.result = results.get(0).get("result").asText();
            return true;
        }
        return false; // 503 while the database restarts, and the like: no answer about the operation
    }

    /** 201 recorded, 200 the same deposit again, 422 a named refusal; anything else is no answer. */
    private boolean submitDeposit(Operation operation) {
        ApiClient.Response response;
        try {
            response = payerClient.get().post("/api/v1/deposits", operation.body);
        } catch (UncheckedIOException | IllegalStateException e) {
            return false;
        }
        switch (response.status()) {
            case 201 -> operation.result = "OK";
            case 200 -> operation.result = "EXISTS";
            case 422 -> operation.result = response.json().path("code").asText("REFUSED");
            default -> {
                return false;
            }
        }
        return true;
    }

    private void submitUntilAnswered(Operation operation) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (submit(operation)) {
                return;
            }
            retried.incrementAndGet();
            Thread.sleep(100);
        }
        throw new IllegalStateException("no answer for " + operation.id);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void verifyOperationsThroughTheApi() {
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.result == null) {
                problems.add(operation.id + " never answered");
                continue;
            }
            ApiClient.Response stored = client.get()
                    .get((operation.kind.equals("DEPOSIT") ? "/api/v1/deposits/" : "/api/v1/transfers/")
                            + operation.id);
            if (operation.accepted()) {
                if (stored.status() != 200) {
                    problems.add(operation.kind + " " + operation.id + " acknowledged " + operation.result
                            + " but missing: " + stored.status());
                } else if (operation.kind.equals("DEPOSIT")) {
                    String amount = stored.json().at("/amount/amount").asText();
                    if (new BigDecimal(amount).compareTo(new BigDecimal(operation.amount)) != 0) {
                        problems.add("deposit " + operation.id + " stored with amount " + amount + ", sent "
                                + operation.amount);
                    }
                } else if (operation.kind.equals("POSTED") || operation.kind.equals("PENDING")) {
                    String amount = stored.json().get("amount").asText();
                    if (!amount.equals(operation.amount)) {
                        problems.add(operation.id + " stored with amount " + amount + ", sent " + operation.amount);
                    }
                }
            } else if (stored.status() != 404) {
                problems.add(operation.kind + " " + operation.id + " refused (" + operation.result + ") but stored: "
                        + stored.status());
            }
        }
        assertThat(problems).isEmpty();

        BigDecimal deposited = operations.stream()
                .filter(operation -> operation.kind.equals("DEPOSIT") && operation.accepted())
                .map(operation -> new BigDecimal(operation.amount))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String balance = client.get()
                .get("/api/v1/restricted-accounts/" + RESTRICTED_ACCOUNT)
                .json()
                .at("/balance/amount")
                .asText();
        assertThat(new BigDecimal(balance))
                .as("the restricted account holds every accepted deposit exactly once")
                .isEqualByComparingTo(deposited);
    }

    private void verifyTheBooks() {
        try (Corridor corridor = Corridor.open(config())) {
            var jdbi = corridor.database().jdbi();
            jdbi.useHandle(handle -> {
                List<Map<String, Object>> imbalance =
                        handle.createQuery("""
                                select currency, sum(debits_posted) - sum(credits_posted) as posted,
                                       sum(debits_pending) - sum(credits_pending) as pending
                                from ledger_account group by currency
                                having sum(debits_posted) <> sum(credits_posted) or sum(debits_pending) <> sum(credits_pending)
                                """).mapToMap().list();
                assertThat(imbalance).as("per ledger, debits equal credits").isEmpty();

                List<Map<String, Object>> overLimit = handle.createQuery(
                                "select id from ledger_account where flags & 1 = 1 and debits_pending + debits_posted > credits_posted")
                        .mapToMap()
                        .list();
                assertThat(overLimit).as("no account past its limit").isEmpty();

                List<Map<String, Object>> drift =
                        handle.createQuery("""
                                with accepted as (select * from ledger_transfer where failure is null),
                                moves as (
                                    select debit_account_id as account, amount as debit_posted, 0::bigint as credit_posted,
                                           0::bigint as debit_pending, 0::bigint as credit_pending
                                      from accepted where kind in ('POSTED', 'POST_PENDING')
                                    union all
                                    select credit_account_id, 0, amount, 0, 0 from accepted where kind in ('POSTED', 'POST_PENDING')
                                    union all
                                    select debit_account_id, 0, 0, amount, 0 from accepted where kind = 'PENDING'
                                    union all
                                    select credit_account_id, 0, 0, 0, amount from accepted where kind = 'PENDING'
                                    union all
                                    select debit_account_id, 0, 0, -pending_amount, 0 from accepted
                                      where kind in ('POST_PENDING', 'VOID_PENDING', 'EXPIRE_PENDING')
                                    union all
                                    select credit_account_id, 0, 0, 0, -pending_amount from accepted
                                      where kind in ('POST_PENDING', 'VOID_PENDING', 'EXPIRE_PENDING')
                                ),
                                sums as (
                                    select account, sum(debit_posted) dp, sum(credit_posted) cp, sum(debit_pending) dq, sum(credit_pending) cq
                                    from moves group by account
                                )
                                select a.id from ledger_account a left join sums s on s.account = a.id
                                where a.debits_posted <> coalesce(s.dp, 0) or a.credits_posted <> coalesce(s.cp, 0)
                                   or a.debits_pending <> coalesce(s.dq, 0) or a.credits_pending <> coalesce(s.cq, 0)
                                """).mapToMap().list();
                assertThat(drift)
                        .as("balances equal the sum of their transfers")
                        .isEmpty();

                List<Map<String, Object>> badHolds =
                        handle.createQuery("""
                                select h.id from ledger_transfer h
                                where h.kind = 'PENDING' and h.failure is null
                                  and (select count(*) from ledger_transfer r where r.pending_id = h.id and r.failure is null)
                                      + (select count(*) from ledger_open_hold o where o.transfer_id = h.id) <> 1
                                """).mapToMap().list();
                assertThat(badHolds)
                        .as("every hold is exactly one of pending, posted or voided")
                        .isEmpty();
            });
            assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        }
    }
}
