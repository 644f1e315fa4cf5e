package org.corridor.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.ledger.Account;
import org.corridor.ledger.AccountCode;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.Scenario;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The payer's bank's camt.054 credits over HTTP: a credit whose remittance reference names an
 * invoice becomes a deposit on that invoice's restricted account under the register's check, and
 * one that cannot (an unknown reference, a day without an authorisation) waits in SUSPENSE with an
 * alert. Only the role that records deposits may bring them.
 */
class CreditNotificationTest {

    private static final String NIGC_IBAN = "IQ98NBIQ850123456789012";
    private static final Currency IQD = Currency.IQD;
    private static TestServer server;
    private static Scenario scenario;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-09-30T09:00:00Z"));
        server = new TestServer(corridor);
        scenario = new Scenario(corridor)
                .waivers()
                .accounts()
                .openingBalances()
                .contracts()
                .june();
        ApiClient.Response registered = server.as(Role.OPERATOR).send("PUT", "/api/v1/release-paying-accounts", """
                        {"account": "NIGC-IQD-R", "iban": "IQ98 NBIQ 8501 2345 6789 012", "bic": "TRIQIQBA",
                         "name": "NIGC restricted account at TBI"}
                        """);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static IsoMessages.Credit credit(String reference, String amount, String valueDate, String remittance) {
        return new IsoMessages.Credit(
                reference,
                Money.parse(amount, IQD),
                LocalDate.parse(valueDate),
                "Ministry of Electricity",
                remittance,
                Optional.empty());
    }

    private static Money balance(String account) {
        return server.corridor()
                .settlement()
                .accounts()
                .balance(server.corridor().settlement().accounts().find(account).id());
    }

    private static Money unmatched() {
        return server.corridor().ledger().accountsOf("UNMATCHED-CREDITS").stream()
                .filter(account -> account.code() == AccountCode.SUSPENSE
                        && account.currency().equals(IQD))
                .map(Account::postedCreditBalance)
                .findFirst()
                .orElse(Money.zero(IQD));
    }

    @Test
    void a_credit_naming_an_invoice_becomes_a_deposit_under_the_waiver_of_its_value_date() {
        Money before = balance("NIGC-IQD-R");
        String xml = IsoMessages.camt054(
                "NTF-CN-1",
                NIGC_IBAN,
                List.of(new IsoMessages.Credit(
                        "TBI-CN-0001",
                        Money.parse("332547930000.000", IQD),
                        LocalDate.parse("2024-07-03"),
                        "Ministry of Electricity",
                        "INV-NIGC-GAS-2024-2024-06",
                        Optional.of("1404"))));
        ApiClient.Response imported = server.as(Role.PAYER).post("/api/v1/payment-messages", xml);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode item = imported.json().get("items").get(0);
        assertThat(item.get("outcome").asText()).as(item.toString()).isEqualTo("DEPOSITED");
        assertThat(balance("NIGC-IQD-R")).isEqualTo(before.plus(Money.parse("332547930000.000", IQD)));
        JsonNode deposits = server.as(Role.PAYER)
                .get("/api/v1/deposits?contract=NIGC-GAS-2024")
                .json();
        JsonNode deposit = deposits.get(deposits.size() - 1);
        assertThat(deposit.get("authorisation").asText()).isEqualTo("W-19");
        assertThat(deposit.get("match").asText()).isEqualTo("FULL");
        assertThat(deposit.get("reference").asText()).contains("NTF-CN-1").contains("TBI-CN-0001");

        // The same notification again changes nothing.
        ApiClient.Response again = server.as(Role.PAYER).post("/api/v1/payment-messages", xml);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        assertThat(balance("NIGC-IQD-R")).isEqualTo(before.plus(Money.parse("332547930000.000", IQD)));
    }

    @Test
    void a_credit_with_an_unknown_reference_lands_in_suspense_with_an_alert() {
        Money before = balance("NIGC-IQD-R");
        Money suspended = unmatched();
        String xml = IsoMessages.camt054(
                "NTF-CN-2",
                NIGC_IBAN,
                List.of(credit("TBI-CN-0002", "1000000.000", "2024-07-04", "PAYMENT FOR GOODS 44/7")));
        ApiClient.Response imported = server.as(Role.PAYER).post("/api/v1/payment-messages", xml);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode item = imported.json().get("items").get(0);
        assertThat(item.get("outcome").asText()).isEqualTo("SUSPENDED");
        assertThat(item.get("detail").asText()).contains("REFERENCE_UNKNOWN");
        assertThat(balance("NIGC-IQD-R")).isEqualTo(before);
        assertThat(unmatched()).isEqualTo(suspended.plus(Money.parse("1000000.000", IQD)));

        JsonNode alerts = server.as(Role.OPERATOR)
                .get("/api/v1/alerts?as_of=2024-07-05")
                .json()
                .get("alerts");
        assertThat(alerts.findValues("kind").stream().map(JsonNode::asText)).contains("UNMATCHED_CREDIT");
        JsonNode alert = null;
        for (JsonNode candidate : alerts) {
            if (candidate.get("subject").asText().equals("TBI-CN-0002")) {
                alert = candidate;
            }
        }
        assertThat(alert).as(alerts.toString()).isNotNull();
        assertThat(alert.get("severity").asText()).isEqualTo("bad");
        assertThat(alert.get("amount").get("amount").asText()).isEqualTo("1000000.000");
    }

    @Test
    void a_credit_on_a_day_without_a_waiver_is_not_a_deposit_and_waits_in_suspense() {
        Money before = balance("NIGC-IQD-R");
        String xml = IsoMessages.camt054(
                "NTF-CN-3",
                NIGC_IBAN,
                List.of(new IsoMessages.Credit(
                        "TBI-CN-0003",
                        Money.parse("5000000.000", IQD),
                        LocalDate.parse("2024-07-10"),
                        "Ministry of Electricity",
                        "INV-NIGC-GAS-2024-2024-06",
                        Optional.of("1404"))));
        ApiClient.Response imported = server.as(Role.PAYER).post("/api/v1/payment-messages", xml);
        JsonNode item = imported.json().get("items").get(0);
        assertThat(item.get("outcome").asText()).as(imported.body()).isEqualTo("SUSPENDED");
        assertThat(item.get("detail").asText()).contains("AUTHORISATION_EXPIRED");
        assertThat(balance("NIGC-IQD-R")).isEqualTo(before);
    }

    @Test
    void only_the_role_that_records_deposits_brings_credit_notifications() {
        Money before = balance("NIGC-IQD-R");
        String xml = IsoMessages.camt054(
                "NTF-CN-4",
                NIGC_IBAN,
                List.of(credit("TBI-CN-0004", "7000000.000", "2024-07-03", "INV-NIGC-GAS-2024-2024-06")));
        ApiClient.Response refused = server.as(Role.OPERATOR).post("/api/v1/payment-messages", xml);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("PAYMENT_MESSAGE_ROLE");
        assertThat(balance("NIGC-IQD-R")).isEqualTo(before);
    }
}
