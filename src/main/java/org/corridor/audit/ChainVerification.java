package org.corridor.audit;

/** The result of recomputing the audit chain: intact, or broken at the first bad entry. */
public sealed interface ChainVerification {

    long entriesChecked();

    /** Every entry's hash and link recomputed and matched. */
    record Intact(long entriesChecked) implements ChainVerification {}

    /**
     * The chain breaks at entry {@code seq}.
     *
     * @param reason one of SEQUENCE_GAP, PREVIOUS_HASH_MISMATCH, HASH_MISMATCH
     */
    record Broken(long entriesChecked, long seq, String reason, String detail) implements ChainVerification {}
}
