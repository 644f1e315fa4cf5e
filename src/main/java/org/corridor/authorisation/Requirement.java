package org.corridor.authorisation;

import java.util.Optional;

/**
 * Something a covering authorisation asks of the movement besides being within its terms: a prior
 * approval (present, with its reference, or the movement would not be covered) or a notification
 * to the Authority before execution, which the caller must send.
 */
public record Requirement(Kind kind, String detail, Optional<String> approvalReference) {

    /** What is required. */
    public enum Kind {
        PRIOR_APPROVAL,
        NOTIFY_AUTHORITY
    }
}
