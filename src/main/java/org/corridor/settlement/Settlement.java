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
    private final BankCredits credits;
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
        this.credits = new BankCredits(support, contracts, accounts, deposits);
        authorisations.addPendingItems(conversions::pendingItems);
    }

    /**
     * Checks the books in one read-only snapshot: the ledger against itself and the audit trail,
     * and every restricted account's open lots against its posted balance (issue 15 item 5, issue
     * 16). Reads every transfer: for the command line.
     */
    public BooksCheck checkBooks() {
        return support.transactions().inTransaction(tx -> {
            var ledgerCheck = support.ledger().check(tx);
            return new BooksCheck(ledgerCheck, lots.accountCount(tx), lots.check(tx));
        });
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

    /** Credits the payer's bank announced (camt.054): deposits, or SUSPENSE with the reason. */
    public BankCredits credits() {
        return credits;
    }

    public Reconciliation reconciliation() {
        return reconciliation;
    }

    /** Today's business date in the channel's zone. */
    public LocalDate today() {
        return support.today();
    }
}
