package org.corridor.ledger;

import java.util.List;
import org.corridor.audit.Actor;
import org.corridor.db.Handles;
import org.jdbi.v3.core.Handle;

/**
 * Transitional (issue 20): the old door of stores outside the ledger that still post inside a Jdbi
 * transaction they opened themselves. New code calls {@link Ledger#post(org.corridor.transaction.Transaction,
 * Actor, List)} with the unit of work its service opened. Delete this class and {@code
 * Corridor.ledgerStore()} once settlement and release post through the {@link Ledger}.
 */
public final class LedgerStore {

    private final Ledger ledger;

    public LedgerStore(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Transitional: {@link Ledger#post(org.corridor.transaction.Transaction, Actor, List)}. */
    public List<TransferOutcome> postWithin(Handle handle, Actor actor, List<NewTransfer> transfers) {
        return ledger.post(Handles.transactionOf(handle), actor, transfers);
    }
}
