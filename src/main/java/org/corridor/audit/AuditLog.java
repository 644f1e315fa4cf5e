package org.corridor.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.corridor.transaction.Transaction;

/** The audit trail's public face: read entries, and recompute the chain. Thread-safe. */
public final class AuditLog {

    private final AuditStore store;

    public AuditLog(AuditStore store) {
        this.store = store;
    }

    /**
     * Appends one entry in the caller's unit of work, as its last write: the entry commits or rolls
     * back with the change it records.
     */
    public AuditEntry append(Transaction transaction, AuditEvent event) {
        return store.append(transaction, event);
    }

    public List<AuditEntry> list(Instant from, Instant to, long afterSeq, int limit) {
        return store.list(from, to, afterSeq, limit);
    }

    /** Streams every entry with sequence number in {@code [fromSeq, toSeq]}, in order. */
    public void export(long fromSeq, long toSeq, Consumer<AuditEntry> sink) {
        store.forEach(fromSeq, toSeq, sink);
    }

    public long size() {
        return store.count();
    }

    /** Recomputes every hash and link from the first entry; names the first broken entry. */
    public ChainVerification verify() {
        ChainWalker walker = new ChainWalker();
        store.forEach(1, Long.MAX_VALUE, walker);
        return walker.result();
    }

    /** Checks entries one by one; after the first break it stops judging but keeps the break. */
    static final class ChainWalker implements Consumer<AuditEntry> {
        private long expectedSeq = 1;
        private String previousHash = AuditEntry.GENESIS_HASH;
        private long checked;
        private ChainVerification.Broken broken;

        @Override
        public void accept(AuditEntry entry) {
            if (broken != null) {
                return;
            }
            checked++;
            if (entry.seq() != expectedSeq) {
                broken = new ChainVerification.Broken(
                        checked,
                        expectedSeq,
                        "SEQUENCE_GAP",
                        "expected entry " + expectedSeq + ", found " + entry.seq());
                return;
            }
            if (!entry.previousHash().equals(previousHash)) {
                broken = new ChainVerification.Broken(
                        checked, entry.seq(), "PREVIOUS_HASH_MISMATCH", "does not link to the entry before it");
                return;
            }
            String recomputed = entry.computeHash();
            if (!recomputed.equals(entry.hash())) {
                broken = new ChainVerification.Broken(
                        checked, entry.seq(), "HASH_MISMATCH", "content does not match its recorded hash");
                return;
            }
            previousHash = entry.hash();
            expectedSeq++;
        }

        ChainVerification result() {
            return broken != null ? broken : new ChainVerification.Intact(checked);
        }
    }
}
