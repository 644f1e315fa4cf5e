package org.corridor.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Function;
import org.corridor.transaction.Transaction;
import org.corridor.transaction.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads served by a streaming standby (CORRIDOR_DB_READ_URL, issue 21), falling back to the primary
 * when the standby cannot answer: unreachable, shutting down, or a query cancelled because replay
 * needed what it read. Units of work that may write always go to the primary. Thread-safe.
 */
final class StandbyReads implements Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(StandbyReads.class);

    private final Transactions standby;
    private final Transactions primary;

    StandbyReads(Transactions standby, Transactions primary) {
        this.standby = standby;
        this.primary = primary;
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return primary.inTransaction(work);
    }

    @Override
    public <T> T read(Function<Transaction, T> work) {
        try {
            return standby.read(work);
        } catch (RuntimeException e) {
            if (!standbyCouldNotAnswer(e)) {
                throw e;
            }
            LOG.warn("the standby could not answer a report's read ({}); reading from the primary", e.getMessage());
            return primary.read(work);
        }
    }

    /** Connection failures (SQLSTATE class 08), shutdown (57P) and recovery conflicts (40001). */
    private static boolean standbyCouldNotAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("40001")) {
                    return true;
                }
            }
        }
        return false;
    }
}
