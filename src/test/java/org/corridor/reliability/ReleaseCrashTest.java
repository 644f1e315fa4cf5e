package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.testing.CorridorProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Release executions under SIGKILL: approved requests are executed over HTTP by a separate
 * `corridor serve` process that is killed at random moments (its PostgreSQL too, now and then) and
 * restarted on the same folder; every execution whose answer was not seen is sent again. Then each
 * request is EXECUTED exactly once: one posted hold per request, the account down by exactly the
 * executed amounts, one schema-checked payment each, and an intact audit chain.
 */
class ReleaseCrashTest {

    static final int REQUESTS = 12;
    static final int KILLS = Integer.getInteger("corridor.crash.release-kills", 6);
    static final String ACCOUNT = "CRASH-EUR-R";
    static final Money OPENING = Money.parse("10000000.00", Currency.EUR);

    @TempDir
    Path dataDir;

    @Test
    void every_release_execution_happens_exactly_once_through_kills() throws Exception {
        ZoneId zone = Config.fromEnvironment(Map.of()).zone();
        LocalDate today = LocalDate.now(zone);
        List<String> references = new ArrayList<>();
        ReleaseFlow flow;
        try (Corridor corridor = Corridor.open(config())) {
            flow = setUp(corridor, today, references);
        }

        CorridorProcess server = start();
        int port = server.awaitListening();
        Map<String, String> answered = new LinkedHashMap<>();
        int kills = 0;
        int attempts = 0;
        List<String> pending = new ArrayList<>(references);
        while (!pending.isEmpty()) {
            String reference = pending.get(0);
            attempts++;
            if (kills < KILLS && attempts % 2 == 1) {
                // Kill while an execution is in flight: the request is sent, the process dies under it.
                Thread killer = new Thread(server::kill);
                Thread.sleep(ThreadLocalRandom.current().nextLong(0, 40));
                killer.start();
                flow.execute(port, reference, today);
                killer.join();
                if (kills % 2 == 1) {
                    killPostgres();
                }
                kills++;
                server = start();
                port = server.awaitListening();
                continue; // the answer, if any, is not trusted: send again after the restart
            }
            Optional<String> state = flow.execute(port, reference, today);
            if (state.isPresent()) {
                answered.put(reference, state.get());
                pending.remove(0);
            }
        }
        // A retry of an executed request answers the one execution, again.
        for (String reference : references) {
            assertThat(flow.execute(port, reference, today)).contains("EXECUTED");
        }
        server.kill();
        assertThat(kills).isEqualTo(KILLS);
        assertThat(answered.values()).containsOnly("EXECUTED");

        try (Corridor corridor = Corridor.open(config())) {
            flow.assertExecutedOnce(corridor, references, OPENING);
            assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        }
        System.out.printf("release crash test: %d executions, %d kills%n", references.size(), kills);
    }

    private CorridorProcess start() {
        return CorridorProcess.serve(
                dataDir,
                Map.of(
                        "CORRIDOR_RATE_LIMIT_PER_MINUTE",
                        "1000000",
                        "CORRIDOR_UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE",
                        "1000000"));
    }

    private void killPostgres() throws java.io.IOException {
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        if (java.nio.file.Files.exists(pidFile)) {
            long pid = Long.parseLong(
                    java.nio.file.Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Config config() {
        return Config.fromEnvironment(Map.of()).withDataDir(dataDir);
    }

    /** A small list, a licence in force, a funded account and twelve requests approved and waiting. */
    private static ReleaseFlow setUp(Corridor corridor, LocalDate today, List<String> references) throws Exception {
        ReleaseFlow flow = ReleaseFlow.setUp(corridor, today, ACCOUNT, OPENING);
        try (var server = org.corridor.http.HttpServer.start(corridor, "127.0.0.1", 0)) {
            flow.namePayingAccount(server.port());
            for (int i = 1; i <= REQUESTS; i++) {
                String reference = "DR-CRASH-%02d".formatted(i);
                flow.submitAndApprove(List.of(server.port()), reference);
                references.add(reference);
            }
        }
        return flow;
    }
}
