package org.corridor.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.corridor.DomainException;
import org.corridor.app.Corridor;
import org.corridor.authorisation.AuthorisationType;
import org.corridor.authorisation.Category;
import org.corridor.authorisation.MovementKind;
import org.corridor.authorisation.NewAuthorisation;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.testing.MutableClock;
import org.corridor.testing.TestCorridor;

/**
 * Invariants of settlement: FIFO takes exactly what is asked, oldest first; a conversion's legs add
 * up to what it takes, at the recorded rate less the spread; and after any sequence of movements the
 * lots of every restricted account add up to its posted balance in the ledger.
 */
class SettlementPropertiesTest {

    private static Corridor corridor;

    @BeforeContainer
    static void start() {
        corridor = TestCorridor.create(MutableClock.at("2026-01-15T09:00:00Z"));
        corridor.authorisations()
                .register(
                        Scenario.REVIEWER,
                        NewAuthorisation.builder("GL-PROPERTY", AuthorisationType.GENERAL_LICENCE)
                                .issuer("test")
                                .legalBasis("a licence broad enough for random movements")
                                .valid(LocalDate.parse("2000-01-01"), LocalDate.parse("2030-12-31"))
                                .purposes(Category.MEDICINE)
                                .movements(MovementKind.values())
                                .currencies(Currency.IQD, Currency.EUR)
                                .locations("IQ", "OM")
                                .build());
    }

    @AfterContainer
    static void stop() {
        corridor.close();
    }

    // ---------------------------------------------------------------- pure

    @Property(tries = 300)
    void fifo_takes_exactly_the_amount_from_the_oldest_lots_first(
            @ForAll @Size(max = 8) List<@LongRange(min = 0, max = 1_000) Long> remaining,
            @ForAll @LongRange(min = 1, max = 5_000) long amount) {
        List<Fifo.Available> lots = new ArrayList<>();
        remaining.forEach(left -> lots.add(new Fifo.Available(UUID.randomUUID(), left)));
        long held = remaining.stream().mapToLong(Long::longValue).sum();
        List<Fifo.Take> takes = Fifo.take(lots, amount);
        if (held < amount) {
            assertThat(takes).isEmpty();
            return;
        }
        assertThat(takes.stream().mapToLong(Fifo.Take::amountMinor).sum()).isEqualTo(amount);
        // Every lot before the last one taken is emptied; none is taken beyond what it holds.
        int last = -1;
        for (Fifo.Take take : takes) {
            int index = indexOf(lots, take.lotId());
            assertThat(index).isGreaterThan(last);
            assertThat(take.amountMinor())
                    .isPositive()
                    .isLessThanOrEqualTo(lots.get(index).remainingMinor());
            for (int skipped = last + 1; skipped < index; skipped++) {
                assertThat(lots.get(skipped).remainingMinor()).isZero();
            }
            if (last >= 0) {
                assertThat(takes.get(takes.indexOf(take) - 1).amountMinor())
                        .isEqualTo(lots.get(last).remainingMinor());
            }
            last = index;
        }
    }

