package org.corridor.release;

import java.time.Instant;
import java.util.Optional;

/**
 * A compliance decision on a goods line that eligibility escalated: ALLOW_PROPOSED (the first
 * person's proposal to let it go ahead), ALLOWED (confirmed by a second person), DENIED (removed at
 * once), or SPLIT (moved into a request of its own, {@code splitInto}).
 *
 * @param reason why eligibility escalated the line (END_USE_QUANTITY_MISMATCH, ...)
 */
public record LineResolution(
        String requestReference,
        String line,
        String decision,
        String reason,
        String rationale,
        Optional<String> splitInto,
        String actor,
        String actorRole,
        Instant decidedAt) {}
