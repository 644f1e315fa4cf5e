package org.corridor.transaction;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens units of work. The one retry policy of Corridor: a transaction runs at READ COMMITTED, with
 * the row locks its stores take explicitly ({@code select ... for update} in a fixed order); when
 * PostgreSQL aborts it for a serialization failure (SQLSTATE 40001) or a deadlock (40P01), the
 * whole callback runs again from the start on a new transaction, a bounded number of times, after
 * a short jittered wait. Callbacks must therefore be safe to run again: they read what they need
 * inside the transaction and keep no effects outside it except through {@link
 * Transaction#afterCommit}. Thread-safe.
 */
public interface Transactions {

    /** Runs {@code work} in one unit of work and commits it, retried as described above. */
    <T> T inTransaction(Function<Transaction, T> work);

    /** As {@link #inTransaction}, for work with no result. */
    default void useTransaction(Consumer<Transaction> work) {
        inTransaction(transaction -> {
            work.accept(transaction);
            return null;
        });
    }

    /**
     * Runs read-only {@code work} on a connection of its own, in auto-commit mode: each statement
     * sees what was committed when it started. For queries that need no consistent snapshot across
     * statements.
     */
    <T> T read(Function<Transaction, T> work);
}
