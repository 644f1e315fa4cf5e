package org.corridor.authorisation;

import java.util.List;

/** An authorisation that covers a movement, with what it requires of it. */
public record CoveringAuthorisation(Authorisation authorisation, List<Requirement> requirements) {

    public CoveringAuthorisation {
        requirements = List.copyOf(requirements);
    }

    /** True when the Authority must be notified before the movement executes. */
    public boolean notificationRequired() {
        return requirements.stream().anyMatch(r -> r.kind() == Requirement.Kind.NOTIFY_AUTHORITY);
    }
}
