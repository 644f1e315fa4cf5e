package org.corridor.db;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Transactions} on Jdbi: each unit of work is one Jdbi transaction, retried by the {@link
 * RetryingTransactionRunner} installed on the Jdbi, or run exactly once ({@link #once}). Stores
 * reach the SQL handle of a unit of work through {@link #handle(Transaction)}. Thread-safe.
 */
final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;
    private final boolean retried;

    private JdbiTransactions(Jdbi jdbi, boolean retried) {
        this.jdbi = jdbi;
        this.retried = retried;
    }

    /** Units of work retried as {@link Transactions} states. */
    static JdbiTransactions retried(Jdbi jdbi) {
        return new JdbiTransactions(jdbi, true);
    }

    /**
     * Units of work run once: any failure, a serialization failure or deadlock included, rolls back
     * and reaches the caller as it was thrown (a failed rollback is added to it as suppressed, so a
     * lost connection still reads as one). For callers with a fallback of their own.
     */
    static JdbiTransactions once(Jdbi jdbi) {
        return new JdbiTransactions(jdbi, false);
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return retried ? inRetriedTransaction(work) : inOneAttempt(work);
    }

    private <T> T inRetriedTransaction(Function<Transaction, T> work) {
        // Jdbi calls the callback once per attempt; only the attempt that committed keeps its hooks.
        List<JdbiTransaction> attempts = new ArrayList<>(1);
        T result = jdbi.inTransaction(handle -> {
            JdbiTransaction attempt = new JdbiTransaction(handle);
            attempts.clear();
            attempts.add(attempt);
            return work.apply(attempt);
        });
        attempts.forEach(JdbiTransaction::committed);
        return result;
    }

    private <T> T inOneAttempt(Function<Transaction, T> work) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            JdbiTransaction attempt = new JdbiTransaction(handle);
            T result;
            try {
                result = work.apply(attempt);
                handle.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(handle, e);
                throw e;
            }
            attempt.committed();
            return result;
        }
    }

    /**
     * Rolls back without hiding why: when the connection itself is gone, the rollback fails too, and
     * the caller must still see the first failure (a lost database is a 503, not a 500).
     */
    private static void rollbackQuietly(Handle handle, Throwable cause) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public <T> T read(Function<Transaction, T> work) {
        JdbiTransaction[] holder = new JdbiTransaction[1];
        T result = jdbi.withHandle(handle -> {
            holder[0] = new JdbiTransaction(handle);
            return work.apply(holder[0]);
        });
        holder[0].committed();
        return result;
    }

    /** The SQL handle of a unit of work opened here; for stores only. */
    static Handle handle(Transaction transaction) {
        if (transaction instanceof JdbiTransaction jdbiTransaction) {
            return jdbiTransaction.handle;
        }
        throw new IllegalArgumentException("not a database unit of work: " + transaction);
    }

    /** One attempt of a unit of work. Not thread-safe: it lives on the callback's thread. */
    private static final class JdbiTransaction implements Transaction {
        private final Handle handle;
        private final List<Runnable> afterCommit = new ArrayList<>();

        JdbiTransaction(Handle handle) {
            this.handle = handle;
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        void committed() {
            for (Runnable action : afterCommit) {
                action.run();
            }
        }

        @Override
        public String toString() {
            return "unit of work on " + handle;
        }
    }
}
