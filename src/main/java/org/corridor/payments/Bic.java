package org.corridor.payments;

import com.prowidesoftware.swift.model.BIC;
import com.prowidesoftware.swift.model.BicValidationResult;
import java.util.Locale;
import org.corridor.InvalidInputException;

/**
 * A Business Identifier Code (ISO 9362): 8 or 11 characters with an ISO 3166 country in place 5-6,
 * checked by Prowide.
 */
public record Bic(String value) {

    private static final String FORM = "[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?";
    private static final String MALFORMED =
            "a BIC is 8 or 11 letters and digits: bank, country, location, optional branch";

    public Bic {
        if (value == null || !value.matches(FORM)) {
            throw new IllegalArgumentException("not a BIC");
        }
    }

    public static Bic parse(String text) {
        String compact = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!compact.matches(FORM)) {
            throw new InvalidInputException("BIC_MALFORMED", MALFORMED);
        }
        BicValidationResult result = new BIC(compact).validate();
        if (result == BicValidationResult.INVALID_COUNTRY) {
            throw new InvalidInputException(
                    "BIC_COUNTRY_UNKNOWN", "the BIC names no country: " + compact.substring(4, 6));
        }
        // ISO 9362:2014 lets the party prefix hold digits; Prowide still checks the older letters-only rule.
        if (result != BicValidationResult.OK && result != BicValidationResult.INVALID_INSTITUTION_CHARSET) {
            throw new InvalidInputException("BIC_MALFORMED", MALFORMED);
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
