package org.corridor.settlement;

/** How a deposit matched the invoices it paid (FR-11). */
public enum DepositMatch {
    /** Every invoice it touched is settled and nothing is left over. */
    FULL,
    /** It paid part of an invoice, which stays outstanding. */
    PARTIAL,
    /** More than the invoices it was matched to: the rest is a credit on the contract. */
    OVERPAYMENT
}
