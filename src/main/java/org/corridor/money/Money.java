package org.corridor.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.corridor.InvalidInputException;

/**
 * An exact amount: a signed count of minor units of one currency. Arithmetic refuses overflow
 * rather than wrapping, and never mixes currencies.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long amountMinor, Currency currency) {
        return new Money(amountMinor, currency);
    }

    /**
     * Parses a decimal string such as {@code "4704000.00"} in the currency's minor units. Refuses
     * more decimals than the currency has, exponents, signs other than a leading minus, negative
     * zero and amounts beyond a signed 64-bit count of minor units.
     */
    public static Money parse(String decimal, Currency currency) {
        return new Money(parseMinor(decimal, currency), currency);
    }

    /** Parses {@code "IQD 1,000.500"} or {@code "EUR 12.00"} style strings. */
    public static Money parse(String codeAndAmount) {
        String[] parts =
                codeAndAmount == null ? new String[0] : codeAndAmount.trim().split("\\s+");
        if (parts.length != 2) {
            throw new InvalidInputException(
                    "AMOUNT_MALFORMED", "expected CURRENCY AMOUNT, such as EUR 12.00: " + codeAndAmount);
        }
        return parse(parts[1].replace(",", ""), Currency.of(parts[0]));
    }

    static long parseMinor(String decimal, Currency currency) {
        if (decimal == null || !decimal.matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
            throw new InvalidInputException("AMOUNT_MALFORMED", "not a plain decimal amount: " + abbreviate(decimal));
        }
        BigDecimal value = new BigDecimal(decimal);
        if (value.scale() > currency.exponent()) {
            throw new InvalidInputException(
                    "AMOUNT_TOO_PRECISE",
                    currency.code() + " has " + currency.exponent() + " decimals, got " + decimal);
        }
        if (decimal.startsWith("-") && value.signum() == 0) {
            throw new InvalidInputException("AMOUNT_NEGATIVE_ZERO", "negative zero is not an amount");
        }
        BigInteger minor = value.movePointRight(currency.exponent()).toBigIntegerExact();
        if (minor.compareTo(LONG_MAX) > 0 || minor.compareTo(LONG_MIN) < 0) {
            throw new InvalidInputException("AMOUNT_OVERFLOW", "amount too large: " + abbreviate(decimal));
        }
        return minor.longValueExact();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** The amount as a plain decimal string with exactly the currency's number of decimals. */
    public String toDecimalString() {
        return toDecimal().toPlainString();
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(amountMinor, currency.exponent());
    }

    /** @throws InvalidInputException AMOUNT_OVERFLOW past what a signed 64-bit count of minor units holds */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return exact(() -> Math.addExact(amountMinor, other.amountMinor), "sum");
    }

    /** @throws InvalidInputException AMOUNT_OVERFLOW past what a signed 64-bit count of minor units holds */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return exact(() -> Math.subtractExact(amountMinor, other.amountMinor), "difference");
    }

    public Money negate() {
        return exact(() -> Math.negateExact(amountMinor), "negation");
    }

    /**
     * The result of exact arithmetic, or a named refusal when it overflows: a total past 2^63 minor
     * units is bad input to refuse by name, never a crash (an HTTP 500).
     */
    private Money exact(java.util.function.LongSupplier arithmetic, String what) {
        try {
            return new Money(arithmetic.getAsLong(), currency);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(
                    "AMOUNT_OVERFLOW",
                    "the " + what + " of " + currency.code() + " amounts is beyond what the ledger holds"
                            + " (2^63 minor units)");
        }
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    @Override
    public String toString() {
        return currency.code() + " " + toDecimalString();
    }

    /**
     * The amount for people to read in alerts and messages: the currency, then the amount grouped in
     * thousands with exactly the currency's decimals, such as {@code IQD 9,687,600,000,000.000}.
     */
    public String display() {
        java.text.DecimalFormat format =
                new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        format.setMinimumFractionDigits(currency.exponent());
        format.setMaximumFractionDigits(currency.exponent());
        return currency.code() + " " + format.format(toDecimal());
    }
}
