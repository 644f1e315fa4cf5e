package org.corridor.authorisation;

import java.util.Optional;

/**
 * Who finally receives the goods (FR-18). Military, intelligence and law-enforcement end users are
 * excluded by the default rule set; which types are excluded is rule data, not code.
 */
public enum EndUserType {
    HOSPITAL,
    PHARMACY,
    DISTRIBUTOR,
    MILITARY,
    INTELLIGENCE,
    LAW_ENFORCEMENT,
    OTHER;

    /** The type named by {@code text} (case-insensitive), or empty when blank or unknown. */
    public static Optional<EndUserType> parse(String text) {
        return Enums.parse(EndUserType.class, text);
    }
}
