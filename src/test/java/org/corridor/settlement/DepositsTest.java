package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.settlement.Scenario.PAYER;
import static org.corridor.settlement.Scenario.REVIEWER;
import static org.corridor.settlement.Scenario.date;
import static org.corridor.settlement.Scenario.eur;
import static org.corridor.settlement.Scenario.iqd;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.audit.AuditEntry;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Cap;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.CoverageFinding;
import org.corridor.authorisation.CoverageReason;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deposits: coverage on the value date, idempotent retries, matching to invoices and arrears. */
class DepositsTest {

    private Corridor corridor;
    private Scenario scenario;
    private Deposits deposits;

    @BeforeEach
    void open() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        scenario =
                new Scenario(corridor).accounts().openingBalances().contracts().june();
        deposits = corridor.settlement().deposits();
    }

    @AfterEach
    void close() {
        corridor.close();
    }

    private Money ledgerBalance(RestrictedAccount account) {
        return corridor.settlement().accounts().balance(account.id());
    }

    @Test
    void a_deposit_dated_in_the_gap_between_waivers_is_refused_and_nothing_is_posted() {
        scenario.waivers();
        Money before = ledgerBalance(scenario.nigcIqd);
        int lots = corridor.settlement().lots().lots(scenario.nigcIqd.id()).size();

        NewDeposit inTheGap = scenario.deposit("NIGC-GAS-2024", "332,547,930,000", "2024-07-10");
        SettlementOutcome<Deposit> outcome = deposits.record(PAYER, inTheGap);

        SettlementOutcome.Refused<?> refused = Scenario.assertRefused(outcome);
        assertThat(refused.reason()).isEqualTo(Refusal.AUTHORISATION_EXPIRED);
        assertThat(refused.findings())
                .extracting(CoverageFinding::reason)
                .contains(CoverageReason.AUTHORISATION_EXPIRED, CoverageReason.NOT_YET_VALID);
        assertThat(ledgerBalance(scenario.nigcIqd)).isEqualTo(before);
        assertThat(corridor.settlement().lots().lots(scenario.nigcIqd.id())).hasSize(lots);
        assertThat(deposits.list(Optional.empty())).isEmpty();
        assertThat(corridor.ledger()
                        .transfersByReference("deposit", inTheGap.id().toString(), 10))
                .isEmpty();
        // The refusal is a decision, and decisions are audited.
        AuditEntry last = corridor.audit().entry(corridor.audit().size()).orElseThrow();
        assertThat(last.action()).isEqualTo("DEPOSIT_REFUSED");
        assertThat(last.subject()).isEqualTo("deposit:" + inTheGap.id());

        // The same deposit dated once W-20 is in force goes through.
        NewDeposit renewed = new NewDeposit(
                inTheGap.id(),
                inTheGap.contract(),
                inTheGap.amount(),
                date("2024-07-16"),
                inTheGap.rate(),
                inTheGap.rateSource(),
                inTheGap.rateDate(),
                Optional.empty(),
                Optional.empty());
        Deposit recorded = Scenario.assertDone(deposits.record(PAYER, renewed));
        assertThat(recorded.authorisationReference()).isEqualTo("W-20");
    }

    @Test
    void a_deposit_with_no_authorisation_in_the_register_is_refused() {
        SettlementOutcome<Deposit> outcome =
                deposits.record(PAYER, scenario.deposit("NIGC-GAS-2024", "1,000,000", "2024-07-03"));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SettlementOutcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Refusal.NO_AUTHORISATION));
        assertThat(ledgerBalance(scenario.nigcIqd)).isEqualTo(iqd("9,828,000,000,000"));
    }

    @Test
    void a_retried_deposit_returns_the_original_and_different_content_under_its_id_is_a_conflict() {
        scenario.waivers();
        NewDeposit deposit = scenario.deposit("NIGC-GAS-2024", "332,547,930,000", "2024-07-03");
        SettlementOutcome<Deposit> first = deposits.record(PAYER, deposit);
        SettlementOutcome<Deposit> again = deposits.record(PAYER, deposit);

        assertThat(again).isEqualTo(new SettlementOutcome.Done<>(Scenario.assertDone(first), true));
        assertThat(ledgerBalance(scenario.nigcIqd)).isEqualTo(iqd("10,160,547,930,000"));
        assertThat(corridor.settlement().lots().lots(scenario.nigcIqd.id())).hasSize(2);

        NewDeposit changed = new NewDeposit(
                deposit.id(),
                deposit.contract(),
                iqd("1,404,000"),
                deposit.valueDate(),
                deposit.rate(),
                deposit.rateSource(),
                deposit.rateDate(),
                Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> deposits.record(PAYER, changed))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "DEPOSIT_EXISTS_WITH_DIFFERENT_CONTENT");
    }

    @Test
    void partial_payments_and_an_over_payment_are_matched_and_the_arrears_follow() {
        scenario.waivers();
        String invoice = "INV-NIGC-GAS-2024-2024-06";
        // Half the June gas invoice (EUR 118,428,750.00).
        Deposit half = Scenario.assertDone(
                deposits.record(PAYER, scenario.deposit("NIGC-GAS-2024", "166,273,965,000", "2024-07-03")));
        assertThat(half.match()).isEqualTo(DepositMatch.PARTIAL);
        assertThat(half.equivalent()).isEqualTo(eur("118,428,750.00"));
        Arrears owed = corridor.settlement().contracts().arrears("NIGC-GAS-2024", date("2024-07-03"));
        assertThat(owed.arrears()).isEqualTo(eur("118,428,750.00"));
        assertThat(owed.invoices())
                .singleElement()
                .satisfies(balance -> assertThat(balance.outstanding()).isEqualTo(eur("118,428,750.00")));

        // EUR 1,000,000.00 too much, paid against the invoice by number.
        NewDeposit rest = new NewDeposit(
                UUID.randomUUID(),
                "NIGC-GAS-2024",
                iqd("167,677,965,000"),
                date("2024-07-04"),
                Scenario.RATE,
                Scenario.RATE_SOURCE,
                date("2024-07-04"),
                Optional.of(invoice),
                Optional.of("MoE-TR-2024-0704"));
        Deposit over = Scenario.assertDone(deposits.record(PAYER, rest));
        assertThat(over.match()).isEqualTo(DepositMatch.OVERPAYMENT);
        assertThat(over.allocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.amount()).isEqualTo(eur("118,428,750.00"));
            assertThat(allocation.depositAmount()).isEqualTo(iqd("166,273,965,000"));
        });
        assertThat(over.unapplied()).isEqualTo(eur("1,000,000.00"));

        Invoice paid = corridor.settlement().contracts().invoice(invoice);
        assertThat(paid.outstanding().isZero()).isTrue();
        Arrears ahead = corridor.settlement().contracts().arrears("NIGC-GAS-2024", date("2024-07-31"));
        assertThat(ahead.unappliedCredit()).isEqualTo(eur("1,000,000.00"));
        assertThat(ahead.arrears()).isEqualTo(eur("-1,000,000.00"));
        // As of the first deposit's day, the second had not been made.
        assertThat(corridor.settlement()
                        .contracts()
                        .arrears("NIGC-GAS-2024", date("2024-07-03"))
                        .arrears())
                .isEqualTo(eur("118,428,750.00"));

        ReconciliationReport report =
                corridor.settlement().reconciliation().report(date("2024-06-01"), date("2024-06-30"));
        ReconciliationReport.Row gas = report.rows().stream()
                .filter(row -> row.contract().equals("NIGC-GAS-2024"))
                .findFirst()
                .orElseThrow();
        assertThat(gas.status()).isEqualTo("PAID");
        assertThat(gas.flags()).containsExactly(ReconciliationReport.OVERPAYMENT);
        ReconciliationReport.Row power = report.rows().stream()
                .filter(row -> row.contract().equals("TAVANIR-POWER-2024"))
                .findFirst()
                .orElseThrow();
        assertThat(power.status()).isEqualTo("UNPAID");
        assertThat(power.flags()).containsExactly(ReconciliationReport.OUTSTANDING);
        assertThat(report.csv())
                .startsWith("contract,month,commodity,invoice,")
                .contains("NIGC-GAS-2024,2024-06,GAS,INV-NIGC-GAS-2024-2024-06,900000000,0,M3,32670000,MMBTU,7.25,EUR,"
                        + "236857500.00,0.00,0.00,236857500.00,236857500.00,332547930000.000,IQD,1404,0.00,PAID,,"
                        + "OVERPAYMENT");
        assertThat(report.contracts())
                .extracting(ReconciliationReport.ContractTotal::contract)
                .containsExactly("NIGC-GAS-2024", "TAVANIR-POWER-2024");
    }

    @Test
    void deposits_into_a_blocked_account_are_refused_and_bad_input_is_named() {
        scenario.waivers();
        corridor.ledger().block(Scenario.OPERATOR, scenario.nigcIqd.id());
        assertThat(corridor.settlement().accounts().get(scenario.nigcIqd.id()).status())
                .isEqualTo(AccountStatus.BLOCKED);
        SettlementOutcome<Deposit> outcome =
                deposits.record(PAYER, scenario.deposit("NIGC-GAS-2024", "1,000,000", "2024-07-03"));
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SettlementOutcome.Refused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Refusal.ACCOUNT_BLOCKED));
        // Nothing of the refused deposit stays behind, not even its authorisation usage.
        assertThat(deposits.list(Optional.empty())).isEmpty();

        NewDeposit euros = new NewDeposit(
                UUID.randomUUID(),
                "NIGC-GAS-2024",
                eur("1.00"),
                date("2024-07-03"),
                Scenario.RATE,
                Scenario.RATE_SOURCE,
                date("2024-07-03"),
                Optional.empty(),
                Optional.empty());
        assertThatThrownBy(() -> deposits.record(PAYER, euros))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "CURRENCY_MISMATCH");
        assertThatThrownBy(() -> deposits.record(PAYER, scenario.deposit("NIGC-GAS-2024", "1", "2027-01-01")))
                .hasFieldOrPropertyWithValue("code", "VALUE_DATE_IN_FUTURE");
        assertThatThrownBy(() -> deposits.record(PAYER, scenario.deposit("NO-SUCH-CONTRACT", "1", "2024-07-03")))
                .hasFieldOrPropertyWithValue("code", "CONTRACT_NOT_FOUND");
        NewDeposit wrongInvoice = new NewDeposit(
                UUID.randomUUID(),
                "NIGC-GAS-2024",
                iqd("1,000"),
                date("2024-07-03"),
                Scenario.RATE,
                Scenario.RATE_SOURCE,
                date("2024-07-03"),
                Optional.of("INV-TAVANIR-POWER-2024-2024-06"),
                Optional.empty());
        assertThatThrownBy(() -> deposits.record(PAYER, wrongInvoice))
                .hasFieldOrPropertyWithValue("code", "INVOICE_NOT_OF_CONTRACT");
        assertThat(List.of(scenario.nigcIqd)).isNotEmpty();
    }

    @Test
    void retries_of_one_deposit_arriving_at_once_post_it_once() throws Exception {
        scenario.waivers();
        NewDeposit deposit = scenario.deposit("NIGC-GAS-2024", "332,547,930,000", "2024-07-03");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<SettlementOutcome<Deposit>>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> deposits.record(PAYER, deposit)));
            }
            List<Deposit> answers = new java.util.ArrayList<>();
            int first = 0;
            for (var future : sent) {
                SettlementOutcome<Deposit> outcome = future.get();
                answers.add(Scenario.assertDone(outcome));
                if (!((SettlementOutcome.Done<Deposit>) outcome).repeated()) {
                    first++;
                }
            }
            assertThat(first).isEqualTo(1);
            assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledgerBalance(scenario.nigcIqd)).isEqualTo(iqd("10,160,547,930,000"));
        assertThat(corridor.settlement().lots().lots(scenario.nigcIqd.id())).hasSize(2);
        assertThat(deposits.list(Optional.empty())).hasSize(1);
    }

    // Issue 23, item 6: a deposit pays only invoices issued by its value date, and a refusal names the
    // authorisation it is about.

    private static NewDeposit gasDeposit(String amount, String valueDate, Optional<String> invoice) {
        return new NewDeposit(
                UUID.randomUUID(),
                "NIGC-GAS-2024",
                iqd(amount),
                date(valueDate),
                Scenario.RATE,
                Scenario.RATE_SOURCE,
                date(valueDate),
                invoice,
                Optional.empty());
    }

    @Test
    void a_deposit_dated_before_an_invoice_was_issued_does_not_pay_it() {
        scenario.waivers();
        Invoice june = scenario.invoices("NIGC-GAS-2024").get(0);
        assertThat(june.issuedOn()).isEqualTo(date("2024-07-01"));

        Deposit early = Scenario.assertDone(
                deposits.record(PAYER, gasDeposit("1,404,000,000", "2024-05-10", Optional.empty())));

        assertThat(early.allocations()).isEmpty();
        assertThat(early.unapplied()).isEqualTo(eur("1,000,000.00"));
        assertThat(corridor.settlement().contracts().invoice(june.number()).outstanding())
                .isEqualTo(june.outstanding());
        assertThatThrownBy(() ->
                        deposits.record(PAYER, gasDeposit("1,404,000,000", "2024-05-10", Optional.of(june.number()))))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "DEPOSIT_BEFORE_INVOICE")
                .hasMessageContaining("2024-07-01");
    }

    @Test
    void a_deposit_refused_for_one_authorisations_cap_names_that_authorisation_only() {
        // Registered first, so that its finding comes first: a licence that permits no deposits.
        corridor.authorisations()
                .register(
                        REVIEWER,
                        NewAuthorisation.builder("GL-OTHER", AuthorisationType.GENERAL_LICENCE)
                                .series("OTHER")
                                .issuer("OFAC")
                                .legalBasis("another licence")
                                .valid(date("2024-01-01"), date("2024-12-31"))
                                .purposes(Category.FOOD)
                                .movements(MovementKind.DISBURSEMENT)
                                .currencies(Currency.IQD)
                                .locations("IQ")
                                .conditions("none")
                                .build());
        corridor.authorisations()
                .register(
                        REVIEWER,
                        Scenario.w19Terms()
                                .cap(new Cap(
                                        Cap.Scope.PER_TRANSACTION, iqd("1,000,000"), 0, Set.of(MovementKind.DEPOSIT)))
                                .build());

        SettlementOutcome.Refused<?> refused =
                Scenario.assertRefused(deposits.record(PAYER, gasDeposit("2,000,000", "2024-07-03", Optional.empty())));

        assertThat(refused.reason()).isEqualTo(Refusal.CAP_EXCEEDED);
        assertThat(refused.detail()).startsWith("W-19: ").doesNotContain("GL-OTHER");
    }
}
