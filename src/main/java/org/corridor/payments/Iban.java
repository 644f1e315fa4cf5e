package org.corridor.payments;

import com.prowidesoftware.swift.model.IBAN;
import com.prowidesoftware.swift.model.IbanValidationResult;
import java.util.Locale;
import org.corridor.InvalidInputException;

/**
 * An International Bank Account Number in electronic form (no spaces, upper case), checked by
 * Prowide against its country's registered format (length and account structure) and its ISO 13616
 * mod-97 check digits.
 */
public record Iban(String value) {

    private static final String ELECTRONIC_FORM = "[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}";

    public Iban {
        if (value == null || !value.matches(ELECTRONIC_FORM)) {
            throw new IllegalArgumentException("not an IBAN in electronic form");
        }
    }

    /** Parses an IBAN as printed or typed (spaces allowed, any case) and checks it. */
    public static Iban parse(String text) {
        if (text == null || text.length() > 64) {
            throw invalid("IBAN_MALFORMED", "an IBAN is 15 to 34 letters and digits");
        }
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!compact.matches(ELECTRONIC_FORM)) {
            throw invalid(
                    "IBAN_MALFORMED", "an IBAN is a country code, two check digits and 11 to 30 letters or digits");
        }
        IbanValidationResult result = IBAN.validate(compact);
        String country = compact.substring(0, 2);
        return switch (result) {
            case OK -> new Iban(compact);
            case INVALID_COUNTRY_CODE, MISSING_BBAN_CONFIGURATION ->
                throw invalid("IBAN_COUNTRY_UNKNOWN", "no IBAN format is registered for country " + country);
            case BBAN_INVALID_LENGTH, BBAN_MAX_LENGTH ->
                throw invalid(
                        "IBAN_LENGTH",
                        "an IBAN of " + country + " has " + expectedLength(result) + ", got " + compact.length());
            case INVALID_CHECK_DIGITS -> throw invalid("IBAN_CHECKSUM", "the IBAN's check digits do not match");
            default ->
                throw invalid(
                        "IBAN_MALFORMED",
                        "the IBAN does not follow the format of " + country + ": " + result.message());
        };
    }

    /** "N characters": Prowide counts the account part (BBAN), the IBAN has four more. */
    private static String expectedLength(IbanValidationResult result) {
        String bban = result.vars().get("expectedLength");
        return bban == null ? "another number of characters" : (Integer.parseInt(bban) + 4) + " characters";
    }

    public String country() {
        return value.substring(0, 2);
    }

    private static InvalidInputException invalid(String code, String message) {
        return new InvalidInputException(code, message);
    }

    @Override
    public String toString() {
        return value;
    }
}
