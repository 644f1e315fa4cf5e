package org.corridor.ledger;

import java.util.Set;

/**
 * The transfer codes of the channel's own movements that take money out of a restricted account
 * (FR-6: no cash withdrawal, no free transfer). The ledger refuses any other debit of an account
 * flagged {@link AccountFlag#RESTRICTED} with {@link TransferResult#ACCOUNT_RESTRICTED}, and the
 * generic edges (HTTP and CLI transfers and holds) may neither debit nor credit one at all: money
 * enters restricted accounts only through deposits, conversions, restricted transfers and the
 * opening balances of settlement, each with its authorisation check.
 */
public final class ChannelCodes {

    /** One currency into another through the FX accounts (settlement). */
    public static final String CONVERSION = "CONVERSION";
    /** From one restricted account to another of the same holder, e.g. in-country to third-country. */
    public static final String RESTRICTED_TRANSFER = "RESTRICTED_TRANSFER";
    /** A payment to a vendor of eligible goods. */
    public static final String DISBURSEMENT = "DISBURSEMENT";
    /** The hold and its post of a release to a vendor. */
    public static final String RELEASE = "RELEASE";

    /** Every code that may debit a restricted account. */
    public static final Set<String> DEBITING_RESTRICTED =
            Set.of(CONVERSION, RESTRICTED_TRANSFER, DISBURSEMENT, RELEASE);

    private ChannelCodes() {}
}
