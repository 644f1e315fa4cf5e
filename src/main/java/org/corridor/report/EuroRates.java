package org.corridor.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.settlement.Conversion;
import org.corridor.settlement.ConversionExecution;
import org.corridor.settlement.Deposit;
import org.corridor.settlement.ExchangeRate;
import org.corridor.settlement.Settlement;

/**
 * The rates a report states for its EUR equivalents: per currency, the latest rate against EUR
 * that settlement recorded (a deposit's or a conversion's) dated on or before the report date.
 * Equivalents are rounded HALF_EVEN at the cent; they are indications, never postings.
 */
final class EuroRates {

    private final Map<String, IdleFundsView.StatedRate> rates;

    private EuroRates(Map<String, IdleFundsView.StatedRate> rates) {
        this.rates = rates;
    }

    static EuroRates asOf(Settlement settlement, LocalDate date) {
        List<ExchangeRate> recorded = new ArrayList<>();
        for (Deposit deposit : settlement.deposits().list(Optional.empty())) {
            recorded.add(deposit.rate());
        }
        for (Conversion conversion : settlement.conversions().list()) {
            recorded.add(conversion.rate());
            conversion.executions().stream().map(ConversionExecution::rate).forEach(recorded::add);
        }
        Map<String, IdleFundsView.StatedRate> latest = new TreeMap<>();
        for (ExchangeRate rate : recorded) {
            if (rate.date().isAfter(date) || rate.base().equals(rate.quote())) {
                continue;
            }
            Currency other;
            BigDecimal perEur;
            if (rate.base().equals(Currency.EUR)) {
                other = rate.quote();
                perEur = rate.value();
            } else if (rate.quote().equals(Currency.EUR)) {
                other = rate.base();
                perEur = BigDecimal.ONE
                        .divide(rate.value(), 12, RoundingMode.HALF_EVEN)
                        .stripTrailingZeros();
            } else {
                continue;
            }
            IdleFundsView.StatedRate candidate =
                    new IdleFundsView.StatedRate(other, perEur, rate.source(), rate.date());
            latest.merge(other.code(), candidate, (kept, next) -> next.date().isBefore(kept.date()) ? kept : next);
        }
        return new EuroRates(latest);
    }

    List<IdleFundsView.StatedRate> stated() {
        return List.copyOf(rates.values());
    }

    /** The amount in EUR at the stated rate; empty when no rate for its currency is recorded. */
    Optional<Money> toEur(Money amount) {
        if (amount.currency().equals(Currency.EUR)) {
            return Optional.of(amount);
        }
        IdleFundsView.StatedRate rate = rates.get(amount.currency().code());
        if (rate == null) {
            return Optional.empty();
        }
        BigDecimal eur = amount.toDecimal().divide(rate.rate(), Currency.EUR.exponent(), RoundingMode.HALF_EVEN);
        return Optional.of(
                Money.ofMinor(eur.movePointRight(Currency.EUR.exponent()).longValueExact(), Currency.EUR));
    }
}
