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

    /**
     * Transitional (issue 20): the unit of work of a Jdbi transaction that a store outside the new
     * shape opened itself, so that it can call the features' services. Delete once every store
     * takes its {@link Transaction} from a service.
     */
    public static Transaction transactionOf(Handle handle) {
        return new JdbiTransactions.HandleTransaction(handle);
    }
}