    private static int indexOf(List<Fifo.Available> lots, UUID id) {
        for (int i = 0; i < lots.size(); i++) {
            if (lots.get(i).lotId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Property(tries = 500)
    void a_conversion_neither_creates_nor_destroys_value_beyond_the_rate_and_spread(
            @ForAll @LongRange(min = 1_000_000, max = 1_000_000_000_000_000L) long amountMinor,
            @ForAll @IntRange(min = 0, max = 500) int feeThousandths,
            @ForAll @IntRange(min = 1, max = 5_000_000) int rateHundredths,
            @ForAll @IntRange(min = 0, max = 500) int spreadHundredthsOfPercent) {
        Money amount = Money.ofMinor(amountMinor, Currency.IQD);
        Money fee = Money.ofMinor(amountMinor / 1_000 * feeThousandths / 1_000, Currency.IQD);
        BigDecimal rate = BigDecimal.valueOf(rateHundredths, 2);
        BigDecimal spread = BigDecimal.valueOf(spreadHundredthsOfPercent, 2);
        ExchangeRate eurIqd = new ExchangeRate(Currency.EUR, Currency.IQD, rate, "test", LocalDate.EPOCH);
        ConversionQuote quote;
        try {
            quote = ConversionQuote.of(amount, fee, eurIqd, spread, Currency.EUR);
        } catch (org.corridor.InvalidInputException e) {
            assertThat(e.code()).isEqualTo("CONVERSION_TOO_SMALL");
            return;
        }
        assertThat(quote.fee().plus(quote.spread()).plus(quote.fx())).isEqualTo(amount);
        assertThat(quote.spread().isNegative()).isFalse();
        BigDecimal net = amount.minus(fee).toDecimal();
        BigDecimal exact =
                net.multiply(BigDecimal.ONE.subtract(spread.movePointLeft(2))).divide(rate, 12, RoundingMode.HALF_EVEN);
        BigDecimal target = quote.target().toDecimal();
        // Rounded down, by less than a cent.
        assertThat(target).isLessThanOrEqualTo(exact);
        assertThat(exact.subtract(target)).isLessThan(new BigDecimal("0.01"));
        // The FX position buys the target at the plain rate, to the nearest fils.
        assertThat(quote.fx().toDecimal().subtract(target.multiply(rate)).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.0005"));
    }

    @Property(tries = 300)
    void a_deposit_is_split_over_invoices_and_credit_without_losing_a_unit(
            @ForAll @LongRange(min = 1, max = 100_000_000_000L) long depositMinor,
            @ForAll @Size(max = 4) List<@LongRange(min = 0, max = 10_000_000) Long> outstanding) {
        ExchangeRate rate =
                new ExchangeRate(Currency.EUR, Currency.IQD, new BigDecimal("1404"), "test", LocalDate.EPOCH);
        Money deposit = Money.ofMinor(depositMinor, Currency.IQD);
        Money equivalent = rate.convert(deposit, Currency.EUR, RoundingMode.HALF_EVEN);
        List<Matching.Open> open = new ArrayList<>();
        for (long owed : outstanding) {
            Invoice invoice = new Invoice(
                    UUID.randomUUID(),
                    "INV-" + open.size(),
                    UUID.randomUUID(),
                    "C",
                    UUID.randomUUID(),
                    LocalDate.EPOCH,
                    LocalDate.EPOCH,
                    LocalDate.EPOCH,
                    BigDecimal.ONE,
                    QuantityUnit.MWH,
                    BigDecimal.ONE,
                    Money.ofMinor(owed, Currency.EUR),
                    List.of(),
                    Money.ofMinor(owed, Currency.EUR),
                    Money.zero(Currency.EUR),
                    Money.ofMinor(owed, Currency.EUR));
            open.add(new Matching.Open(invoice, invoice.outstanding()));
        }
        Matching.Result result = Matching.match(deposit, equivalent, rate, open);
        Money allocated =
                result.allocations().stream().map(Allocation::amount).reduce(Money.zero(Currency.EUR), Money::plus);
        assertThat(allocated.plus(result.unapplied())).isEqualTo(equivalent);
        Money parts = result.allocations().stream()
                .map(Allocation::depositAmount)
                .reduce(Money.zero(Currency.IQD), Money::plus);
        assertThat(parts).isLessThanOrEqualTo(deposit);
        if (result.unapplied().isZero() && !result.allocations().isEmpty()) {
            assertThat(parts).isEqualTo(deposit);
        }
        for (Allocation allocation : result.allocations()) {
            Money owed = open.stream()
                    .filter(o -> o.invoice().id().equals(allocation.invoiceId()))
                    .findFirst()
                    .orElseThrow()
                    .outstanding();
            assertThat(allocation.amount()).isLessThanOrEqualTo(owed);
        }
    }

    // ---------------------------------------------------------------- on the database

    /** One random movement of a holder's money, on a value date counted from 2024-01-01. */
    record Step(int kind, long amount, int day) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.longs().between(1, 5_000_000_000L),
                        Arbitraries.integers().between(0, 200))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 8)
    void the_lots_of_every_restricted_account_add_up_to_its_ledger_balance(@ForAll("steps") List<Step> steps) {
        Settlement settlement = corridor.settlement();
        String holder = "H" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        RestrictedAccount iqd = settlement
                .accounts()
                .open(Scenario.OPERATOR, Scenario.account(holder + "-IQD-R", holder, Currency.IQD, "TBI", "IQ"));
        RestrictedAccount omani = settlement
                .accounts()
                .open(Scenario.OPERATOR, Scenario.account(holder + "-IQD-OM", holder, Currency.IQD, "MPB", "OM"));
        RestrictedAccount eur = settlement
                .accounts()
                .open(Scenario.OPERATOR, Scenario.account(holder + "-EUR-R", holder, Currency.EUR, "MPB", "OM"));
        settlement
                .contracts()
                .record(
                        Scenario.OPERATOR,
                        new NewContract(
                                Optional.empty(),
                                holder + "-POWER",
                                holder,
                                "MoE",
                                Commodity.ELECTRICITY,
                                QuantityUnit.MWH,
                                new BigDecimal("75"),
                                Currency.EUR,
                                java.util.Map.of(),
                                iqd.name()));
        LocalDate start = LocalDate.parse("2024-01-01");
        for (Step step : steps) {
            try {
                apply(settlement, holder, iqd, omani, eur, step, start.plusDays(step.day()));
            } catch (DomainException refused) {
                // Input the channel refuses (too small to convert, ...) changes nothing, as refusals must not.
            }
        }
        for (RestrictedAccount account : List.of(iqd, omani, eur)) {
            Money ledger = settlement.accounts().balance(account.id());
            Money lots = settlement.lots().lots(account.id()).stream()
                    .map(Lot::remaining)
                    .reduce(Money.zero(account.currency()), Money::plus);
            assertThat(lots).as(account.name()).isEqualTo(ledger);
            assertThat(settlement
                            .lots()
                            .ageing(account.id(), LocalDate.parse("2025-12-31"))
                            .balance())
                    .as(account.name())
                    .isEqualTo(ledger);
        }
    }

    private static void apply(
            Settlement settlement,
            String holder,
            RestrictedAccount iqd,
            RestrictedAccount omani,
            RestrictedAccount eur,
            Step step,
            LocalDate day) {
        Money amount = Money.ofMinor(step.amount() * 1_000, Currency.IQD);
        switch (step.kind()) {
            case 0 ->
                settlement
                        .accounts()
                        .recordOpeningBalance(
                                Scenario.OPERATOR,
                                iqd.name(),
                                new NewOpeningBalance(UUID.randomUUID(), amount, day.minusYears(2), "legacy"));
            case 1 ->
                settlement
                        .deposits()
                        .record(
                                Scenario.PAYER,
                                new NewDeposit(
                                        UUID.randomUUID(),
                                        holder + "-POWER",
                                        amount,
                                        day,
                                        new BigDecimal("1404"),
                                        "test",
                                        day,
                                        Optional.empty(),
                                        Optional.empty()));
            case 2 ->
                settlement
                        .transfers()
                        .execute(
                                Scenario.OPERATOR,
                                new NewRestrictedTransfer(
                                        UUID.randomUUID(), iqd.name(), omani.name(), amount, day, Optional.empty()));
            case 3 ->
                settlement
                        .transfers()
                        .execute(
                                Scenario.OPERATOR,
                                new NewRestrictedTransfer(
                                        UUID.randomUUID(), omani.name(), iqd.name(), amount, day, Optional.empty()));
            default -> {
                Conversion conversion = settlement
                        .conversions()
                        .request(
                                Scenario.OPERATOR,
                                new NewConversion(
                                        UUID.randomUUID(),
                                        step.amount() % 2 == 0 ? iqd.name() : omani.name(),
                                        eur.name(),
                                        amount,
                                        day,
                                        Optional.empty(),
                                        new ExchangeRate(
                                                Currency.EUR, Currency.IQD, new BigDecimal("1404"), "test", day),
                                        new BigDecimal("0.15"),
                                        Optional.empty()))
                        .value();
                settlement
                        .conversions()
                        .execute(
                                Scenario.OPERATOR,
                                conversion.id(),
                                new NewExecution(UUID.randomUUID(), day, Optional.empty(), Optional.empty()));
            }
        }
    }
}
