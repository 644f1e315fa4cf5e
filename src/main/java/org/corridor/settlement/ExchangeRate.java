package org.corridor.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * A recorded exchange rate: one unit of {@code base} is worth {@code value} units of {@code quote}
 * (1 EUR = 1,404 IQD), with where it came from and the date it was fixed.
 */
public record ExchangeRate(Currency base, Currency quote, BigDecimal value, String source, LocalDate date) {

    public ExchangeRate {
        if (base == null || quote == null || value == null || date == null) {
            throw new InvalidInputException("RATE_INCOMPLETE", "a rate needs its currencies, value and date");
        }
        if (value.signum() <= 0) {
            throw new InvalidInputException("RATE_INVALID", "a rate is positive: " + value.toPlainString());
        }
        if (base.equals(quote) && value.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidInputException("RATE_INVALID", "a currency is worth itself: 1 " + base + " = 1 " + quote);
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        source = source == null ? "" : source.trim();
        if (source.isEmpty()) {
            throw new InvalidInputException("RATE_SOURCE_MISSING", "a rate names its source, e.g. CBI fixing");
        }
    }

    /** True when this rate converts between the two currencies, in either direction. */
    public boolean between(Currency one, Currency other) {
        return (base.equals(one) && quote.equals(other)) || (base.equals(other) && quote.equals(one));
    }

    /** {@code amount} in {@code target}, exactly, before any rounding (division to 20 extra digits). */
    BigDecimal convertExact(BigDecimal amount, Currency from, Currency target) {
        if (from.equals(target) && base.equals(quote) && from.equals(base)) {
            return amount;
        }
        if (from.equals(base) && target.equals(quote)) {
            return amount.multiply(value);
        }
        if (from.equals(quote) && target.equals(base)) {
            return amount.divide(value, target.exponent() + 20, RoundingMode.DOWN);
        }
        throw new InvalidInputException(
                "RATE_CURRENCY_MISMATCH", "the rate " + this + " does not convert " + from + " to " + target);
    }

    /** {@code amount} in {@code target}, rounded at the target's minor unit. */
    Money convert(Money amount, Currency target, RoundingMode rounding) {
        BigDecimal exact = convertExact(amount.toDecimal(), amount.currency(), target);
        return Amounts.money(exact.setScale(target.exponent(), rounding), target);
    }

    @Override
    public String toString() {
        return "1 " + base + " = " + value.toPlainString() + " " + quote + " (" + source + ", " + date + ")";
    }
}
