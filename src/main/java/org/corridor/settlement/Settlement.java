package org.corridor.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.corridor.audit.AuditLog;
import org.corridor.authorisation.Authorisations;
import org.corridor.ledger.Ledger;
import org.corridor.transaction.Transactions;

/**
 * Energy settlement, wired: restricted accounts and their lots, contracts and invoices, deposits,
 * conversions, restricted transfers and the reconciliation. Thread-safe.
 */
public final class Settlement {

    private final RestrictedAccounts accounts;
    private final Lots lots;
    private final Contracts contracts;
    private final Deposits deposits;
    private final Conversions conversions;
    private final RestrictedTransfers transfers;
    private final Reconciliation reconciliation;
    private final SettlementSupport support;

    /** Wires the feature; its open conversions are listed in the register's expiry warnings. */
    public Settlement(
            Transactions transactions,
            Ledger ledger,
            Authorisations authorisations,
            AuditLog audit,
            Clock clock,
            ZoneId zone) {
        this.support = new SettlementSupport(
                transactions, ledger, authorisations, audit, new ChannelAccounts(ledger), clock, zone);
        this.lots = new Lots(support);
        this.accounts = new RestrictedAccounts(support, lots);
        this.contracts = new Contracts(support, accounts);
        this.deposits = new Deposits(support, contracts, accounts, lots);
        this.conversions = new Conversions(support, accounts, lots);
        this.transfers = new RestrictedTransfers(support, accounts, lots);
        this.reconciliation = new Reconciliation(contracts, deposits, accounts);
        authorisations.addPendingItems(conversions::pendingItems);
    }

    public RestrictedAccounts accounts() {
        return accounts;
    }

    /** FIFO lots: ageing, flows per period, and consumption in another feature's unit of work. */
    public Lots lots() {
        return lots;
    }

    public Contracts contracts() {
        return contracts;
    }

    public Deposits deposits() {
        return deposits;
    }

    public Conversions conversions() {
        return conversions;
    }

    public RestrictedTransfers transfers() {
        return transfers;
    }

    public Reconciliation reconciliation() {
        return reconciliation;
    }

    /**
     * Proves the restricted books (issue 15): every restricted account's open lots add up to its
     * posted balance, and every ledger balance equals the sum of its transfers. Reads only.
     */
    public BooksCheck checkBooks() {
        return new BooksCheck(BooksCheck.restricted(support), support.ledger().checkBalances());
    }

    /** Today's business date in the channel's zone. */
    public LocalDate today() {
        return support.today();
    }
}
