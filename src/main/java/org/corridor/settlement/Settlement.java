package org.corridor.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.corridor.authorisation.Authorisations;
import org.corridor.ledger.Ledger;

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
    private final Clock clock;
    private final ZoneId zone;

    /** Wires the feature; its open conversions are listed in the register's expiry warnings. */
    public Settlement(SettlementStore store, Ledger ledger, Authorisations authorisations, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        ChannelAccounts channel = new ChannelAccounts(ledger);
        this.accounts = new RestrictedAccounts(store.accounts, ledger, channel, clock, zone);
        this.lots = new Lots(store.lots, accounts);
        this.contracts = new Contracts(store.contracts, store.deposits, accounts, clock);
        this.deposits = new Deposits(store.deposits, contracts, accounts, channel, clock, zone);
        this.conversions = new Conversions(store.conversions, accounts, channel, clock, zone);
        this.transfers = new RestrictedTransfers(store.conversions, accounts, clock, zone);
        this.reconciliation = new Reconciliation(contracts, deposits, accounts);
        authorisations.addPendingItems(conversions::pendingItems);
    }

    public RestrictedAccounts accounts() {
        return accounts;
    }

    /** FIFO lots: ageing, flows per period, and consumption within another feature's transaction. */
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

    /** Today's business date in the channel's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
