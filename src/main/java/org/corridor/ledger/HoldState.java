package org.corridor.ledger;

/** Where a hold (a pending transfer) stands. */
public enum HoldState {
    PENDING,
    POSTED,
    VOIDED,
    EXPIRED
}
