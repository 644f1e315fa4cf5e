package org.corridor.transaction;

/**
 * One open unit of work. Features pass it along without looking inside; only the database edge
 * and the stores it hands SQL to know what it holds. Valid only inside the callback that received
 * it, on that callback's thread.
 */
public interface Transaction {

    /**
     * Runs {@code action} once this unit of work has committed, and never if it rolls back. An
     * attempt that is retried discards what it registered, so the action runs once for the attempt
     * that committed. Use it for in-memory state that must follow the database (caches,
     * notifications), never for database work.
     */
    void afterCommit(Runnable action);
}
