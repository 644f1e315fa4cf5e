package org.corridor.ledger;

/**
 * The one catalogue of transfer outcomes, in precedence order: when several apply, the first one
 * declared here is given. Three groups follow each other: checks of the transfer alone (never
 * recorded: the same id may be sent again, corrected), the idempotency checks against an earlier
 * transfer of the same id, and checks against the ledger's state. A failure of the last group is
 * recorded under the transfer's id, so that an id that failed stays failed: sending it again gives
 * the same reason.
 */
public enum TransferResult {
    /** Accepted and applied. */
    OK(Group.SUCCESS),

    /** Another transfer of its linked chain failed; nothing of the chain was applied. */
    LINKED_EVENT_FAILED(Group.VALIDATION),
    /** The batch's last transfer is linked to a next one that does not exist. */
    LINKED_EVENT_CHAIN_OPEN(Group.VALIDATION),

    // Malformed input, as found by the HTTP and CLI edges before a transfer could be built.
    ID_MALFORMED(Group.VALIDATION),
    KIND_UNKNOWN(Group.VALIDATION),
    DEBIT_ACCOUNT_ID_MALFORMED(Group.VALIDATION),
    CREDIT_ACCOUNT_ID_MALFORMED(Group.VALIDATION),
    PENDING_ID_MALFORMED(Group.VALIDATION),
    CURRENCY_UNKNOWN(Group.VALIDATION),
    AMOUNT_MALFORMED(Group.VALIDATION),
    AMOUNT_TOO_PRECISE(Group.VALIDATION),
    /** More than {@link Long#MAX_VALUE} minor units. */
    AMOUNT_OVERFLOW(Group.VALIDATION),
    EXPIRES_AT_MALFORMED(Group.VALIDATION),

    ID_MUST_NOT_BE_ZERO(Group.VALIDATION),
    /** EXPIRE_PENDING is written by the ledger alone. */
    KIND_RESERVED_FOR_LEDGER(Group.VALIDATION),
    DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO(Group.VALIDATION),
    CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO(Group.VALIDATION),
    ACCOUNTS_MUST_BE_DIFFERENT(Group.VALIDATION),
    PENDING_ID_MUST_BE_ZERO(Group.VALIDATION),
    PENDING_ID_MUST_NOT_BE_ZERO(Group.VALIDATION),
    PENDING_ID_MUST_BE_DIFFERENT(Group.VALIDATION),
    EXPIRY_RESERVED_FOR_PENDING_TRANSFER(Group.VALIDATION),
    AMOUNT_MUST_BE_POSITIVE(Group.VALIDATION),
    /** The code is blank where one is needed, or not 1 to 32 of A-Z, 0-9 and _. */
    CODE_INVALID(Group.VALIDATION),
    /** More than 16 references, or a key or value blank or longer than 200 characters. */
    REFERENCES_INVALID(Group.VALIDATION),
    /** Metadata that is not JSON, or longer than 8,192 characters as canonical JSON. */
    METADATA_INVALID(Group.VALIDATION),

    EXISTS_WITH_DIFFERENT_KIND(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_AMOUNT(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_LEDGER(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_CODE(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_PENDING_ID(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_EXPIRY(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_REFERENCES(Group.EXISTS),
    EXISTS_WITH_DIFFERENT_METADATA(Group.EXISTS),
    /** Accepted earlier with the same content; nothing more was done. */
    EXISTS(Group.SUCCESS),

    PENDING_TRANSFER_NOT_FOUND(Group.STATE),
    PENDING_TRANSFER_NOT_PENDING(Group.STATE),
    PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID(Group.STATE),
    PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID(Group.STATE),
    PENDING_TRANSFER_HAS_DIFFERENT_LEDGER(Group.STATE),
    PENDING_TRANSFER_HAS_DIFFERENT_CODE(Group.STATE),
    EXCEEDS_PENDING_TRANSFER_AMOUNT(Group.STATE),
    PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT(Group.STATE),
    PENDING_TRANSFER_ALREADY_POSTED(Group.STATE),
    PENDING_TRANSFER_ALREADY_VOIDED(Group.STATE),
    /** The hold's expiry has passed; the ledger has voided it (and recorded that). */
    PENDING_TRANSFER_EXPIRED(Group.STATE),
    /** Only for the ledger's own expiry: the hold has no expiry or it has not passed. */
    PENDING_TRANSFER_NOT_EXPIRED(Group.STATE),
    /** The debit or the credit account does not exist. */
    ACCOUNT_NOT_FOUND(Group.STATE),
    /** The accounts are in different currencies, or not in the transfer's. */
    LEDGER_MISMATCH(Group.STATE),
    ACCOUNT_CLOSED(Group.STATE),
    ACCOUNT_BLOCKED(Group.STATE),
    /**
     * The debit account is RESTRICTED and the transfer is not one of the channel's own movements
     * ({@link ChannelCodes}), or the transfer came through a generic edge, which may neither debit
     * nor credit a RESTRICTED account.
     */
    ACCOUNT_RESTRICTED(Group.STATE),
    EXPIRY_MUST_BE_IN_THE_FUTURE(Group.STATE),
    OVERFLOWS_DEBITS_PENDING(Group.STATE),
    OVERFLOWS_CREDITS_PENDING(Group.STATE),
    OVERFLOWS_DEBITS_POSTED(Group.STATE),
    OVERFLOWS_CREDITS_POSTED(Group.STATE),
    OVERFLOWS_DEBITS(Group.STATE),
    OVERFLOWS_CREDITS(Group.STATE),
    /** The debit account may not be debited beyond its posted credits. */
    EXCEEDS_CREDITS(Group.STATE),
    /** The credit account may not be credited beyond its posted debits. */
    EXCEEDS_DEBITS(Group.STATE);

    private enum Group {
        SUCCESS,
        VALIDATION,
        EXISTS,
        STATE
    }

    private final Group group;

    TransferResult(Group group) {
        this.group = group;
    }

    /** True when the transfer is in the book: accepted now or earlier. */
    public boolean succeeded() {
        return group == Group.SUCCESS;
    }

    /** True for failures kept under the transfer's id. */
    boolean recorded() {
        return group == Group.STATE;
    }
}
