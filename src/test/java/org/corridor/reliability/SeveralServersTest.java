package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEntry;
import org.corridor.audit.CanonicalJson;
import org.corridor.identity.Role;
import org.corridor.ledger.HoldState;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferIds;
import org.corridor.money.Currency;
import org.corridor.money.Money;
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

    private static final int CLIENTS = 12;
    private static final int HOLDS = 10;
    private static final Actor SETUP = new Actor("setup", "OPERATOR");
    private static final int RELEASES = 6;
    private static final String RELEASE_ACCOUNT = "SEVERAL-EUR-R";
    private static final Money OPENING = Money.parse("1000000.00", Currency.EUR);

    @Test
    void three_servers_on_one_database_stay_correct_when_the_leader_is_killed_mid_run() throws Exception {
        assumeTrue(ExternalPostgres.binaries().isPresent(), "Debian's postgresql is not installed");
        long seconds = Long.getLong("corridor.servers.seconds", 15);
        try (ExternalPostgres postgres = ExternalPostgres.start()) {
            Map<String, String> database = TransferLoad.database(postgres.jdbcUrl(), Map.of());
            Config config = Config.fromEnvironment(database).withDataDir(TempFolders.create("servers-setup"));
            List<UUID> accounts;
            List<UUID> holds;
            String token;
            ReleaseFlow flow;
            LocalDate today = LocalDate.now(config.zone());
            try (Corridor corridor = Corridor.open(config)) {
                flow = ReleaseFlow.setUp(corridor, today, RELEASE_ACCOUNT, OPENING);
                token = TestUsers.token(corridor, "several", Role.OPERATOR);
                accounts = TransferLoad.openAccounts(corridor.ledger());
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
                TransferLoad load = new TransferLoad(ports, token, accounts);
                long started = System.nanoTime();
                load.start(CLIENTS);
                List<String> references = approveReleases(flow, ports);
                executeEachOnTwoServers(flow, references.subList(0, RELEASES / 2), ports, today);
                Thread.sleep(Math.max(0, seconds * 1000 / 2 - (System.nanoTime() - started) / 1_000_000));
                int leader = awaitLeader(servers);
                servers.get(leader).kill();
                load.dead.add(ports.get(leader));
                List<Integer> alive = new ArrayList<>(ports);
                alive.remove(leader);
                executeEachOnTwoServers(flow, references.subList(RELEASES / 2, RELEASES), alive, today);
                for (String reference : references) {
                    // Whatever a server killed mid-answer did, one more execution answers the one execution.
                    assertThat(flow.execute(alive.get(0), reference, today)).contains("EXECUTED");
                }
                Thread.sleep(seconds * 1000 / 2);
                load.stop();
                try (Corridor corridor = Corridor.open(config)) {
                    awaitExpired(corridor.ledger(), holds, seconds + 30);
                    load.assertBooksHold(corridor);
                    assertHoldsExpiredOnce(corridor, holds);
                    flow.assertExecutedOnce(corridor, references, OPENING);
                }
            } finally {
                servers.forEach(CorridorProcess::close);
            }
        }
    }

    /** Requests submitted, cleared and approved, every step through another server than the one before. */
    private static List<String> approveReleases(ReleaseFlow flow, List<Integer> ports) {
        flow.namePayingAccount(ports.get(0));
        List<String> references = new ArrayList<>();
        for (int i = 0; i < RELEASES; i++) {
            String reference = "DR-SEVERAL-%02d".formatted(i + 1);
            List<Integer> rotated = new ArrayList<>(ports);
            java.util.Collections.rotate(rotated, i);
            flow.submitAndApprove(rotated, reference);
            references.add(reference);
        }
        return references;
    }

    /** The attack: each request executed through two servers at once; at most one may pay it. */
    private static void executeEachOnTwoServers(
            ReleaseFlow flow, List<String> references, List<Integer> ports, LocalDate today) {
        for (int i = 0; i < references.size(); i++) {
            String reference = references.get(i);
            int first = ports.get(i % ports.size());
            int second = ports.get((i + 1) % ports.size());
            var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> flow.execute(first, reference, today));
            var other =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> flow.execute(second, reference, today));
            assertThat(List.of(one.join(), other.join()))
                    .as("answers to two executions of " + reference)
                    .contains(Optional.of("EXECUTED"));
        }
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

    private static void assertHoldsExpiredOnce(Corridor corridor, List<UUID> holds) {
        Ledger ledger = corridor.ledger();
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
