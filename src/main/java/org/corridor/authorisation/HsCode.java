package org.corridor.authorisation;

import java.util.Optional;

/** HS codes and prefixes as digits: "3004.90" is 300490. Chapters run 01 to 97; 77 is reserved. */
final class HsCode {

    private HsCode() {}

    /** The digits of a code or prefix with dots and spaces removed, if nothing else is in it. */
    static Optional<String> digits(String text) {
        String digits = text.replaceAll("[.\\s]", "");
        return digits.matches("\\d+") ? Optional.of(digits) : Optional.empty();
    }

    static boolean knownChapter(String digits) {
        int chapter = Integer.parseInt(digits.substring(0, 2));
        return chapter >= 1 && chapter <= 97 && chapter != 77;
    }

    /** Digits written the usual way: 300490 as 3004.90, 30 as 30, 841920 as 8419.20. */
    static String dotted(String digits) {
        if (digits.length() <= 4) {
            return digits;
        }
        return digits.substring(0, 4) + "." + digits.substring(4);
    }
}
