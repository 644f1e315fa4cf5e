package org.corridor.db;

import org.corridor.transaction.Transaction;
import org.jdbi.v3.core.Handle;

/** The one door from a unit of work to its SQL handle; used by stores, nowhere else. */
public final class Handles {

    private Handles() {}

    /** The Jdbi handle of {@code transaction}, which must have been opened by {@link Database#transactions()}. */
    public static Handle of(Transaction transaction) {
        return JdbiTransactions.handle(transaction);
    }
}
