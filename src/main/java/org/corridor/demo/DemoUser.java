package org.corridor.demo;

import org.corridor.identity.Role;

/**
 * The people of the demo. Four eyes need distinct people: two administrators confirm each other's
 * changes of identity, the compliance checker and senior compliance are two approvers, and a second
 * operator records the Authority's answer and executes what the first made.
 */
enum DemoUser {
    ADMIN("admin", Role.ADMIN),
    SECOND_ADMIN("adil.admin", Role.ADMIN),
    OPERATOR("olga.operations", Role.OPERATOR),
    AUTHORITY_DESK("omar.operations", Role.OPERATOR),
    ANALYST("ali.analyst", Role.COMPLIANCE_ANALYST),
    REVIEWER("rita.reviewer", Role.COMPLIANCE_REVIEWER),
    APPROVER("samir.approver", Role.APPROVER),
    SENIOR("sara.senior", Role.APPROVER),
    PAYER("moe.treasury", Role.PAYER),
    AGENT("nigc.agent", Role.BENEFICIARY_AGENT),
    AUDITOR("aida.auditor", Role.AUDITOR);

    final String userName;
    final Role role;

    DemoUser(String userName, Role role) {
        this.userName = userName;
        this.role = role;
    }

    /** The holders a user acts for: the agent is NIGC's. */
    java.util.List<String> holders() {
        return this == AGENT ? java.util.List.of("NIGC") : java.util.List.of();
    }
}
