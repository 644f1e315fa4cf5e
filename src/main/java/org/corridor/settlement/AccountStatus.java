package org.corridor.settlement;

/** A restricted account's standing (FR-6): channel use only, or fully frozen. */
public enum AccountStatus {
    /** Funds move only through the channel's own movements. */
    RESTRICTED,
    /** Fully frozen: nothing moves in or out (the ledger refuses every transfer). */
    BLOCKED
}
