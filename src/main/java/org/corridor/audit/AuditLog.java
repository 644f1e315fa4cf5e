package org.corridor.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;

/**
 * The audit trail's public face: append entries (in the caller's unit of work, or alone), read
 * them, and recompute the chain. Thread-safe.
 */
public final class AuditLog {

    private final Transactions transactions;
    private final AuditStore store;
    private final Checkpoints checkpoints;
    private final Chaining chaining;

    /** An audit trail without checkpoints (tests, tools). */
    public AuditLog(Transactions transactions, Clock clock) {
        this(transactions, clock, Optional.empty());
    }

    /** An audit trail whose head is signed into checkpoints kept where {@code place} says. */
    public AuditLog(Transactions transactions, Clock clock, Optional<Checkpoints.Place> place) {
        this.transactions = transactions;
        this.store = new AuditStore(clock);
        this.chaining = new Chaining(transactions, store);
        this.checkpoints = new Checkpoints(this, place, clock);
    }

    /** The signed checkpoints of this trail, kept outside the database. */
    public Checkpoints checkpoints() {
        return checkpoints;
    }

    /**
     * Appends one entry in the caller's unit of work, as its last write: the entry commits or rolls
     * back with the change it records. It takes no lock: once the unit of work has committed, the
     * entry is linked into the chain with the others committed meanwhile (one short transaction and
     * one flush for the group), before the unit of work's caller gets control back.
     */
    public void append(Transaction transaction, AuditEvent event) {
        store.append(transaction, event);
        transaction.afterCommit(chaining::committed);
    }

    /**
     * Appends one entry in a unit of work of its own, for acts that change nothing else (a refused
     * request, a report read).
     */
    public void appendAlone(AuditEvent event) {
        transactions.useTransaction(transaction -> append(transaction, event));
    }

    /**
     * Links entries that were committed but not chained (a process stopped between the two) into
     * the chain now. Appends do this by themselves; start-up, checks and checkpoints call it.
     */
    public void chainPending() {
        chaining.chainNow();
    }

    /**
     * Streams the entries committed in the caller's snapshot but not chained yet, as entries with
     * sequence number 0 and no hash, oldest first: for checks that must count every entry.
     */
    public void exportPending(Transaction transaction, Consumer<AuditEntry> sink) {
        store.forEachPending(transaction, sink);
    }

    public List<AuditEntry> list(Instant from, Instant to, long afterSeq, int limit) {
        return transactions.read(transaction -> store.list(transaction, from, to, afterSeq, limit));
    }

    /** Streams every entry with sequence number in {@code [fromSeq, toSeq]}, in order. */
    public void export(long fromSeq, long toSeq, Consumer<AuditEntry> sink) {
        transactions.useTransaction(transaction -> store.forEach(transaction, fromSeq, toSeq, sink));
    }

    /** The newest entry: the head of the chain. */
    public Optional<AuditEntry> head() {
        return transactions.read(store::head);
    }

    /**
     * Streams the entries in {@code [fromSeq, toSeq]} in the caller's unit of work (which must be a
     * transaction), so that they are read in the same snapshot as the caller's other reads.
     */
    public void export(Transaction transaction, long fromSeq, long toSeq, Consumer<AuditEntry> sink) {
        store.forEach(transaction, fromSeq, toSeq, sink);
    }

    public long size() {
        return transactions.read(store::count);
    }

    /** The entry with sequence number {@code seq}, if there is one. */
    public Optional<AuditEntry> entry(long seq) {
        return transactions.read(transaction -> store.entry(transaction, seq));
    }

    /** Recomputes every hash and link from the first entry; names the first broken entry. */
    public ChainVerification verify() {
        chainPending();
        ChainWalker walker = new ChainWalker();
        export(1, Long.MAX_VALUE, walker);
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
