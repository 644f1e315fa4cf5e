package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.audit.Actor;
import org.corridor.authorisation.Category;
import org.corridor.identity.Role;
import org.corridor.ledger.Transfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.release.ReleaseFixtures;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListReader;
import org.corridor.testing.ApiClient;
import org.corridor.testing.TestUsers;

/**
 * Disbursement requests driven over the API for the kill tests: a small sanctions list, a general
 * licence in force, a funded restricted account with its paying account, and the people of a
 * release, each step of which may be sent to a different server. Every request asks for 25,000.00 EUR.
 */
final class ReleaseFlow {

    static final Money AMOUNT = Money.parse("25000.00", Currency.EUR);

    final String account;
    final String operator;
    final String agent;
    final String approver;
    final String analyst;
    final String reviewer;
    /** Whoever makes a request does not pay it: another operator takes MAKER, {@link #operator} executes. */
    final String maker;

    private ReleaseFlow(Corridor corridor, String account) {
        this.account = account;
        this.operator = TestUsers.token(corridor, "olga", Role.OPERATOR);
        this.agent = TestUsers.token(corridor, "agent", Role.BENEFICIARY_AGENT, "NIGC");
        this.approver = TestUsers.token(corridor, "carla", Role.APPROVER);
        this.analyst = TestUsers.token(corridor, "amira", Role.COMPLIANCE_ANALYST);
        this.reviewer = TestUsers.token(corridor, "reza", Role.COMPLIANCE_REVIEWER);
        this.maker = TestUsers.token(corridor, "omar", Role.OPERATOR);
    }

    /** The list, the licence, the account funded with {@code opening} and the people, in {@code corridor}. */
    static ReleaseFlow setUp(Corridor corridor, LocalDate today, String account, Money opening) throws Exception {
        Path list =
                Path.of(ReleaseFlow.class.getResource("/screening/un-small.xml").toURI());
        corridor.screening().importSnapshots(Actor.SYSTEM, ListReader.read(ListFormat.UN_XML, list), "test fixture");
        ReleaseFixtures.registerGeneralLicence(
                corridor, "GL-" + account, "GL", "kill test", today, Category.MEDICINE, Category.FOOD);
        ReleaseFixtures.openFundedAccount(corridor, account, "kill", opening, today.minusDays(10), "kill test");
        return new ReleaseFlow(corridor, account);
    }

    /** Names the account's paying account (through the server at {@code port}). */
    void namePayingAccount(int port) {
        assertThat(new ApiClient(port, Optional.of(operator))
                        .send("PUT", "/api/v1/release-paying-accounts", """
                                {"account": "%s", "iban": "OM81 0180 0000 0129 9123 456", "bic": "MPBKOMRX",
                                 "name": "NIGC restricted account"}""".formatted(account))
                        .status())
                .isEqualTo(200);
    }

    /**
     * Submits a request, clears its hits (analyst, then reviewer) and approves it (maker, then
     * approver), each step through the next of {@code ports} in turn.
     */
    void submitAndApprove(List<Integer> ports, String reference) {
        int[] step = {0};
        java.util.function.Supplier<Integer> next = () -> ports.get(step[0]++ % ports.size());
        ApiClient.Response submitted =
                new ApiClient(next.get(), Optional.of(agent)).post("/api/v1/releases", request(reference));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        // The agent's answer carries no hits (no tipping off): compliance reads them.
        for (JsonNode hit : new ApiClient(next.get(), Optional.of(analyst))
                .get("/api/v1/releases/" + reference)
                .json()
                .get("hits")) {
            String path = "/api/v1/hits/" + hit.get("id").asText() + "/dispositions";
            new ApiClient(next.get(), Optional.of(analyst))
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"other party\"}");
            new ApiClient(next.get(), Optional.of(reviewer))
                    .post(path, "{\"decision\": \"FALSE_POSITIVE\", \"rationale\": \"confirmed\"}");
        }
        String approvals = "/api/v1/releases/" + reference + "/approvals";
        assertThat(new ApiClient(next.get(), Optional.of(maker))
                        .post(approvals, "{\"step\": \"MAKER\"}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response approved =
                new ApiClient(next.get(), Optional.of(approver)).post(approvals, "{\"step\": \"COMPLIANCE\"}");
        assertThat(approved.json().get("state").asText()).as(approved.body()).isEqualTo("APPROVED");
    }

    /** Sends one execution; the request's state, or empty when no answer came (the process or its database died). */
    Optional<String> execute(int port, String reference, LocalDate valueDate) {
        try {
            ApiClient.Response response = new ApiClient(port, Optional.of(operator))
                    .post("/api/v1/releases/" + reference + "/execute", "{\"value_date\": \"" + valueDate + "\"}");
            if (response.status() == 200) {
                return Optional.of(response.json().get("state").asText());
            }
            assertThat(response.status()).as(response.body()).isIn(409, 502, 503, 504);
            return Optional.empty();
        } catch (RuntimeException connectionLost) {
            return Optional.empty();
        }
    }

    /**
     * Each request executed once: EXECUTED, one posted hold, its payment message, and the account
     * down by exactly the executed amounts from {@code opening}.
     */
    void assertExecutedOnce(Corridor corridor, List<String> references, Money opening) {
        Money executed = Money.zero(Currency.EUR);
        Money asked = Money.zero(Currency.EUR);
        for (String reference : references) {
            asked = asked.plus(AMOUNT);
            List<Transfer> posts = corridor.ledger().transfersByReference("release", reference, 100).stream()
                    .filter(transfer -> transfer.kind().name().equals("POST_PENDING"))
                    .toList();
            assertThat(posts).as("executions of " + reference).hasSize(1);
            executed = executed.plus(posts.get(0).amount());
            var release = corridor.releases().find(reference);
            assertThat(release.state()).isEqualTo("EXECUTED");
            assertThat(release.execution().orElseThrow().pacs008()).contains("<EndToEndId>" + reference);
        }
        assertThat(executed).isEqualTo(asked);
        var restricted = corridor.settlement().accounts().find(account);
        assertThat(corridor.ledger().requireAccount(restricted.id()).postedCreditBalance())
                .isEqualTo(opening.minus(executed));
    }

    static String request(String reference, String account) {
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
                """.formatted(reference, account);
    }

    private String request(String reference) {
        return request(reference, account);
    }
}
