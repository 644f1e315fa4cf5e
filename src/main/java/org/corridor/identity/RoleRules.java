package org.corridor.identity;

import java.util.EnumSet;
import java.util.Set;
import org.corridor.InvalidInputException;

/**
 * Which roles one person may hold together. The bank's own duties (operations, compliance,
 * approval) may be combined on one person, and the four-eyes checks keep such a person to one
 * step of any request. ADMIN, AUDITOR and the outside parties (PAYER, BENEFICIARY_AGENT) stand
 * alone: whoever manages identities, audits, or asks for money takes no other part.
 */
final class RoleRules {

    static final Set<Role> ALONE = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.PAYER, Role.BENEFICIARY_AGENT);

    private RoleRules() {}

    /** @throws InvalidInputException ROLES_MISSING, ROLES_INCOMPATIBLE, HOLDERS_MISSING, HOLDERS_NOT_FOR_ROLE */
    static void requireValid(Set<Role> roles, Set<String> holders) {
        if (roles.isEmpty()) {
            throw new InvalidInputException("ROLES_MISSING", "a user holds at least one role");
        }
        for (Role role : roles) {
            if (ALONE.contains(role) && roles.size() > 1) {
                throw new InvalidInputException(
                        "ROLES_INCOMPATIBLE", role + " is held alone: a person who holds it takes no other role");
            }
        }
        boolean agent = roles.contains(Role.BENEFICIARY_AGENT);
        if (agent && holders.isEmpty()) {
            throw new InvalidInputException(
                    "HOLDERS_MISSING", "a BENEFICIARY_AGENT is bound to at least one holder (NIGC, TAVANIR, ...)");
        }
        if (!agent && !holders.isEmpty()) {
            throw new InvalidInputException("HOLDERS_NOT_FOR_ROLE", "only a BENEFICIARY_AGENT is bound to holders");
        }
    }
}
