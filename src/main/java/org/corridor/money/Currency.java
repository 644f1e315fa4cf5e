package org.corridor.money;

import java.util.Locale;
import java.util.Objects;
import org.corridor.InvalidInputException;

/**
 * An ISO 4217 currency with its minor-unit exponent (IQD 3, EUR 2, KRW 0). Codes without a
 * defined exponent (gold, special drawing rights) are refused: nothing in the channel settles in
 * them.
 */
public record Currency(String code, int exponent) {

    public static final Currency IQD = of("IQD");
    public static final Currency EUR = of("EUR");
    public static final Currency USD = of("USD");

    public Currency {
        Objects.requireNonNull(code, "code");
        if (exponent < 0 || exponent > 4) {
            throw new IllegalArgumentException("exponent out of range: " + exponent);
        }
    }

    /** Looks up an ISO 4217 code, case-insensitively; refuses unknown codes with a named reason. */
    public static Currency of(String code) {
        if (code == null || !code.trim().matches("(?i)[a-z]{3}")) {
            throw new InvalidInputException("CURRENCY_UNKNOWN", "not an ISO 4217 currency code: " + code);
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        java.util.Currency iso;
        try {
            iso = java.util.Currency.getInstance(upper);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("CURRENCY_UNKNOWN", "not an ISO 4217 currency code: " + upper);
        }
        int digits = iso.getDefaultFractionDigits();
        if (digits < 0) {
            throw new InvalidInputException(
                    "CURRENCY_UNKNOWN", "currency has no minor unit and cannot be held: " + upper);
        }
        return new Currency(upper, digits);
    }

    /** The ISO 4217 numeric code, used as the ledger number of this currency. */
    public int numericCode() {
        return java.util.Currency.getInstance(code).getNumericCode();
    }

    @Override
    public String toString() {
        return code;
    }
}
