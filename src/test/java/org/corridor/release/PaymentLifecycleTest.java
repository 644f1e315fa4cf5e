package org.corridor.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.identity.Role;
import org.corridor.ledger.Transfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.payments.IsoMessages;
import org.corridor.settlement.Ageing;
import org.corridor.settlement.Lot;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.testing.ApiClient;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.corridor.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A release's payment after its pacs.008, over HTTP: the correspondent's pacs.002 settles or
 * rejects it, pacs.004 returns bring money back into the restricted account with the lots it took
 * at their original age, a repeated message is recognised and applied once, and nobody books back
 * the money of a payment they executed themselves.
 */
class PaymentLifecycleTest {

    private static final Currency EUR = Currency.EUR;
    private static TestServer server;
    private static PaidReleases releases;
    private static RestrictedAccount account;

    @BeforeAll
    static void start() {
        Corridor corridor = TestCorridor.create(MutableClock.at("2024-07-17T06:00:00Z"));
        server = new TestServer(corridor);
        ReleaseFixtures.nigcUnderW20WithASmallList(corridor, "payment-lifecycle");
        releases = new PaidReleases(server);
        account = corridor.settlement().accounts().find("NIGC-EUR-R");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Money balance() {
        return server.corridor().ledger().requireAccount(account.id()).postedCreditBalance();
    }

    private static List<Lot> lots() {
        return server.corridor().settlement().lots().lots(account.id());
    }

    private static Ageing ageing(String asOf) {
        return server.corridor().settlement().lots().ageing(account.id(), LocalDate.parse(asOf));
    }

    private static ApiClient backOffice() {
        return releases.person("back-office", Role.OPERATOR);
    }

    private static JsonNode release(String reference) {
        return server.as(Role.AUDITOR).get("/api/v1/releases/" + reference).json();
    }

    @Test
    void a_rejected_payment_restores_the_balance_and_the_lots_exactly() {
        Money balanceBefore = balance();
        List<Lot> lotsBefore = lots();
        Ageing ageingBefore = ageing("2024-09-30");
        JsonNode paid = releases.pay("DR-LC-RJCT", "1000");
        assertThat(balance()).isEqualTo(balanceBefore.minus(Money.parse("25000.00", EUR)));

        String rejection = IsoMessages.pacs002("STS-LC-RJCT", PaidReleases.original(paid), "RJCT", Optional.of("AC04"));
        ApiClient.Response imported = PaidReleases.importMessage(backOffice(), rejection);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("items").get(0).get("outcome").asText()).isEqualTo("REJECTED");

        assertThat(balance()).isEqualTo(balanceBefore);
        assertThat(lots()).isEqualTo(lotsBefore);
        assertThat(ageing("2024-09-30")).isEqualTo(ageingBefore);
        JsonNode rejected = release("DR-LC-RJCT");
        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reason").asText()).isEqualTo("AC04");
        JsonNode transitions = rejected.get("transitions");
        assertThat(transitions.get(transitions.size() - 1).get("detail").asText())
                .contains("pacs.002 STS-LC-RJCT")
                .contains("RJCT (AC04)");
        List<Transfer> back = server.corridor().ledger().transfersByReference("release", "DR-LC-RJCT", 10).stream()
                .filter(transfer -> transfer.code().equals("RELEASE_RETURN"))
                .toList();
        assertThat(back).singleElement().satisfies(transfer -> {
            assertThat(transfer.amount()).isEqualTo(Money.parse("25000.00", EUR));
            assertThat(transfer.creditAccountId()).isEqualTo(account.id());
            assertThat(transfer.references()).containsEntry("message", "STS-LC-RJCT");
        });
        JsonNode payment = server.as(Role.AUDITOR)
                .get("/api/v1/releases/DR-LC-RJCT/payment")
                .json();
        assertThat(payment.get("wholly").asBoolean()).isTrue();
        assertThat(payment.get("events").get(0).get("status").asText()).isEqualTo("RJCT");
        assertThat(payment.get("events").get(0).get("state_after").asText()).isEqualTo("REJECTED");
    }

