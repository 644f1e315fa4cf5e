package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.settlement.Scenario.date;
import static org.corridor.settlement.Scenario.eur;

import java.util.List;
import java.util.UUID;
import org.corridor.app.Corridor;
import org.corridor.ledger.AccountCode;
import org.corridor.ledger.ChannelCodes;
import org.corridor.ledger.NewAccount;
import org.corridor.ledger.NewTransfer;
import org.corridor.ledger.TransferIds;
import org.corridor.ledger.TransferOutcome;
import org.corridor.money.Money;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public face the release feature uses: post its debit and consume the restricted account's
 * lots first in, first out, in one transaction of its own.
 */
class LotConsumptionTest {

    private static Corridor corridor;
    private static Scenario scenario;
    private static Settlement settlement;

    @BeforeAll
    static void replay() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        scenario = new Scenario(corridor)
                .waivers()
                .accounts()
                .openingBalances()
                .contracts()
                .june()
                .juneDeposits()
                .conversion();
        settlement = corridor.settlement();
    }

    @AfterAll
    static void close() {
        corridor.close();
    }

    @Test
    void a_release_consuming_the_euro_lot_in_its_own_transaction_leaves_step_9s_balance() {
        // What the release feature does on 2024-07-17: post its debit and consume FIFO in one unit of work.
        UUID vendor = UUID.randomUUID();
        corridor.ledger()
                .createAccount(
                        Scenario.OPERATOR,
                        NewAccount.of(vendor, Scenario.EUR, AccountCode.VENDOR, "Alpenmed Pharma AG"));
        Money release = eur("4,704,000.00");
        List<LotConsumption> consumed = corridor.database().transactions().inTransaction(tx -> {
            List<TransferOutcome> posted = corridor.ledger()
                    .post(
                            tx,
                            Scenario.OPERATOR,
                            List.of(NewTransfer.posted(
                                    TransferIds.next(),
                                    scenario.nigcEur.id(),
                                    vendor,
                                    release.amountMinor(),
                                    Scenario.EUR,
                                    ChannelCodes.RELEASE)));
            assertThat(posted.get(0).succeeded()).isTrue();
            return settlement
                    .lots()
                    .consume(
                            tx,
                            scenario.nigcEur.id(),
                            release,
                            date("2024-07-17"),
                            ConsumptionKind.DISBURSEMENT,
                            "DR-2024-0412-A");
        });
        assertThat(consumed)
                .singleElement()
                .satisfies(taken -> assertThat(taken.lotValueDate()).isEqualTo(date("2024-07-05")));
        Ageing eurAccount = settlement.lots().ageing(scenario.nigcEur.id(), date("2024-09-30"));
        assertThat(eurAccount.balance()).isEqualTo(eur("95,146,000.00"));
        assertThat(eurAccount.days31To90()).isEqualTo(eur("95,146,000.00"));
        // Before the release, the ageing as of its eve still shows the whole lot.
        assertThat(settlement
                        .lots()
                        .ageing(scenario.nigcEur.id(), date("2024-07-16"))
                        .balance())
                .isEqualTo(eur("99,850,000.00"));
        assertThat(settlement
                        .lots()
                        .flows(scenario.nigcEur.id(), date("2024-07-01"), date("2024-09-30"))
                        .disbursed())
                .isEqualTo(release);
    }
}
