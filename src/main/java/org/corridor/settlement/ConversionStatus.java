package org.corridor.settlement;

/** Where a conversion request stands. */
public enum ConversionStatus {
    /** Covered by an authorisation when requested; waiting to be executed. */
    APPROVED,
    /** The authorisation check failed at request or execution (FR-2); executing again re-checks it. */
    HELD,
    /** Some tranches executed, more to come. */
    PARTIALLY_EXECUTED,
    EXECUTED
}
