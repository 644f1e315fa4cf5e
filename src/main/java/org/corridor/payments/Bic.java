package org.corridor.payments;

import java.util.Locale;
import java.util.Set;
import org.corridor.InvalidInputException;

/** A Business Identifier Code (ISO 9362): 8 or 11 characters with an ISO 3166 country in place 5-6. */
public record Bic(String value) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Bic {
        if (value == null || !value.matches("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            throw new IllegalArgumentException("not a BIC");
        }
    }

    public static Bic parse(String text) {
        String compact = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!compact.matches("[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?")) {
            throw new InvalidInputException(
                    "BIC_MALFORMED", "a BIC is 8 or 11 letters and digits: bank, country, location, optional branch");
        }
        String country = compact.substring(4, 6);
        if (!COUNTRIES.contains(country) && !country.equals("XK")) {
            throw new InvalidInputException("BIC_COUNTRY_UNKNOWN", "the BIC names no country: " + country);
        }
        return new Bic(compact);
    }

    public String country() {
        return value.substring(4, 6);
    }

    @Override
    public String toString() {
        return value;
    }
}
