package org.corridor.ledger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of one transfer of a batch.
 *
 * @param timestamp when the ledger accepted it (for EXISTS: the first time), if it did
 */
public record TransferOutcome(UUID id, TransferResult result, Optional<Instant> timestamp) {

    public boolean succeeded() {
        return result.succeeded();
    }
}
