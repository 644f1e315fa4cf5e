package org.corridor.vessel;

import org.corridor.InvalidInputException;

/**
 * An IMO ship identification number: seven digits, the last a check digit (the first six times 7,
 * 6, 5, 4, 3 and 2, summed, modulo 10). A number whose check digit fails is still accepted as an
 * identifier, because the screening must see it: an altered IMO number is one of the deceptive
 * practices of the May 2020 advisory, and the scenario's invented ships fail it too.
 */
public record Imo(String digits) {

    public Imo {
        if (digits == null || !digits.matches("[0-9]{7}")) {
            throw new InvalidInputException(
                    "IMO_INVALID", "an IMO number is seven digits, such as 9074729: '" + abbreviate(digits) + "'");
        }
    }

    /** Reads {@code 9074729}, {@code IMO 9074729} or {@code IMO9074729}. */
    public static Imo parse(String text) {
        String plain = text == null ? "" : text.strip();
        if (plain.regionMatches(true, 0, "IMO", 0, 3)) {
            plain = plain.substring(3).strip();
        }
        return new Imo(plain);
    }

    /** The check digit the first six digits call for. */
    public int expectedCheckDigit() {
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (digits.charAt(i) - '0') * (7 - i);
        }
        return sum % 10;
    }

    public boolean checkDigitValid() {
        return expectedCheckDigit() == digits.charAt(6) - '0';
    }

    @Override
    public String toString() {
        return "IMO " + digits;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }
}
