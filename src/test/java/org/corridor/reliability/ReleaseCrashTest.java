package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.corridor.audit.Actor;
import org.corridor.audit.ChainVerification;
import org.corridor.authorisation.Category;
import org.corridor.identity.Role;
import org.corridor.ledger.Transfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.ReleaseFixtures;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListReader;
import org.corridor.testing.ApiClient;
import org.corridor.testing.CorridorProcess;
import org.corridor.testing.TestUsers;
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
        Map<Role, String> tokens = new LinkedHashMap<>();
        List<String> references = new ArrayList<>();
        try (Corridor corridor = Corridor.open(config())) {
            setUp(corridor, today, tokens, references);
        }

        CorridorProcess server = start();
        ApiClient operator = new ApiClient(server.awaitListening(), Optional.of(tokens.get(Role.OPERATOR)));
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
                send(operator, reference, today);
                killer.join();
                if (kills % 2 == 1) {
                    killPostgres();
                }
                kills++;
                server = start();
                operator = new ApiClient(server.awaitListening(), Optional.of(tokens.get(Role.OPERATOR)));
                continue; // the answer, if any, is not trusted: send again after the restart
            }
            Optional<String> state = send(operator, reference, today);
            if (state.isPresent()) {
                answered.put(reference, state.get());
                pending.remove(0);
            }
        }
        // A retry of an executed request answers the one execution, again.
        for (String reference : references) {
            assertThat(send(operator, reference, today)).contains("EXECUTED");
        }
        server.kill();
        assertThat(kills).isEqualTo(KILLS);
        assertThat(answered.values()).containsOnly("EXECUTED");

        try (Corridor corridor = Corridor.open(config())) {
            Money executed = Money.zero(Currency.EUR);
            for (String reference : references) {
                List<Transfer> posts = corridor.ledger().transfersByReference("release", reference, 100).stream()
                        .filter(transfer -> transfer.kind().name().equals("POST_PENDING"))
                        .toList();
                assertThat(posts).as(reference).hasSize(1);
                executed = executed.plus(posts.get(0).amount());
                var release = corridor.releases().find(reference);
                assertThat(release.state()).isEqualTo("EXECUTED");
                assertThat(release.execution().orElseThrow().pacs008()).contains("<EndToEndId>" + reference);
            }
            assertThat(executed).isEqualTo(Money.parse("300000.00", Currency.EUR));
            var account = corridor.settlement().accounts().find(ACCOUNT);
            assertThat(corridor.ledger().requireAccount(account.id()).postedCreditBalance())
                    .isEqualTo(OPENING.minus(executed));
            assertThat(corridor.audit().verify()).isInstanceOf(ChainVerification.Intact.class);
        }
        System.out.printf("release crash test: %d executions, %d kills%n", references.size(), kills);
    }

    /** Sends one execution; the request's state, or empty when no answer came (the process died). */
    private static Optional<String> send(ApiClient operator, String reference, LocalDate valueDate) {
        try {
            ApiClient.Response response = operator.post(
                    "/api/v1/releases/" + reference + "/execute", "{\"value_date\": \"" + valueDate + "\"}");
            if (response.status() == 200) {
                return Optional.of(response.json().get("state").asText());
            }
            assertThat(response.status()).as(response.body()).isIn(502, 503, 504);
            return Optional.empty();
        } catch (RuntimeException connectionLost) {
            return Optional.empty();
        }
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
    private static void setUp(Corridor corridor, LocalDate today, Map<Role, String> tokens, List<String> references)
            throws Exception {
        Actor admin = Actor.SYSTEM;
        Path list = Path.of(
                ReleaseCrashTest.class.getResource("/screening/un-small.xml").toURI());
        corridor.screening().importSnapshots(admin, ListReader.read(ListFormat.UN_XML, list), "test fixture");
        ReleaseFixtures.registerGeneralLicence(
                corridor, "GL-CRASH", "CRASH", "crash test", today, Category.MEDICINE, Category.FOOD);
        ReleaseFixtures.openFundedAccount(corridor, ACCOUNT, "crash", OPENING, today.minusDays(10), "crash test");
        tokens.put(Role.OPERATOR, TestUsers.token(corridor, "olga", Role.OPERATOR));
        String agent = TestUsers.token(corridor, "agent", Role.BENEFICIARY_AGENT, "NIGC");
        String approver = TestUsers.token(corridor, "carla", Role.APPROVER);
        String analyst = TestUsers.token(corridor, "amira", Role.COMPLIANCE_ANALYST);
        String reviewer = TestUsers.token(corridor, "reza", Role.COMPLIANCE_REVIEWER);
        // Whoever makes a request does not pay it: another operator takes MAKER, olga executes.
        String maker = TestUsers.token(corridor, "omar", Role.OPERATOR);
        try (var server = org.corridor.http.HttpServer.start(corridor, "127.0.0.1", 0)) {
            int port = server.port();
            ApiClient operator = new ApiClient(port, Optional.of(tokens.get(Role.OPERATOR)));
            assertThat(operator.send("PUT", "/api/v1/release-paying-accounts", """
                            {"account": "%s", "iban": "OM81 0180 0000 0129 9123 456", "bic": "MPBKOMRX",
                             "name": "NIGC restricted account"}""".formatted(ACCOUNT))
                            .status())
                    .isEqualTo(200);
            for (int i = 1; i <= REQUESTS; i++) {
                String reference = "DR-CRASH-%02d".formatted(i);
                ApiClient.Response submitted =
                        new ApiClient(port, Optional.of(agent)).post("/api/v1/releases", request(reference));
                assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
                // The agent's answer carries no hits (no tipping off): compliance reads them.
                for (JsonNode hit : new ApiClient(port, Optional.of(analyst))
                        .get("/api/v1/releases/" + reference)
                        .json()
                        .get("hits")) {
                    String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
                    new ApiClient(port, Optional.of(analyst))
                            .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"other party\"}");
                    new ApiClient(port, Optional.of(reviewer))
                            .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"confirmed\"}");
                }
                String approvals = "/api/v1/releases/" + reference + "/approvals";
                assertThat(new ApiClient(port, Optional.of(maker))
                                .post(approvals, "{\"step\": \"MAKER\"}")
                                .status())
                        .isEqualTo(200);
                ApiClient.Response approved =
                        new ApiClient(port, Optional.of(approver)).post(approvals, "{\"step\": \"COMPLIANCE\"}");
                assertThat(approved.json().get("state").asText())
                        .as(approved.body())
                        .isEqualTo("APPROVED");
                references.add(reference);
            }
        }
    }

    private static String request(String reference) {
        return """
                {"reference": "%s", "holder": "NIGC", "pay_from": "%s",
                 "purchaser": {"name": "Shiraz University Hospital", "country": "IR"},
                 "end_users": [{"name": "Shiraz University Hospital", "country": "IR"}],
                 "vendor": {"name": "Alpenmed Pharma AG", "country": "CH", "address": "Basel"},
                 "vendor_account": {"iban": "CH93 0076 2011 6238 5295 7", "bic": "UBSWCHZH80A", "bank_name": "Swiss Commercial Bank"},
                 "lines": [{"line": "1", "description": "Imatinib 400 mg tablets (oncology)", "hs_code": "3004.90",
                            "quantity": "1000", "unit": "pack", "unit_price": "25.00", "origin": "CH", "category": "MEDICINE",
                            "end_uses": [{"end_user": "Shiraz University Hospital", "type": "HOSPITAL", "quantity": "1000"}]}],
                 "incoterm": "CIP",
                 "shipment": {"carrier": "Alpine Container Line", "vessel_name": "Alpine Express", "vessel_imo": "9321483",
                              "port_of_loading": "Genoa", "port_of_discharge": "Bandar Abbas"}}
                """.formatted(reference, ACCOUNT);
    }
}
