package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.CanonicalJson;
import org.corridor.audit.ChainVerification;
import org.corridor.identity.Role;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.AccountFlag;
import org.corridor.ledger.Balances;
import org.corridor.ledger.HoldState;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferIds;
import org.corridor.money.Currency;
import org.corridor.testing.CorridorProcess;
import org.corridor.testing.ExternalPostgres;
import org.corridor.testing.TempFolders;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Three {@code ./corridor serve} processes on one PostgreSQL under load from many clients; the one
 * leading the timed work is killed with SIGKILL mid-run (issue 21). Afterwards the ledger's
 * invariants hold, every acknowledged transfer is there once, and every hold expired exactly once,
 * by whichever server led at the time. 15 s of load by default; {@code -Dcorridor.servers.seconds=N}
 * runs longer.
 */
class SeveralServersTest {

    private static final int ACCOUNTS = 24;
    private static final int CLIENTS = 12;
    private static final int HOLDS = 10;
    private static final Actor SETUP = new Actor("setup", "OPERATOR");

    @Test
    void three_servers_on_one_database_stay_correct_when_the_leader_is_killed_mid_run() throws Exception {
        assumeTrue(ExternalPostgres.binaries().isPresent(), "Debian's postgresql is not installed");
        long seconds = Long.getLong("corridor.servers.seconds", 15);
        try (ExternalPostgres postgres = ExternalPostgres.start()) {
            Map<String, String> database = Map.of(
                    "CORRIDOR_DB_URL",
                    postgres.jdbcUrl(),
                    "CORRIDOR_DB_USER",
                    ExternalPostgres.USER,
                    "CORRIDOR_DB_PASSWORD",
                    ExternalPostgres.PASSWORD,
                    "CORRIDOR_RATE_LIMIT_PER_MINUTE",
                    "1000000");
            Config config = Config.fromEnvironment(database).withDataDir(TempFolders.create("servers-setup"));
            List<UUID> accounts;
            List<UUID> holds;
            String token;
            try (Corridor corridor = Corridor.open(config)) {
                token = TestUsers.token(corridor, "several", Role.OPERATOR);
                accounts = openAccounts(corridor.ledger());
                holds = placeHolds(corridor.ledger(), accounts, Instant.now().plusSeconds(seconds / 2 + 5));
            }
            List<CorridorProcess> servers = new ArrayList<>();
            try {
                List<Integer> ports = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    servers.add(CorridorProcess.serve(TempFolders.create("server-" + i), database));
                }
                for (CorridorProcess server : servers) {
                    ports.add(server.awaitListening());
                }
                Load load = new Load(ports, token, accounts);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    running.add(clients.submit(() -> load.run(client, end)));
                }
                Thread.sleep(seconds * 1000 / 2);
                int leader = awaitLeader(servers);
                servers.get(leader).kill();
                load.dead.add(ports.get(leader));
                for (Future<?> each : running) {
                    each.get();
                }
                clients.shutdown();
                try (Corridor corridor = Corridor.open(config)) {
                    awaitExpired(corridor.ledger(), holds, seconds + 30);
                    check(corridor, load, accounts, holds);
                }
            } finally {
                servers.forEach(CorridorProcess::close);
            }
        }
    }

    /** Single transfers from many clients, each to one server, moving to another when its server dies. */
    private static final class Load {
        final List<Integer> ports;
        final String token;
        final List<UUID> accounts;
        final Map<UUID, Boolean> acknowledged = new ConcurrentHashMap<>();
        final Map<UUID, Boolean> unknown = new ConcurrentHashMap<>();
        final java.util.Set<Integer> dead = ConcurrentHashMap.newKeySet();

        Load(List<Integer> ports, String token, List<UUID> accounts) {
            this.ports = ports;
            this.token = token;
            this.accounts = accounts;
        }

        void run(int client, long end) {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            SplittableRandom random = new SplittableRandom(client);
            int server = client % ports.size();
            while (System.nanoTime() < end) {
                while (dead.contains(ports.get(server))) {
                    server = (server + 1) % ports.size();
                }
                UUID id = TransferIds.next();
                UUID from = accounts.get(random.nextInt(ACCOUNTS));
                UUID to = accounts.get(random.nextInt(ACCOUNTS));
                if (from.equals(to)) {
                    continue;
                }
                // A tenth overdraw their account: refused, and only they.
                long amount = random.nextInt(10) == 0 ? 10_000_000 : 1 + random.nextInt(500);
                try {
                    HttpResponse<String> response = http.send(
                            request(ports.get(server), id, from, to, amount), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        acknowledged.put(id, true);
                    } else if (response.statusCode() == 422) {
                        acknowledged.put(id, false);
                    } else {
                        unknown.put(id, true);
                    }
                } catch (java.io.IOException e) {
                    unknown.put(id, true);
                    server = (server + 1) % ports.size();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private HttpRequest request(int port, UUID id, UUID from, UUID to, long amount) {
            String body = "{\"transfers\":[{\"id\":\"" + id + "\",\"debit_account_id\":\"" + from
                    + "\",\"credit_account_id\":\"" + to + "\",\"amount\":\"" + (amount / 100) + "."
                    + String.format(java.util.Locale.ROOT, "%02d", amount % 100)
                    + "\",\"currency\":\"EUR\",\"code\":\"TRANSFER\"}]}";
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/transfers"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }
    }

    private static List<UUID> openAccounts(Ledger ledger) {
        UUID payer = UUID.randomUUID();
        List<NewAccount> opened = new ArrayList<>();
        opened.add(NewAccount.of(payer, Currency.EUR, AccountCode.PAYER, "payer"));
        List<UUID> accounts = new ArrayList<>();
        List<NewTransfer> funding = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID id = UUID.randomUUID();
            accounts.add(id);
            opened.add(NewAccount.of(
                    id,
                    Currency.EUR,
                    AccountCode.SETTLEMENT,
                    "holder " + i,
                    AccountFlag.DEBITS_MUST_NOT_EXCEED_CREDITS));
            funding.add(NewTransfer.posted(TransferIds.next(), payer, id, 100_000, Currency.EUR, "DEPOSIT"));
        }
        ledger.createAccounts(SETUP, opened);
        assertThat(ledger.post(SETUP, funding)).allMatch(outcome -> outcome.succeeded());
        return accounts;
    }

    private static List<UUID> placeHolds(Ledger ledger, List<UUID> accounts, Instant expiry) {
        List<NewTransfer> holds = new ArrayList<>();
        for (int i = 0; i < HOLDS; i++) {
            holds.add(NewTransfer.pending(
                    TransferIds.next(),
                    accounts.get(i),
                    accounts.get(i + 1),
                    100,
                    Currency.EUR,
                    "HOLD",
                    Optional.of(expiry)));
        }
        assertThat(ledger.post(SETUP, holds)).allMatch(outcome -> outcome.succeeded());
        return holds.stream().map(NewTransfer::id).toList();
    }

    /** The server that says it runs the timed work (each asks every 10 s). */
    private static int awaitLeader(List<CorridorProcess> servers) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            for (int i = 0; i < servers.size(); i++) {
                if (servers.get(i).output().contains("now runs the timed work")) {
                    return i;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no server took the timed work's lead");
    }

    private static void awaitExpired(Ledger ledger, List<UUID> holds, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline
                && !holds.stream().allMatch(hold -> ledger.holdState(hold).equals(Optional.of(HoldState.EXPIRED)))) {
            Thread.sleep(500);
        }
    }

    private static void check(Corridor corridor, Load load, List<UUID> accounts, List<UUID> holds) {
        Ledger ledger = corridor.ledger();
        assertThat(ledger.check().findings()).as("the ledger's own check").isEmpty();
        assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        assertThat(load.acknowledged).as("acknowledged transfers").isNotEmpty();
        load.acknowledged.forEach(
                (id, accepted) -> assertThat(ledger.transfer(id).isPresent())
                        .as("transfer " + id + " acknowledged as " + (accepted ? "accepted" : "refused"))
                        .isEqualTo(accepted));
        for (UUID account : accounts) {
            Balances balances = ledger.balances(account);
            assertThat(balances.debitsPosted() + balances.debitsPending())
                    .as("a flagged account within its credits")
                    .isLessThanOrEqualTo(balances.creditsPosted());
        }
        for (UUID hold : holds) {
            assertThat(ledger.holdState(hold)).contains(HoldState.EXPIRED);
        }
        long expired = 0;
        for (AuditEntry entry :
                corridor.audit().list(Instant.EPOCH, Instant.now().plusSeconds(60), 0, 1_000_000)) {
            if (entry.action().equals("LEDGER_HOLDS_EXPIRED")) {
                expired +=
                        CanonicalJson.read(entry.outcome()).get("expired_holds").asLong();
            }
        }
        assertThat(expired)
                .as("holds voided by the timed work, over every server")
                .isEqualTo(HOLDS);
    }
}
