package org.corridor.release;

import java.time.LocalDate;
import java.util.UUID;

/** A party rejected by a TRUE_MATCH: the event the blocked / rejected transaction report (RPT-5) covers. */
public record Rejection(
        String requestReference,
        UUID hitId,
        String partyRole,
        String partyName,
        String reason,
        LocalDate occurredOn,
        LocalDate reportDueOn) {}
