package org.corridor.settlement;

import java.util.Locale;
import java.util.Set;
import org.corridor.InvalidInputException;

/** What a contract sells, and the units its quantities may be stated in. */
public enum Commodity {
    GAS(Set.of(QuantityUnit.M3, QuantityUnit.MMBTU)),
    ELECTRICITY(Set.of(QuantityUnit.MWH));

    private final Set<QuantityUnit> units;

    Commodity(Set<QuantityUnit> units) {
        this.units = units;
    }

    public boolean measuredIn(QuantityUnit unit) {
        return units.contains(unit);
    }

    public static Commodity parse(String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("COMMODITY_UNKNOWN", "commodity must be GAS or ELECTRICITY: " + text);
        }
    }
}
