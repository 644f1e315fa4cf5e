package org.corridor.settlement;

/** How money entered a restricted account. */
public enum LotSource {
    /** A legacy balance recorded with its original value date. */
    OPENING_BALANCE,
    DEPOSIT,
    /** The target side of a conversion, dated by the conversion's value date. */
    CONVERSION_IN,
    /** The receiving side of a transfer between restricted accounts, dated by its value date. */
    TRANSFER_IN
}
