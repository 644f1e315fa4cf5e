package org.corridor.identity;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A change of identity as proposed by one ADMIN: PENDING until another ADMIN confirms it (then
 * CONFIRMED, in effect) or an ADMIN rejects it.
 *
 * @param subject the name of the user it changes (or creates)
 * @param details what changes: roles, holders, role, holder, token_lifetime_days, enrolment_hours
 */
public record IdentityChange(
        UUID id,
        ChangeKind kind,
        String subject,
        Map<String, Object> details,
        String proposedBy,
        Instant proposedAt,
        String state,
        Optional<String> decidedBy,
        Optional<Instant> decidedAt,
        Optional<String> decisionNote) {

    /** Where a change stands; {@code state} carries its name (openapi-fields.properties names it). */
    public enum State {
        PENDING,
        CONFIRMED,
        REJECTED
    }

    public static final String PENDING = State.PENDING.name();
    public static final String CONFIRMED = State.CONFIRMED.name();
    public static final String REJECTED = State.REJECTED.name();

    public IdentityChange {
        details = Map.copyOf(details);
    }
}
