package org.corridor.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;

/**
 * The restricted accounts' money by age (FR-31, RPT-2): first-in-first-out lots dated by value
 * date, their ageing as of any date, and the flows in and out per period. Movements out that belong
 * to other features (a release's disbursement) consume lots in their own transaction through
 * {@link LotStore#consumeWithin}. Thread-safe.
 */
public final class Lots {

    private final LotStore store;
    private final RestrictedAccounts accounts;

    Lots(LotStore store, RestrictedAccounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /**
     * Consumes {@code amount} from the account's oldest lots dated up to {@code valueDate}, in the
     * caller's unit of work, after the ledger has posted the debit in it (the ledger's lock of the
     * account serialises every change to its lots). Repeating {@code reference} with the same amount
     * returns what it took the first time.
     *
     * @throws org.corridor.ConflictException LOTS_INSUFFICIENT when the lots hold less; the caller
     *     rolls back
     */
    public List<LotConsumption> consume(
            Transaction transaction,
            UUID accountId,
            Money amount,
            LocalDate valueDate,
            ConsumptionKind kind,
            String reference) {
        return store.consumeWithin(transaction, accountId, amount, valueDate, kind, reference);
    }

    /**
     * The account's balance as of the end of {@code asOf}, by value date, in the buckets 0-30,
     * 31-90, 91-365 and more than 365 days old.
     */
    public Ageing ageing(UUID accountId, LocalDate asOf) {
        RestrictedAccount account = accounts.get(accountId);
        return Ageing.of(accountId, account.currency(), asOf, store.lotsAsOf(accountId, asOf));
    }

    /** The ageing of every restricted account as of {@code asOf}, by account name. */
    public List<Ageing> ageing(LocalDate asOf) {
        return accounts.list().stream().map(a -> ageing(a.id(), asOf)).toList();
    }

    /** The account's lots as they stand now, oldest first, spent ones included. */
    public List<Lot> lots(UUID accountId) {
        accounts.get(accountId);
        return store.lots(accountId);
    }

    /** The account's lots dated up to {@code asOf}, with what was left of each at the end of that day. */
    public List<Lot> lotsAsOf(UUID accountId, LocalDate asOf) {
        accounts.get(accountId);
        return store.lotsAsOf(accountId, asOf);
    }

    /** The account's balance at the end of {@code asOf}, by value date. */
    public Money balanceAsOf(UUID accountId, LocalDate asOf) {
        return ageing(accountId, asOf).balance();
    }

    /**
     * What came in and went out of the account by value date in {@code [from, to]}: deposits,
     * opening balances, conversions and transfers in and out, disbursements.
     */
    public Flows flows(UUID accountId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("PERIOD_INVALID", "the period ends " + to + ", before it starts " + from);
        }
        accounts.get(accountId);
        return store.flows(accountId, from, to);
    }

    /** The flows of every restricted account in the period. */
    public List<Flows> flows(LocalDate from, LocalDate to) {
        return accounts.list().stream().map(a -> flows(a.id(), from, to)).toList();
    }

    /** For features that move restricted money in their own transaction: {@link LotStore#consumeWithin}. */
    public LotStore store() {
        return store;
    }
}
