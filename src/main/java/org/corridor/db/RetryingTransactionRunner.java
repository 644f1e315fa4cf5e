package org.corridor.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jdbi.v3.core.transaction.TransactionHandler;

/**
 * Runs a transaction again, a bounded number of times, when PostgreSQL aborts it for a
 * serialization failure (SQLSTATE 40001, from REPEATABLE READ and SERIALIZABLE transactions) or a
 * deadlock (40P01, possible at any level); after the last attempt the failure reaches the caller,
 * which answers "retry shortly". Transactions keep the isolation level their store asks for (READ
 * COMMITTED with explicit row locks unless a store says otherwise). Retries wait a few jittered
 * milliseconds so that the same transactions do not collide again at once. Counts retries and
 * exhausted transactions in {@code corridor.db.transaction.retries} and {@code
 * corridor.db.transaction.exhausted}. Thread-safe.
 */
final class RetryingTransactionRunner extends SerializableTransactionRunner {

    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK_DETECTED = "40P01";

    private RetryingTransactionRunner() {}

    private RetryingTransactionRunner(TransactionHandler delegate) {
        super(delegate);
    }

    /** Jdbi specializes the handler per handle; keep this class (and its SQLSTATE test) when it does. */
    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new RetryingTransactionRunner(getDelegate().specialize(handle));
    }

    /** Installs the runner on {@code jdbi} with {@code maxRetries} retries after the first attempt. */
    static void install(Jdbi jdbi, int maxRetries, MeterRegistry metrics) {
        Counter retries = Counter.builder("corridor.db.transaction.retries")
                .description("transactions run again after a serialization failure or deadlock")
                .register(metrics);
        Counter exhausted = Counter.builder("corridor.db.transaction.exhausted")
                .description("transactions given up after the last retry")
                .register(metrics);
        jdbi.getConfig(Configuration.class)
                .setMaxRetries(maxRetries)
                .setSerializationFailureSqlState(SERIALIZATION_FAILURE)
                .setOnFailure(failures -> {
                    if (failures.size() > maxRetries) {
                        exhausted.increment();
                        return;
                    }
                    retries.increment();
                    backOff(failures);
                });
        jdbi.setTransactionHandler(new RetryingTransactionRunner());
    }

    @Override
    protected boolean isSqlState(String expected, Throwable throwable) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (expected.equals(sql.getSQLState()) || DEADLOCK_DETECTED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A few milliseconds, more after each failure, with jitter: colliding callers spread out. */
    private static void backOff(List<Exception> failures) {
        long bound = Math.min(50, 2L << failures.size());
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
