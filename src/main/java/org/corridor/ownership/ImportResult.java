package org.corridor.ownership;

/**
 * What a batch of ownership data changed. Rows identical to what is stored write nothing, so a
 * repeated import reports them as unchanged and leaves the graph version as it was.
 *
 * @param graphVersion the graph version after the batch (unchanged when nothing was written)
 */
public record ImportResult(
        long graphVersion, int rows, int partiesWritten, int edgesWritten, int designationsWritten, boolean changed) {}
