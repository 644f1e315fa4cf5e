package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.settlement.Scenario.date;
import static org.corridor.settlement.Scenario.eur;
import static org.corridor.settlement.Scenario.iqd;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.corridor.app.Corridor;
import org.corridor.money.Money;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The numbers of the worked scenario of docs/domain.md, steps 1 to 3, 8 and 9, on a real database. */
class SettlementScenarioTest {

    private static Corridor corridor;
    private static Scenario scenario;
    private static Settlement settlement;

    @BeforeAll
    static void replay() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        scenario = new Scenario(corridor).all();
        settlement = corridor.settlement();
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    @Test
    void june_is_invoiced_exactly_with_the_dispute_as_a_linked_credit_note() {
        Invoice gas = scenario.invoices("NIGC-GAS-2024").get(0);
        assertThat(gas.number()).isEqualTo("INV-NIGC-GAS-2024-2024-06");
        assertThat(gas.quantity()).isEqualByComparingTo("32670000");
        assertThat(gas.amount()).isEqualTo(eur("236,857,500.00"));
        assertThat(gas.notes()).isEmpty();
        assertThat(gas.issuedOn()).isEqualTo(date("2024-07-01"));

        Invoice power = scenario.invoices("TAVANIR-POWER-2024").get(0);
        assertThat(power.amount()).isEqualTo(eur("54,000,000.00"));
        assertThat(power.notes()).hasSize(1);
        Note credit = power.notes().get(0);
        assertThat(credit.kind()).isEqualTo(NoteKind.CREDIT);
        assertThat(credit.invoiceId()).isEqualTo(power.id());
        assertThat(credit.amount()).isEqualTo(eur("1,350,000.00"));
        assertThat(credit.reason()).isEqualTo("Iranian curtailment hours");
        assertThat(power.net()).isEqualTo(eur("52,650,000.00"));
        assertThat(gas.net().plus(power.net())).isEqualTo(eur("289,507,500.00"));
    }

    @Test
    void june_deposits_are_matched_in_full_and_june_is_paid() {
        List<Deposit> deposits = settlement.deposits().list(Optional.empty());
        Deposit nigc = deposits.get(0).contractReference().equals("NIGC-GAS-2024") ? deposits.get(0) : deposits.get(1);
        assertThat(nigc.amount()).isEqualTo(iqd("332,547,930,000"));
        assertThat(nigc.equivalent()).isEqualTo(eur("236,857,500.00"));
        assertThat(nigc.match()).isEqualTo(DepositMatch.FULL);
        assertThat(nigc.authorisationReference()).isEqualTo("W-19");
        assertThat(nigc.allocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.invoiceNumber()).isEqualTo("INV-NIGC-GAS-2024-2024-06");
            assertThat(allocation.depositAmount()).isEqualTo(iqd("332,547,930,000"));
        });
        Deposit tav = deposits.stream()
                .filter(d -> d.contractReference().equals("TAVANIR-POWER-2024"))
                .findFirst()
                .orElseThrow();
        assertThat(tav.amount()).isEqualTo(iqd("73,920,600,000"));
        assertThat(tav.equivalent()).isEqualTo(eur("52,650,000.00"));
        assertThat(tav.match()).isEqualTo(DepositMatch.FULL);

        ReconciliationReport june = settlement.reconciliation().report(date("2024-06-01"), date("2024-06-30"));
        assertThat(june.rows()).hasSize(2);
        assertThat(june.rows()).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("PAID");
            assertThat(row.outstanding().isZero()).isTrue();
            assertThat(row.flags()).isEmpty();
        });
        ReconciliationReport.Row power = june.rows().stream()
                .filter(row -> row.contract().equals("TAVANIR-POWER-2024"))
                .findFirst()
                .orElseThrow();
        assertThat(power.dispute())
                .isEqualTo("18000 MWH disputed (Iranian curtailment hours): resolved by credit note"
                        + " CN-TAVANIR-POWER-2024-2024-06-1");
        assertThat(power.paidInDepositCurrency()).isEqualTo(iqd("73,920,600,000"));
    }

    @Test
    void the_conversion_gives_the_holder_exactly_the_rate_less_the_spread_out_of_the_legacy_lot() {
        Conversion conversion = settlement.conversions().get(scenario.conversion.id());
        assertThat(conversion.status()).isEqualTo(ConversionStatus.EXECUTED);
        assertThat(conversion.authorisationReference()).contains("W-19");
        ConversionExecution execution = conversion.executions().get(0);
        assertThat(execution.quote().target()).isEqualTo(eur("99,850,000.00"));
        assertThat(execution.quote().fx()).isEqualTo(iqd("140,189,400,000"));
        assertThat(execution.quote().spread()).isEqualTo(iqd("210,600,000"));
        assertThat(execution.authorisationReference()).isEqualTo("W-19");
        assertThat(execution.consumed()).singleElement().satisfies(taken -> {
            assertThat(taken.lotValueDate()).isEqualTo(Scenario.LEGACY);
            assertThat(taken.amount()).isEqualTo(iqd("140,400,000,000"));
        });
        assertThat(settlement.accounts().balance(scenario.nigcEur.id())).isEqualTo(eur("99,850,000.00"));
        // The spread is the fees account's; the FX position holds the rest at the plain rate.
        assertThat(corridor.ledger()
                        .balances(ChannelAccounts.id(org.corridor.ledger.AccountCode.FEES, "FEES", Scenario.IQD))
                        .postedCreditBalance())
                .isEqualTo(iqd("210,600,000").amountMinor());
    }

    @Test
    void step_9_balances_and_ageing_as_at_the_end_of_september() {
        LocalDate asOf = date("2024-09-30");
        Ageing nigc = settlement.lots().ageing(scenario.nigcIqd.id(), asOf);
        assertThat(nigc.balance()).isEqualTo(iqd("10,627,232,651,100"));
        assertThat(nigc.days0To30()).isEqualTo(iqd("286,360,717,500"));
        assertThat(nigc.days31To90()).isEqualTo(iqd("653,271,933,600"));
        assertThat(nigc.days91To365()).isEqualTo(iqd("0"));
        assertThat(nigc.over365Days()).isEqualTo(iqd("9,687,600,000,000"));
        assertThat(settlement.accounts().balance(scenario.nigcIqd.id())).isEqualTo(nigc.balance());

        Ageing tav = settlement.lots().ageing(scenario.tavIqd.id(), asOf);
        assertThat(tav.balance()).isEqualTo(iqd("1,634,607,000,000"));
        assertThat(tav.days0To30()).isEqualTo(iqd("70,508,880,000"));
        assertThat(tav.days31To90()).isEqualTo(iqd("160,098,120,000"));
        assertThat(tav.days91To365()).isEqualTo(iqd("0"));
        assertThat(tav.over365Days()).isEqualTo(iqd("1,404,000,000,000"));

        Ageing eurAccount = settlement.lots().ageing(scenario.nigcEur.id(), asOf);
        assertThat(eurAccount.balance()).isEqualTo(eur("99,850,000.00"));
        assertThat(eurAccount.days31To90()).isEqualTo(eur("99,850,000.00"));
        assertThat(eurAccount.oldestValueDate()).contains(date("2024-07-05"));

        Money deposited = Money.zero(Scenario.IQD);
        for (RestrictedAccount account : List.of(scenario.nigcIqd, scenario.tavIqd)) {
            deposited = deposited.plus(settlement
                    .lots()
                    .flows(account.id(), date("2024-07-01"), date("2024-09-30"))
                    .deposited());
        }
        assertThat(deposited).isEqualTo(iqd("1,170,239,651,100"));
    }
}
