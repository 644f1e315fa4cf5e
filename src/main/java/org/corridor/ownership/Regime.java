package org.corridor.ownership;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A sanctions regime whose ownership rule Corridor applies. Each regime counts only the persons
 * designated under it: OFAC the persons on its lists, the EU and the UK the persons on theirs
 * (and UN listings, which both implement without a designation of their own).
 */
public enum Regime {
    /** United States, OFAC: the 50 Percent Rule of the 2014 revised guidance. */
    OFAC,
    /** European Union: owned more than 50%, or controlled, by designated persons. */
    EU,
    /** United Kingdom (OFSI): owned more than 50%, or controlled, by designated persons. */
    UK;

    /** Whether control by a designated person makes the controlled entity subject to the regime. */
    boolean controlBlocks() {
        return this != OFAC;
    }

    /**
     * The regimes under which a list entry designates its party. A list Corridor cannot place (the
     * demo's list, OpenSanctions, any other) counts under every regime: refusing by default.
     */
    static Set<Regime> of(ListingRef ref) {
        String list = ref.list().toUpperCase(Locale.ROOT);
        if (list.startsWith("OFAC")) {
            return EnumSet.of(OFAC);
        }
        if (list.equals("EU") || list.startsWith("EU_")) {
            return EnumSet.of(EU);
        }
        if (list.equals("UK") || list.startsWith("UK_") || list.equals("OFSI") || list.equals("HMT")) {
            return EnumSet.of(UK);
        }
        if (list.equals("UN") || list.startsWith("UN_")) {
            return EnumSet.of(EU, UK);
        }
        return EnumSet.allOf(Regime.class);
    }

    /** The rule this regime applies, in one line, for the assessment and its audit entry. */
    String rule(OfacRule ofacRule) {
        return switch (this) {
            case OFAC -> ofacRule.rule();
            case EU ->
                "EU_OWNED_OR_CONTROLLED: owned more than 50%, or controlled, by persons designated by the EU"
                        + " (directly, or through entities they own or control)";
            case UK ->
                "UK_OWNED_OR_CONTROLLED: owned more than 50%, or controlled, by persons designated by the UK"
                        + " (directly, or through entities they own or control)";
        };
    }
}
