package org.corridor.ownership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One stored version of an edge, for the history of a party: when and by whom it was recorded, in
 * which batch, and whether a later version has superseded it.
 */
public record EdgeRecord(
        long batchId,
        Instant recordedAt,
        String recordedBy,
        PartyRef owner,
        PartyRef owned,
        EdgeKind kind,
        Optional<SharePercent> share,
        boolean ended,
        String source,
        LocalDate asOf,
        boolean current) {}
