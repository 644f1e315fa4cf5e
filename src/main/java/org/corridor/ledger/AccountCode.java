package org.corridor.ledger;

/** What an account is for, from one fixed catalogue. */
public enum AccountCode {
    /** A beneficial holder's restricted balance (NIGC-IQD-R): channel use only. */
    RESTRICTED,
    /** A payer's source account (the Ministry of Electricity's deposits come from it). */
    PAYER,
    /** The channel's settlement account with a correspondent or the central bank. */
    SETTLEMENT,
    /** One side of a currency conversion: the bank's position in one currency. */
    FX,
    /** Fees and spreads the channel earns. */
    FEES,
    /** Money whose destination is not yet known. */
    SUSPENSE,
    /** A vendor paid out of the channel (the money leaves the channel here). */
    VENDOR
}
