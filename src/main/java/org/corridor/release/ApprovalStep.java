package org.corridor.release;

import java.util.Set;
import org.corridor.audit.Actor;

/**
 * The steps of the approval chain (FR-28), in order. Each human step names the roles that may take
 * it; the Authority's step records its prior-approval reference.
 */
public enum ApprovalStep {
    /** Operations maker. */
    MAKER(Set.of("OPERATOR")),
    /** Compliance checker. */
    COMPLIANCE(Set.of("APPROVER")),
    /** Senior compliance, above the policy's threshold. */
    SENIOR_COMPLIANCE(Set.of("APPROVER")),
    /** The Authority's prior approval (no-objection) reference, recorded by operations or an approver. */
    AUTHORITY(Set.of("OPERATOR", "APPROVER"));

    private final Set<String> roles;

    ApprovalStep(Set<String> roles) {
        this.roles = roles;
    }

    /** True when one of the roles {@code actor} acts in takes this step. */
    public boolean takenBy(Actor actor) {
        return actor.roles().stream().anyMatch(roles::contains);
    }

    /** Who may take this step, for refusals: "an OPERATOR" or "an OPERATOR or an APPROVER". */
    public String takers() {
        return roles.stream()
                .sorted()
                .map(role -> ("AEIOU".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role)
                .collect(java.util.stream.Collectors.joining(" or "));
    }

    /** True for the steps a person of the bank signs; the Authority's step only records a reference. */
    public boolean internal() {
        return this != AUTHORITY;
    }
}
