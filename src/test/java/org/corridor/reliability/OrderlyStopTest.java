package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corridor.app.Config;
import org.corridor.app.Corridor;
import org.corridor.audit.ChainVerification;
import org.corridor.identity.Role;
import org.corridor.testing.ApiClient;
import org.corridor.testing.CorridorProcess;
import org.corridor.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to {@code serve} while requests are in flight: they finish (drained), the process stops
 * by itself with no stack trace, and the books and the chain are whole afterwards. Before issue 16
 * the embedded PostgreSQL was stopped by its own hook at once, under the requests.
 */
class OrderlyStopTest {

    @TempDir
    Path dataDir;

    @Test
    void sigterm_drains_in_flight_requests_and_stops_without_a_stack_trace() throws Exception {
        String token;
        try (Corridor corridor = Corridor.open(Config.fromEnvironment(Map.of()).withDataDir(dataDir))) {
            token = TestUsers.token(corridor, "operator", Role.OPERATOR);
        }
        List<Future<ApiClient.Response>> inFlight = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        CorridorProcess server = CorridorProcess.serve(dataDir);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            ApiClient operator = new ApiClient(server.awaitListening(), Optional.of(token));
            String funding = UUID.randomUUID().toString();
            String target = UUID.randomUUID().toString();
            assertThat(operator.post("/api/v1/accounts", TransactionFaultsTest.account(funding))
                            .status())
                    .isEqualTo(201);
            assertThat(operator.post("/api/v1/accounts", TransactionFaultsTest.account(target))
                            .status())
                    .isEqualTo(201);
            for (int i = 0; i < 6; i++) {
                String batch = batch(funding, target, 2_000);
                batches.add(batch);
                inFlight.add(clients.submit(() -> operator.post("/api/v1/transfers", batch)));
            }
            Thread.sleep(300);
            server.terminate();
            for (Future<ApiClient.Response> request : inFlight) {
                ApiClient.Response response = request.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
            }
            int exit = server.awaitExit();
            assertThat(exit).as(server.output()).isIn(0, 143);
            assertThat(server.output())
                    .as("no stack trace")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
        } finally {
            clients.shutdownNow();
            server.close();
        }
        try (Corridor corridor = Corridor.open(Config.fromEnvironment(Map.of()).withDataDir(dataDir))) {
            assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
            long transfers = corridor.database()
                    .jdbi()
                    .withHandle(
                            handle -> handle.createQuery("select count(*) from ledger_transfer where failure is null")
                                    .mapTo(Long.class)
                                    .one());
            assertThat(transfers).as("every batch answered 200 was kept whole").isEqualTo(6 * 2_000L);
        }
    }

    private static String batch(String funding, String target, int size) {
        StringBuilder json = new StringBuilder("{\"transfers\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"debit_account_id\":\"")
                    .append(funding)
                    .append("\",\"credit_account_id\":\"")
                    .append(target)
                    .append("\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"code\":\"FAULTS\"}");
        }
        return json.append("]}").toString();
    }
}
