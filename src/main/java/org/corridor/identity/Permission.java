package org.corridor.identity;

/**
 * What a route or command needs. Each feature names its permissions here; {@link RoleMatrix} is
 * the one place that grants them to roles.
 */
public enum Permission {
    /** Read one's own identity; every signed-in user has it. */
    SELF_READ,
    /** Create, list and disable users. */
    USER_MANAGE,
    /** Read the audit trail. */
    AUDIT_READ,
    /** Read the authorisation register, gaps, expiry warnings and eligibility rules; check coverage. */
    AUTHORISATION_READ,
    /** Register and renew authorisations. */
    AUTHORISATION_MANAGE,
    /** Import a new version of the eligibility rules. */
    RULES_MANAGE,
    /** Check goods lines for eligibility. */
    ELIGIBILITY_CHECK,
    /** Read ownership graphs, their assessments under the 50 Percent Rule, vessels and their rules. */
    OWNERSHIP_READ,
    /** Record ownership data (edges, designations, imports), vessels and risk indicators, and set their rules. */
    OWNERSHIP_MANAGE,
    /** Screen a vessel (IMO, name, owner and manager, flag, risk indicators). */
    VESSEL_SCREEN,
    /** Read ledger accounts, balances, statements and transfers. */
    LEDGER_READ,
    /** Create ledger accounts and post transfers. */
    LEDGER_WRITE,
    /** Read restricted accounts, their lots and ageing, contracts, statements, invoices, deposits, conversions, reconciliation. */
    SETTLEMENT_READ,
    /** Open restricted accounts, record their opening balances and set their conversion rules. */
    RESTRICTED_ACCOUNT_MANAGE,
    /** Record energy contracts. */
    CONTRACT_MANAGE,
    /** Record delivery statements (metering files) and credit or debit notes on invoices. */
    DELIVERY_RECORD,
    /** Record the payer's deposits into restricted accounts. */
    DEPOSIT_RECORD,
    /** Request and execute conversions and transfers between restricted accounts. */
    CONVERSION_EXECUTE,
    /** Screen parties against the active sanctions lists (one or a batch). */
    SCREENING_RUN,
    /** Read the sanctions list versions: active ones and their history. */
    LISTS_READ,
    /**
     * Confirm or reject a quarantined list version, one that dropped more than the allowed share of
     * the active version's entities (issue 16); never the person who imported it.
     */
    LISTS_CONFIRM,
    /** Read reports RPT-1 to RPT-10, idle funds, alerts, legal holds and the retention check. */
    REPORT_READ,
    /** Place and release legal holds. */
    RETENTION_MANAGE,
    /** Read disbursement requests, their states, hits, approvals, executions and follow-ups. */
    RELEASE_READ,
    /** Submit a disbursement request and amend its replaceable parties. */
    RELEASE_SUBMIT,
    /** Take a step of a request's approval chain. */
    RELEASE_APPROVE,
    /** Schedule and execute approved requests; register the paying accounts' bank details. */
    RELEASE_EXECUTE,
    /** Record post-payment follow-up documents. */
    RELEASE_FOLLOW_UP,
    /** Decide a goods line that eligibility escalated (four eyes to allow), or split it off into its own request. */
    RELEASE_LINE_RESOLVE,
    /** Record that an RPT-5 report (a rejected party, a refused request) was filed with the authority. */
    REJECTION_REPORT_FILE,
    /** Read the screening-hit queue. */
    HIT_READ,
    /** Dispose of screening hits (four eyes to clear). */
    HIT_DISPOSE,
    /**
     * Hand a bank message (pacs.002, pacs.004, camt.054) to Corridor; what it may then do is the
     * permission of its kind: PAYMENT_STATUS_RECORD, or DEPOSIT_RECORD for credit notifications.
     */
    PAYMENT_MESSAGE_IMPORT,
    /** Record the correspondent's status reports (pacs.002) and returns (pacs.004) of paid releases. */
    PAYMENT_STATUS_RECORD
}
