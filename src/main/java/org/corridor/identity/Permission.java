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
    /** Read ledger accounts, balances, statements and transfers. */
    LEDGER_READ,
    /** Create ledger accounts and post transfers. */
    LEDGER_WRITE
}
