package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.settlement.Scenario.OPERATOR;
import static org.corridor.settlement.Scenario.date;
import static org.corridor.settlement.Scenario.eur;
import static org.corridor.settlement.Scenario.iqd;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.InvalidInputException;
import org.corridor.app.Corridor;
import org.corridor.money.Money;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversions and restricted transfers: coverage at request and execution, caps, tranches, FIFO. */
class ConversionsTest {

    private Corridor corridor;
    private Scenario scenario;
    private Conversions conversions;

    @BeforeEach
    void open() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        scenario = new Scenario(corridor).waivers().accounts().openingBalances();
        conversions = corridor.settlement().conversions();
    }

    @AfterEach
    void close() {
        corridor.close();
    }

    private NewConversion request(String amount, String requestedOn, Optional<String> approval) {
        return new NewConversion(
                UUID.randomUUID(),
                "NIGC-IQD-R",
                "NIGC-EUR-R",
                iqd(amount),
                date(requestedOn),
                approval,
                new ExchangeRate(Scenario.EUR, Scenario.IQD, Scenario.RATE, "CBI fixing", date(requestedOn)),
                new BigDecimal("0.15"),
                Optional.empty());
    }

    private SettlementOutcome<ConversionExecution> execute(Conversion conversion, String valueDate, String amount) {
        return conversions.execute(
                OPERATOR,
                conversion.id(),
                new NewExecution(
                        UUID.randomUUID(),
                        date(valueDate),
                        amount == null ? Optional.empty() : Optional.of(iqd(amount)),
                        Optional.empty()));
    }

    private Money balance(RestrictedAccount account) {
        return corridor.settlement().accounts().balance(account.id());
    }

    @Test
    void a_conversion_approved_under_w19_is_held_at_execution_in_the_gap_and_executes_under_w20() {
        Conversion conversion = Scenario.assertDone(
                conversions.request(OPERATOR, request("14,040,000", "2024-07-08", Optional.of("AUTH-CNV-0712"))));
        assertThat(conversion.status()).isEqualTo(ConversionStatus.APPROVED);
        assertThat(conversion.authorisationReference()).contains("W-19");

        SettlementOutcome.Refused<?> held = Scenario.assertRefused(execute(conversion, "2024-07-10", null));
        assertThat(held.reason()).isEqualTo(Refusal.AUTHORISATION_EXPIRED);
        Conversion onHold = conversions.get(conversion.id());
        assertThat(onHold.status()).isEqualTo(ConversionStatus.HELD);
        assertThat(onHold.heldReason()).contains(Refusal.AUTHORISATION_EXPIRED);
        assertThat(balance(scenario.nigcEur).isZero()).isTrue();
        assertThat(balance(scenario.nigcIqd)).isEqualTo(iqd("9,828,000,000,000"));

        ConversionExecution executed = Scenario.assertDone(execute(conversion, "2024-07-17", null));
        assertThat(executed.authorisationReference()).isEqualTo("W-20");
        assertThat(executed.quote().target()).isEqualTo(eur("9,985.00"));
        assertThat(conversions.get(conversion.id()).status()).isEqualTo(ConversionStatus.EXECUTED);
        assertThat(conversions.get(conversion.id()).heldReason()).isEmpty();
        Lot lot = corridor.settlement().lots().lots(scenario.nigcEur.id()).get(0);
        assertThat(lot.valueDate()).isEqualTo(date("2024-07-17"));
        assertThat(lot.source()).isEqualTo(LotSource.CONVERSION_IN);
        assertThatThrownBy(() -> execute(conversion, "2024-07-18", null))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "CONVERSION_ALREADY_EXECUTED");
    }

    @Test
    void a_conversion_without_the_authoritys_approval_is_held_when_requested() {
        Conversion conversion = Scenario.assertDone(
                conversions.request(OPERATOR, request("14,040,000", "2024-07-04", Optional.empty())));
        assertThat(conversion.status()).isEqualTo(ConversionStatus.HELD);
        assertThat(conversion.heldReason()).contains(Refusal.PRIOR_APPROVAL_MISSING);
        // A conversion waiting to execute is listed among the items W-19's expiry affects.
        assertThat(corridor.authorisations().expiryWarnings(date("2024-07-04"), List.of(7)))
                .singleElement()
                .satisfies(warning -> assertThat(warning.affectedItems())
                        .extracting(org.corridor.authorisation.PendingItem::reference)
                        .contains(conversion.id().toString()));
        SettlementOutcome.Refused<?> stillHeld = Scenario.assertRefused(execute(conversion, "2024-07-05", null));
        assertThat(stillHeld.reason()).isEqualTo(Refusal.PRIOR_APPROVAL_MISSING);
        assertThat(balance(scenario.nigcEur).isZero()).isTrue();
    }

    @Test
    void a_destination_outside_the_permitted_locations_is_held() {
        corridor.settlement()
                .accounts()
                .open(OPERATOR, Scenario.account("NIGC-EUR-CH", "NIGC", Scenario.EUR, "Zurich Bank", "CH"));
        NewConversion toSwitzerland = new NewConversion(
                UUID.randomUUID(),
                "NIGC-IQD-R",
                "NIGC-EUR-CH",
                iqd("14,040,000"),
                date("2024-07-04"),
                Optional.of("AUTH-CNV-0713"),
                new ExchangeRate(Scenario.EUR, Scenario.IQD, Scenario.RATE, "CBI fixing", date("2024-07-04")),
                BigDecimal.ZERO,
                Optional.empty());
        Conversion held = Scenario.assertDone(conversions.request(OPERATOR, toSwitzerland));
        assertThat(held.heldReason()).contains(Refusal.LOCATION_NOT_PERMITTED);
    }

    @Test
    void tranches_and_the_weekly_cap_limit_executions_and_fees_go_to_the_fees_account() {
        corridor.settlement()
                .accounts()
                .setConversionRule(
                        OPERATOR,
                        "NIGC-IQD-R",
                        Optional.of(iqd("100,000,000,000")),
                        Optional.of(iqd("50,000,000,000")),
                        "Authority letter 2024/17: weekly cap and tranche size");
        NewConversion large = new NewConversion(
                UUID.randomUUID(),
                "NIGC-IQD-R",
                "NIGC-EUR-R",
                iqd("140,400,000,000"),
                date("2024-07-01"),
                Optional.of("AUTH-CNV-0711"),
                new ExchangeRate(Scenario.EUR, Scenario.IQD, Scenario.RATE, "CBI fixing", date("2024-07-01")),
                new BigDecimal("0.15"),
                Optional.of(iqd("1,404,000")));
        Conversion conversion = Scenario.assertDone(conversions.request(OPERATOR, large));

        assertThat(Scenario.assertRefused(execute(conversion, "2024-07-02", null))
                        .reason())
                .isEqualTo(Refusal.TRANCHE_TOO_LARGE);
        ConversionExecution first = Scenario.assertDone(execute(conversion, "2024-07-02", "50,000,000,000"));
        // IQD 50 bn less the IQD 1,404,000 fee, at 1,404 less 0.15%.
        assertThat(first.quote().fee()).isEqualTo(iqd("1,404,000"));
        // (50,000,000,000 - 1,404,000) / 1,404 x 0.9985 = 35,558,118.309..., rounded down.
        assertThat(first.quote().target()).isEqualTo(eur("35,558,118.30"));
        assertThat(first.quote()
                        .fee()
                        .plus(first.quote().spread())
                        .plus(first.quote().fx()))
                .isEqualTo(iqd("50,000,000,000"));
        Scenario.assertDone(execute(conversion, "2024-07-04", "50,000,000,000"));
        assertThat(conversions.get(conversion.id()).status()).isEqualTo(ConversionStatus.PARTIALLY_EXECUTED);
        assertThat(Scenario.assertRefused(execute(conversion, "2024-07-08", "40,400,000,000"))
                        .reason())
                .isEqualTo(Refusal.CONVERSION_CAP_EXCEEDED);
        assertThat(conversions.get(conversion.id()).status()).isEqualTo(ConversionStatus.PARTIALLY_EXECUTED);
        // W-19 has lapsed by the next week: the last tranche waits for W-20.
        Scenario.assertDone(execute(conversion, "2024-07-16", "40,400,000,000"));
        Conversion done = conversions.get(conversion.id());
        assertThat(done.status()).isEqualTo(ConversionStatus.EXECUTED);
        assertThat(done.executions()).hasSize(3);
        Money fees = done.executions().stream()
                .map(e -> e.quote().fee().plus(e.quote().spread()))
                .reduce(Money::plus)
                .orElseThrow();
        assertThat(corridor.ledger()
                        .balances(ChannelAccounts.id(org.corridor.ledger.AccountCode.FEES, "FEES", Scenario.IQD))
                        .postedCreditBalance())
                .isEqualTo(fees.amountMinor());
        assertThat(balance(scenario.nigcIqd)).isEqualTo(iqd("9,687,600,000,000"));
        assertThat(corridor.settlement().lots().lots(scenario.nigcEur.id())).hasSize(3);
    }

    @Test
    void a_retried_execution_returns_the_original_and_too_little_money_is_refused() {
        Conversion conversion = Scenario.assertDone(
                conversions.request(OPERATOR, request("140,400,000,000", "2024-07-04", Optional.of("AUTH-CNV-0711"))));
        NewExecution execution =
                new NewExecution(UUID.randomUUID(), date("2024-07-05"), Optional.empty(), Optional.empty());
        ConversionExecution first = Scenario.assertDone(conversions.execute(OPERATOR, conversion.id(), execution));
        SettlementOutcome<ConversionExecution> again = conversions.execute(OPERATOR, conversion.id(), execution);
        assertThat(again).isEqualTo(new SettlementOutcome.Done<>(first, true));
        assertThat(balance(scenario.nigcEur)).isEqualTo(eur("99,850,000.00"));
        assertThatThrownBy(() -> conversions.execute(
                        OPERATOR,
                        conversion.id(),
                        new NewExecution(execution.id(), date("2024-07-06"), Optional.empty(), Optional.empty())))
                .isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "EXECUTION_EXISTS_WITH_DIFFERENT_CONTENT");

        // TAV-IQD-R holds IQD 1,404 bn: 1,500 bn is refused and nothing moves.
        corridor.settlement()
                .accounts()
                .open(OPERATOR, Scenario.account("TAV-EUR-R", "TAVANIR", Scenario.EUR, "Muscat Partner Bank", "OM"));
        NewConversion tooMuch = new NewConversion(
                UUID.randomUUID(),
                "TAV-IQD-R",
                "TAV-EUR-R",
                iqd("1,500,000,000,000"),
                date("2024-07-04"),
                Optional.of("AUTH-CNV-0714"),
                new ExchangeRate(Scenario.EUR, Scenario.IQD, Scenario.RATE, "CBI fixing", date("2024-07-04")),
                BigDecimal.ZERO,
                Optional.empty());
        Conversion refused = Scenario.assertDone(conversions.request(OPERATOR, tooMuch));
        assertThat(Scenario.assertRefused(execute(refused, "2024-07-05", null)).reason())
                .isEqualTo(Refusal.INSUFFICIENT_FUNDS);
        assertThat(balance(scenario.tavIqd)).isEqualTo(iqd("1,404,000,000,000"));
    }

    @Test
    void money_moves_between_accounts_of_one_holder_only_and_the_restriction_travels_with_it() {
        RestrictedAccount omani = corridor.settlement()
                .accounts()
                .open(OPERATOR, Scenario.account("NIGC-IQD-OM", "NIGC", Scenario.IQD, "Muscat Partner Bank", "OM"));
        RestrictedTransfers transfers = corridor.settlement().transfers();
        NewRestrictedTransfer transfer = new NewRestrictedTransfer(
                UUID.randomUUID(),
                "NIGC-IQD-R",
                "NIGC-IQD-OM",
                iqd("1,000,000,000"),
                date("2024-07-05"),
                Optional.empty());
        RestrictedTransfer moved = Scenario.assertDone(transfers.execute(OPERATOR, transfer));
        assertThat(moved.authorisationReference()).isEqualTo("W-19");
        assertThat(moved.consumed())
                .singleElement()
                .satisfies(taken -> assertThat(taken.lotValueDate()).isEqualTo(Scenario.LEGACY));
        assertThat(transfers.execute(OPERATOR, transfer)).isEqualTo(new SettlementOutcome.Done<>(moved, true));
        assertThat(corridor.ledger().requireAccount(omani.id()).has(org.corridor.ledger.AccountFlag.RESTRICTED))
                .isTrue();
        assertThat(corridor.ledger().requireAccount(omani.id()).holder()).isEqualTo("NIGC");
        List<Lot> lots = corridor.settlement().lots().lots(omani.id());
        assertThat(lots).singleElement().satisfies(lot -> {
            assertThat(lot.source()).isEqualTo(LotSource.TRANSFER_IN);
            assertThat(lot.valueDate()).isEqualTo(date("2024-07-05"));
        });

        assertThatThrownBy(() -> transfers.execute(
                        OPERATOR,
                        new NewRestrictedTransfer(
                                UUID.randomUUID(),
                                "NIGC-IQD-R",
                                "TAV-IQD-R",
                                iqd("1"),
                                date("2024-07-05"),
                                Optional.empty())))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "HOLDER_MISMATCH");
        corridor.settlement()
                .accounts()
                .open(OPERATOR, Scenario.account("NIGC-IQD-CH", "NIGC", Scenario.IQD, "Zurich Bank", "CH"));
        SettlementOutcome<RestrictedTransfer> toSwitzerland = transfers.execute(
                OPERATOR,
                new NewRestrictedTransfer(
                        UUID.randomUUID(),
                        "NIGC-IQD-R",
                        "NIGC-IQD-CH",
                        iqd("1"),
                        date("2024-07-05"),
                        Optional.empty()));
        assertThat(Scenario.assertRefused(toSwitzerland).reason()).isEqualTo(Refusal.LOCATION_NOT_PERMITTED);
        SettlementOutcome<RestrictedTransfer> inTheGap = transfers.execute(
                OPERATOR,
                new NewRestrictedTransfer(
                        UUID.randomUUID(),
                        "NIGC-IQD-R",
                        "NIGC-IQD-OM",
                        iqd("1"),
                        date("2024-07-12"),
                        Optional.empty()));
        assertThat(Scenario.assertRefused(inTheGap).reason()).isEqualTo(Refusal.AUTHORISATION_EXPIRED);
        assertThat(corridor.settlement().accounts().balance(omani.id())).isEqualTo(iqd("1,000,000,000"));

        // Money cannot leave before it arrived: the Omani lot is dated 2024-07-05.
        SettlementOutcome<RestrictedTransfer> backDated = transfers.execute(
                OPERATOR,
                new NewRestrictedTransfer(
                        UUID.randomUUID(),
                        "NIGC-IQD-OM",
                        "NIGC-IQD-R",
                        iqd("1"),
                        date("2024-07-04"),
                        Optional.empty()));
        assertThat(Scenario.assertRefused(backDated).reason()).isEqualTo(Refusal.INSUFFICIENT_FUNDS);
    }
}
