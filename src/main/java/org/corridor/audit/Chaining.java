package org.corridor.audit;

import java.util.concurrent.atomic.AtomicLong;
import org.corridor.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed entries into the chain for this process, a group at a time (issue 21): a caller
 * whose change has committed waits here until a chaining that began after its commit has finished,
 * and one of the callers waiting runs it for all of them. So concurrent changes commit in parallel,
 * and their entries are chained together in one short transaction with one flush. Thread-safe.
 */
final class Chaining {

    private static final Logger LOG = LoggerFactory.getLogger(Chaining.class);

    private final Transactions transactions;
    private final AuditStore store;

    /** Counts the commits that wrote an entry; a commit's number is its ticket. */
    private final AtomicLong committed = new AtomicLong();

    /** Every ticket up to this one has been chained (or its chaining failed and waits for the next). */
    private long chainedThrough;

    private boolean running;

    Chaining(Transactions transactions, AuditStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    /** After a commit that wrote an entry: returns once that entry is in the chain. */
    void committed() {
        chainThrough(committed.incrementAndGet());
    }

    /** Chains whatever is pending now, this process's or another's (left by a crash, say). */
    void chainNow() {
        chainThrough(committed.incrementAndGet());
    }

    private void chainThrough(long ticket) {
        synchronized (this) {
            while (chainedThrough < ticket && running) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (chainedThrough >= ticket) {
                return;
            }
            running = true;
        }
        // Every ticket up to this one committed before the chaining reads the pending entries.
        long covered = committed.get();
        try {
            transactions.inTransaction(store::chainPending);
        } catch (RuntimeException e) {
            // The change itself has committed: its entry stays pending, and the next chaining links it.
            LOG.warn("audit entries not chained this time; the next chaining links them: {}", e.getMessage());
        } finally {
            synchronized (this) {
                running = false;
                chainedThrough = Math.max(chainedThrough, covered);
                notifyAll();
            }
        }
    }
}
