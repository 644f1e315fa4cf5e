package org.corridor.settlement;

import java.util.Locale;
import org.corridor.InvalidInputException;

/** Units of delivered energy: gas by volume (cubic metres) or energy (MMBtu), electricity in MWh. */
public enum QuantityUnit {
    M3,
    MMBTU,
    MWH;

    /** Reads {@code m3}, {@code m³}, {@code MMBtu}, {@code MWh} and the like, ignoring case. */
    public static QuantityUnit parse(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace("³", "3");
        try {
            return valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("UNIT_UNKNOWN", "unit must be M3, MMBTU or MWH: " + text);
        }
    }
}
