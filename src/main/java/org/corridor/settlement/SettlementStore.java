package org.corridor.settlement;

import java.time.Clock;
import org.corridor.audit.AuditStore;
import org.corridor.authorisation.AuthorisationStore;
import org.corridor.db.Database;
import org.corridor.ledger.LedgerStore;

/**
 * The settlement feature's SQL, in its parts: restricted accounts, lots, contracts and invoices,
 * deposits, conversions and transfers. Built once by the composition root. Thread-safe.
 */
public final class SettlementStore {

    final LotStore lots;
    final AccountStore accounts;
    final ContractStore contracts;
    final DepositStore deposits;
    final ConversionStore conversions;

    public SettlementStore(
            Database database, AuditStore audit, LedgerStore ledger, AuthorisationStore authorisations, Clock clock) {
        this.lots = new LotStore(database, clock);
        this.accounts = new AccountStore(database, audit, ledger, lots, clock);
        this.contracts = new ContractStore(database, audit, clock);
        this.deposits = new DepositStore(database, audit, ledger, authorisations, lots, clock);
        this.conversions = new ConversionStore(database, audit, ledger, authorisations, lots, clock);
    }
}
