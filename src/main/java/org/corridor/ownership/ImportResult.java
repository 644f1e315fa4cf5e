package org.corridor.ownership;

import java.util.List;
import java.util.UUID;

/**
 * What a batch of ownership data changed. Rows identical to what is stored write nothing, so a
 * repeated import reports them as unchanged and leaves the graph version as it was.
 *
 * @param graphVersion the graph version after the batch (unchanged when nothing was written)
 * @param ownerHitsOpened the screening hits the batch's owners and controllers opened, for review
 */
public record ImportResult(
        long graphVersion,
        int rows,
        int partiesWritten,
        int edgesWritten,
        int designationsWritten,
        boolean changed,
        List<UUID> ownerHitsOpened) {

    public ImportResult {
        ownerHitsOpened = List.copyOf(ownerHitsOpened);
    }
}