    @Test
    void whoever_executed_a_payment_cannot_book_its_money_back() {
        Money balanceBefore = balance();
        JsonNode paid = releases.pay("DR-LC-SELF", "400");
        Money afterPayment = balance();
        assertThat(afterPayment).isEqualTo(balanceBefore.minus(Money.parse("10000.00", EUR)));
        // The executor ("paying-desk") forges a rejection of their own payment: refused, nothing moves.
        String forged = IsoMessages.pacs002("STS-LC-SELF", PaidReleases.original(paid), "RJCT", Optional.of("AC04"));
        ApiClient.Response refused = PaidReleases.importMessage(releases.executor(), forged);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("PAYMENT_REVERSAL_BY_EXECUTOR");
        String forgedReturn = IsoMessages.pacs004(
                "RTN-LC-SELF",
                PaidReleases.original(paid),
                Money.parse("10000.00", EUR),
                Money.parse("10000.00", EUR),
                Money.zero(EUR),
                LocalDate.parse("2024-07-17"),
                "AC04");
        assertThat(PaidReleases.importMessage(releases.executor(), forgedReturn).status())
                .isEqualTo(403);
        // A payer cannot record a correspondent's status at all, and the auditor cannot import anything.
        assertThat(PaidReleases.importMessage(server.as(Role.PAYER), forged)
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("PAYMENT_MESSAGE_ROLE");
        assertThat(PaidReleases.importMessage(server.as(Role.AUDITOR), forged).status())
                .isEqualTo(403);
        assertThat(balance()).isEqualTo(afterPayment);
        assertThat(release("DR-LC-SELF").get("state").asText()).isEqualTo("EXECUTED");
    }

    @Test
    void a_duplicate_status_report_is_recognised_and_applied_once() {
        JsonNode paid = releases.pay("DR-LC-DUP", "200");
        IsoMessages.Original original = PaidReleases.original(paid);
        String pending = IsoMessages.pacs002("STS-LC-PDNG", original, "PDNG", Optional.empty());
        assertThat(PaidReleases.importMessage(backOffice(), pending)
                        .json()
                        .get("items")
                        .get(0)
                        .get("outcome")
                        .asText())
                .isEqualTo("SENT");
        String accepted = IsoMessages.pacs002("STS-LC-ACSC", original, "ACSC", Optional.empty());
        ApiClient.Response first = PaidReleases.importMessage(backOffice(), accepted);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        ApiClient.Response again = PaidReleases.importMessage(backOffice(), accepted);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("repeated").asBoolean()).isTrue();
        assertThat(again.json().get("items").get(0).get("outcome").asText()).isEqualTo("SETTLED");

        JsonNode settled = release("DR-LC-DUP");
        assertThat(settled.get("state").asText()).isEqualTo("SETTLED");
        assertThat(settled.get("transitions").findValuesAsText("to"))
                .containsOnlyOnce("SETTLED")
                .containsOnlyOnce("SENT");
        assertThat(server.as(Role.AUDITOR)
                        .get("/api/v1/releases/DR-LC-DUP/payment")
                        .json()
                        .get("events"))
                .hasSize(2);

        // Another message under a used id is refused; a rejection after settlement contradicts it.
        String reused = IsoMessages.pacs002("STS-LC-ACSC", original, "RJCT", Optional.of("AC04"));
        ApiClient.Response conflict = PaidReleases.importMessage(backOffice(), reused);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("code").asText()).isEqualTo("MESSAGE_ID_REUSED");
        String late = IsoMessages.pacs002("STS-LC-LATE", original, "RJCT", Optional.of("AC04"));
        ApiClient.Response contradicted = PaidReleases.importMessage(backOffice(), late);
        assertThat(contradicted.status()).isEqualTo(409);
        assertThat(contradicted.json().get("code").asText()).isEqualTo("PAYMENT_STATUS_CONTRADICTED");
        // Executing again pays once: the settled release comes back as it is.
        ApiClient.Response executedAgain =
                releases.executor().post("/api/v1/releases/DR-LC-DUP/execute", "{\"value_date\": \"2024-07-17\"}");
        assertThat(executedAgain.json().get("state").asText())
                .as(executedAgain.body())
                .isEqualTo("SETTLED");
    }

    @Test
    void a_partial_return_comes_back_at_its_original_age_with_the_charges_booked_to_fees() {
        JsonNode paid = releases.pay("DR-LC-PART", "1200");
        IsoMessages.Original original = PaidReleases.original(paid);
        PaidReleases.importMessage(
                backOffice(), IsoMessages.pacs002("STS-LC-PART", original, "ACCC", Optional.empty()));
        Money balanceBefore = balance();
        Money charges = server.corridor()
                .ledger()
                .account(MoneyBack.chargesAccount(EUR))
                .map(a -> a.postedCreditBalance())
                .orElse(Money.zero(EUR));

        String partly = IsoMessages.pacs004(
                "RTN-LC-PART-1",
                original,
                Money.parse("30000.00", EUR),
                Money.parse("9965.00", EUR),
                Money.parse("35.00", EUR),
                LocalDate.parse("2024-07-17"),
                "AM09");
        ApiClient.Response returned = PaidReleases.importMessage(backOffice(), partly);
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);
        assertThat(balance()).isEqualTo(balanceBefore.plus(Money.parse("9965.00", EUR)));
        assertThat(server.corridor()
                        .ledger()
                        .requireAccount(MoneyBack.chargesAccount(EUR))
                        .postedCreditBalance())
                .isEqualTo(charges.plus(Money.parse("35.00", EUR)));
        // The money back keeps the age of the lot it was taken from (2024-07-05): on 2024-10-10 all of
        // the account is 97 days old, none of it the 85 days a lot dated by the return would be.
        Ageing october = ageing("2024-10-10");
        assertThat(october.days31To90()).isEqualTo(Money.zero(EUR));
        assertThat(october.days91To365()).isEqualTo(balance());
        assertThat(october.oldestValueDate()).contains(LocalDate.parse("2024-07-05"));
        assertThat(server.corridor().settlement().lots().restorations("DR-LC-PART"))
                .singleElement()
                .satisfies(restored -> {
                    assertThat(restored.amount()).isEqualTo(Money.parse("9965.00", EUR));
                    assertThat(restored.lotValueDate()).isEqualTo(LocalDate.parse("2024-07-05"));
                });
        JsonNode partlyReturned = release("DR-LC-PART");
        assertThat(partlyReturned.get("state").asText()).isEqualTo("RETURNED");
        assertThat(partlyReturned.get("reason").asText()).isEqualTo("AM09");
        JsonNode transitions = partlyReturned.get("transitions");
        assertThat(transitions.get(transitions.size() - 1).get("detail").asText())
                .contains("partly returned: EUR 10,000.00 of EUR 30,000.00");

        // More than is still out is refused; the rest comes back and the payment is wholly returned.
        String tooMuch = IsoMessages.pacs004(
                "RTN-LC-PART-2",
                original,
                Money.parse("30000.00", EUR),
                Money.parse("20000.01", EUR),
                Money.zero(EUR),
                LocalDate.parse("2024-07-17"),
                "AM09");
        ApiClient.Response exceeded = PaidReleases.importMessage(backOffice(), tooMuch);
        assertThat(exceeded.status()).isEqualTo(409);
        assertThat(exceeded.json().get("code").asText()).isEqualTo("RETURN_EXCEEDS_PAYMENT");
        String rest = IsoMessages.pacs004(
                "RTN-LC-PART-3",
                original,
                Money.parse("30000.00", EUR),
                Money.parse("20000.00", EUR),
                Money.zero(EUR),
                LocalDate.parse("2024-07-17"),
                "AC04");
        assertThat(PaidReleases.importMessage(backOffice(), rest).status()).isEqualTo(201);
        assertThat(balance()).isEqualTo(balanceBefore.plus(Money.parse("29965.00", EUR)));
        JsonNode payment = server.as(Role.AUDITOR)
                .get("/api/v1/releases/DR-LC-PART/payment")
                .json();
        assertThat(payment.get("wholly").asBoolean()).isTrue();
        assertThat(payment.get("returned").get("amount").asText()).isEqualTo("30000.00");
        assertThat(release("DR-LC-PART").get("transitions").findValuesAsText("to"))
                .endsWith("RETURNED", "RETURNED");
        // A returned request is open again (it waits for someone to close it) but is never paid twice.
        ApiClient.Response executedAgain =
                releases.executor().post("/api/v1/releases/DR-LC-PART/execute", "{\"value_date\": \"2024-07-17\"}");
        assertThat(executedAgain.json().get("state").asText())
                .as(executedAgain.body())
                .isEqualTo("RETURNED");
        assertThat(balance()).isEqualTo(balanceBefore.plus(Money.parse("29965.00", EUR)));
    }

    @Test
    void a_status_of_a_payment_nobody_made_is_refused() {
        IsoMessages.Original unknown =
                new IsoMessages.Original("CORR-20240717-FFFFFFFF", "DR-NOBODY", UUID.randomUUID());
        ApiClient.Response refused = PaidReleases.importMessage(
                backOffice(), IsoMessages.pacs002("STS-LC-UNKNOWN", unknown, "ACSC", Optional.empty()));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("code").asText()).isEqualTo("PAYMENT_UNKNOWN");
        ApiClient.Response notXml = PaidReleases.importMessage(backOffice(), "{}");
        assertThat(notXml.status()).isEqualTo(422);
        assertThat(notXml.json().get("code").asText()).isEqualTo("MESSAGE_UNREADABLE");
    }
}
