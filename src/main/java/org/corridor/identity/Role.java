package org.corridor.identity;

/** The roles of the channel's users, as named in the foundation issue. */
public enum Role {
    ADMIN,
    OPERATOR,
    COMPLIANCE_ANALYST,
    COMPLIANCE_REVIEWER,
    APPROVER,
    PAYER,
    BENEFICIARY_AGENT,
    AUDITOR
}
