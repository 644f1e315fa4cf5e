package org.corridor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The limits every edge applies to text and dates it is given, so that no hostile value reaches
 * the database or a computation: no control characters in text (PostgreSQL cannot store NUL, and
 * no business text needs a bell or an escape), and dates from 1900 to 2200 (a date of the year
 * 100,000 once made the alerts walk 36 million days).
 */
public final class InputLimits {

    /** The earliest date Corridor accepts. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** The latest date Corridor accepts. */
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    private InputLimits() {}

    /**
     * @throws InvalidInputException CONTROL_CHARACTER naming {@code field} when the text holds a
     *     C0 control other than tab, line feed and carriage return, DEL, a C1 control or a lone
     *     surrogate
     */
    public static String text(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
            boolean loneSurrogate = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1)));
            if (Character.isHighSurrogate(c) && !loneSurrogate) {
                i++;
            } else if (control || loneSurrogate) {
                throw new InvalidInputException(
                        "CONTROL_CHARACTER",
                        field + " contains a control character (U+" + String.format("%04X", (int) c) + ") at position "
                                + (i + 1),
                        Map.of("field", field));
            }
        }
        return value;
    }

    /** @throws InvalidInputException DATE_OUT_OF_RANGE naming {@code field} outside 1900 to 2200 */
    public static LocalDate date(String field, LocalDate value) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw outOfRange(field, value.toString());
        }
        return value;
    }

    /** @throws InvalidInputException DATE_OUT_OF_RANGE naming {@code field} outside 1900 to 2200 (UTC) */
    public static Instant instant(String field, Instant value) {
        if (value.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !value.isBefore(
                        LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw outOfRange(field, value.toString());
        }
        return value;
    }

    private static InvalidInputException outOfRange(String field, String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return new InvalidInputException(
                "DATE_OUT_OF_RANGE",
                field + " must be from " + EARLIEST + " to " + LATEST + ", not " + shown,
                Map.of("field", field));
    }
}
