package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.db.Handles;
import org.corridor.identity.Role;
import org.corridor.ledger.Statement;
import org.corridor.testing.CorridorProcess;
import org.corridor.testing.ExternalPostgres;
import org.corridor.testing.TempFolders;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Corridor on a PostgreSQL primary with a synchronous streaming standby (issue 21): two {@code
 * serve} processes under load from many clients reach the database by one URL naming both hosts
 * with {@code targetServerType=primary}; the primary is killed with SIGKILL and the standby
 * promoted. The servers carry on by themselves against the new primary, and every transfer a client
 * was told was accepted is there, every one told refused is not, and the books check. Reports read
 * from the standby while it is one. 6 s of load on each side of the failover by default; {@code
 * -Dcorridor.failover.seconds=N} runs longer.
 */
class FailoverTest {

    private static final int CLIENTS = 8;
    private static final int SERVERS = 2;

    @Test
    void servers_carry_on_against_the_promoted_standby_and_lose_no_acknowledged_transfer() throws Exception {
        assumeTrue(ExternalPostgres.binaries().isPresent(), "Debian's postgresql is not installed");
        long seconds = Long.getLong("corridor.failover.seconds", 6);
        try (ExternalPostgres primary = ExternalPostgres.start();
                ExternalPostgres standby = primary.standby("corridor_standby")) {
            primary.requireSynchronous(standby);
            Map<String, String> database = TransferLoad.database(
                    ExternalPostgres.primaryOf(List.of(primary, standby)),
                    Map.of("CORRIDOR_DB_READ_URL", standby.jdbcUrl()));
            Config config = Config.fromEnvironment(database).withDataDir(TempFolders.create("failover-setup"));
            List<UUID> accounts;
            String token;
            try (Corridor corridor = Corridor.open(config)) {
                token = TestUsers.token(corridor, "failover", Role.OPERATOR);
                accounts = TransferLoad.openAccounts(corridor.ledger());
                assertReportsReadFromTheStandby(corridor, accounts.get(0));
            }
            List<CorridorProcess> servers = new ArrayList<>();
            try {
                for (int i = 0; i < SERVERS; i++) {
                    servers.add(CorridorProcess.serve(TempFolders.create("failover-server-" + i), database));
                }
                List<Integer> ports = new ArrayList<>();
                for (CorridorProcess server : servers) {
                    ports.add(server.awaitListening());
                }
                TransferLoad load = new TransferLoad(ports, token, accounts);
                load.start(CLIENTS);
                awaitAccepted(load, servers);
                Thread.sleep(seconds * 1000);
                primary.kill();
                standby.promote();
                Map<Integer, Long> atPromotion = new java.util.HashMap<>();
                load.acceptedBy.forEach((port, count) -> atPromotion.put(port, count.get()));
                awaitEveryServerAccepts(load, atPromotion);
                Thread.sleep(seconds * 1000);
                load.stop();
                try (Corridor corridor = Corridor.open(config)) {
                    load.assertBooksHold(corridor);
                }
            } finally {
                servers.forEach(CorridorProcess::close);
            }
        }
    }

    /**
     * Statements are read from the standby (CORRIDOR_DB_READ_URL), which shows the funding transfer
     * once it has replayed it: synchronous commit waits for the standby's flush, not its replay.
     */
    private static void assertReportsReadFromTheStandby(Corridor corridor, UUID account) throws InterruptedException {
        boolean inRecovery = corridor.database()
                .reports()
                .read(tx -> Handles.of(tx)
                        .createQuery("select pg_is_in_recovery()")
                        .mapTo(Boolean.class)
                        .one());
        assertThat(inRecovery)
                .as("the server that reports read from is a standby")
                .isTrue();
        Instant deadline = Instant.now().plusSeconds(10);
        Statement statement;
        do {
            statement = corridor.ledger()
                    .statement(account, Instant.EPOCH, Instant.now().plusSeconds(60), Optional.empty(), 10);
        } while (statement.lines().isEmpty() && Instant.now().isBefore(deadline) && pause());
        assertThat(statement.lines())
                .as("the funding transfer, read from the standby")
                .hasSize(1);
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }

    /** The servers accept transfers (a loaded machine may take seconds to warm them up). */
    private static void awaitAccepted(TransferLoad load, List<CorridorProcess> servers) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (load.accepted() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(load.accepted())
                .as("transfers accepted before the failover; last failure: " + load.lastFailure + "; "
                        + servers.get(0).output())
                .isPositive();
    }

    /** Each server accepts transfers again on the promoted standby, without being restarted. */
    private static void awaitEveryServerAccepts(TransferLoad load, Map<Integer, Long> atPromotion)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (atPromotion.entrySet().stream()
                    .allMatch(each -> load.acceptedBy.get(each.getKey()).get() > each.getValue())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not every server accepted a transfer within 60 s of the promotion: " + atPromotion
                + " then " + load.acceptedBy);
    }
}
