package org.corridor.release;

/**
 * Why a request is HELD or REJECTED, besides the authorisation's own reasons (AUTHORISATION_EXPIRED,
 * NO_AUTHORISATION, PRIOR_APPROVAL_MISSING, CURRENCY_PROHIBITED, ...), which are recorded by their
 * names.
 */
public enum ReleaseReason {
    /** A line needs a specific licence (the -B part of a split request). */
    SPECIFIC_LICENCE_REQUIRED,
    /** A line is escalated for another reason and waits for a compliance decision. */
    LINE_ESCALATED,
    /** No line may go ahead. */
    NOTHING_ELIGIBLE,
    /** FR-19: the vendor is the beneficial holder itself. */
    VENDOR_IS_HOLDER,
    /** FR-19: the vendor, or its bank account, is in the sanctioned country. */
    VENDOR_IN_SANCTIONED_COUNTRY,
    /** A TRUE_MATCH on the vendor, its bank, the purchaser or an end user. */
    PARTY_BLOCKED,
    /** A TRUE_MATCH on a replaceable party (forwarder, carrier, vessel): the vendor must appoint another. */
    PARTY_REPLACEMENT_REQUIRED,
    /** Hits are open or escalated at execution. */
    SCREENING_HIT_OPEN,
    /** The restricted account holds less than the request. */
    INSUFFICIENT_FUNDS,
    /** The restricted account is blocked. */
    ACCOUNT_BLOCKED,
    /** No IBAN and BIC are registered for the paying restricted account. */
    PAYING_ACCOUNT_UNKNOWN,
    /** The ledger or the lots refused the posting; nothing was moved. */
    POSTING_REFUSED,
    /** A scheduled execution's day passed without it running (the server was down): a person decides again. */
    VALUE_DATE_MISSED,
    /** Whoever scheduled the execution may no longer execute it on its day (disabled, or the role gone). */
    SCHEDULER_NOT_AUTHORISED;

    /**
     * True when a request HELD for {@code reason} may go ahead later without a person changing it (an
     * authorisation gap, funds): its approval chain resumes and its execution may be tried again.
     */
    static boolean retriable(String reason) {
        return !reason.equals(PARTY_REPLACEMENT_REQUIRED.name())
                && !reason.equals(PARTY_BLOCKED.name())
                && !reason.equals(SPECIFIC_LICENCE_REQUIRED.name())
                && !reason.equals(LINE_ESCALATED.name());
    }
}
