package org.corridor.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/** Exact decimal arithmetic on amounts: the one place where decimals become minor units. */
final class Amounts {

    private Amounts() {}

    /**
     * An invoice or note amount: quantity (in price units) times the unit price, computed exactly
     * and rounded once, HALF_EVEN, at the currency's minor unit.
     */
    static Money priced(BigDecimal quantity, BigDecimal unitPrice, Currency currency) {
        return money(quantity.multiply(unitPrice).setScale(currency.exponent(), RoundingMode.HALF_EVEN), currency);
    }

    /** A decimal already at the currency's exponent (or fewer digits) as minor units. */
    static Money money(BigDecimal value, Currency currency) {
        try {
            return Money.ofMinor(
                    value.setScale(currency.exponent(), RoundingMode.UNNECESSARY)
                            .movePointRight(currency.exponent())
                            .longValueExact(),
                    currency);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(
                    "AMOUNT_OVERFLOW",
                    "amount beyond what the ledger holds: " + value.toPlainString() + " " + currency);
        }
    }

    /** A quantity or price as given: a plain decimal, at least zero. */
    static BigDecimal decimal(String field, String text) {
        if (text == null || !text.trim().matches("\\d{1,24}(\\.\\d{1,12})?")) {
            throw new InvalidInputException(
                    "DECIMAL_INVALID",
                    field + " must be a plain non-negative decimal such as 900000000 or 7.25: " + abbreviate(text));
        }
        return new BigDecimal(text.trim());
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Conversion factors as plain decimals by unit name, sorted: how they are stored and shown. */
    static SortedMap<String, String> plain(Map<QuantityUnit, BigDecimal> factors) {
        SortedMap<String, String> plain = new TreeMap<>();
        factors.forEach((unit, factor) -> plain.put(unit.name(), plain(factor)));
        return plain;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "nothing";
        }
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
