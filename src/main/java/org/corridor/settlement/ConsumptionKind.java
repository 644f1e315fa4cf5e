package org.corridor.settlement;

/** The movements that take money out of a restricted account, consuming its oldest lots first. */
public enum ConsumptionKind {
    CONVERSION,
    TRANSFER,
    /** A payment to a vendor (the release feature). */
    DISBURSEMENT
}
