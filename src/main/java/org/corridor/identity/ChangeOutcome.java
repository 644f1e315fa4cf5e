package org.corridor.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * A change as it stands after a proposal or a confirmation, with the part of the enrolment code
 * this ADMIN hands to the user. The proposer receives the first part, the confirmer the second;
 * the user enrols with both ({@code FIRST-SECOND}), so no single administrator can enrol in
 * another's name.
 */
public record ChangeOutcome(
        IdentityChange change, Optional<String> enrolmentCodePart, Optional<Instant> enrolmentExpiresAt) {

    @Override
    public String toString() {
        // Never print a code part by accident (logs, exceptions, debuggers).
        return "ChangeOutcome[change=" + change.id() + ", " + change.state() + "]";
    }
}
