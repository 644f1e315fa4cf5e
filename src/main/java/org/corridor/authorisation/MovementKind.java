package org.corridor.authorisation;

/** The kinds of money movement that must each be covered by an authorisation (FR-2). */
public enum MovementKind {
    DEPOSIT,
    CONVERSION,
    TRANSFER,
    DISBURSEMENT
}
