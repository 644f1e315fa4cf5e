package org.corridor.settlement;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.CanonicalJson;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Deposits by the payer into the sellers' restricted accounts (FR-11): each must be covered by an
 * authorisation on its value date (FR-2), or it is refused with the reason and nothing is posted.
 * A recorded deposit is posted from the payer's account, opens a lot dated by its value date and is
 * matched to the contract's invoices. Thread-safe.
 */
public final class Deposits {

    private final DepositStore store;
    private final Contracts contracts;
    private final RestrictedAccounts accounts;
    private final ChannelAccounts channel;
    private final Clock clock;
    private final ZoneId zone;

    Deposits(
            DepositStore store,
            Contracts contracts,
            RestrictedAccounts accounts,
            ChannelAccounts channel,
            Clock clock,
            ZoneId zone) {
        this.store = store;
        this.contracts = contracts;
        this.accounts = accounts;
        this.channel = channel;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records a deposit under its idempotency key: done (or done before, with the same content), or
     * refused with the reason (NO_AUTHORISATION, AUTHORISATION_EXPIRED, ACCOUNT_BLOCKED, ...) and
     * nothing posted.
     *
     * @throws org.corridor.ConflictException DEPOSIT_EXISTS_WITH_DIFFERENT_CONTENT
     */
    public SettlementOutcome<Deposit> record(Actor by, NewDeposit deposit) {
        Contract contract = contracts.find(deposit.contract());
        AccountStore.AccountRow account = accounts.row(contract.accountId());
        Currency currency = account.currency();
        if (!deposit.amount().currency().equals(currency)) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH",
                    "deposits of " + contract.reference() + " are in " + currency + ", not "
                            + deposit.amount().currency());
        }
        if (deposit.valueDate().isAfter(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException(
                    "VALUE_DATE_IN_FUTURE", "a deposit is recorded once it is made, not for " + deposit.valueDate());
        }
        ExchangeRate rate = new ExchangeRate(
                contract.priceCurrency(), currency, deposit.rate(), deposit.rateSource(), deposit.rateDate());
        Money equivalent = rate.convert(deposit.amount(), contract.priceCurrency(), RoundingMode.HALF_EVEN);
        if (!equivalent.isPositive()) {
            throw new InvalidInputException(
                    "DEPOSIT_TOO_SMALL", deposit.amount() + " is worth nothing in " + contract.priceCurrency());
        }
        Optional<Invoice> invoice = deposit.invoice().map(contracts::invoice);
        if (invoice.isPresent() && !invoice.get().contractId().equals(contract.id())) {
            throw new InvalidInputException(
                    "INVOICE_NOT_OF_CONTRACT",
                    invoice.get().number() + " is not an invoice of " + contract.reference());
        }
        String request = CanonicalJson.write(CanonicalJson.fields(
                "contract", contract.reference(),
                "amount", deposit.amount().toString(),
                "value_date", deposit.valueDate().toString(),
                "rate", Amounts.plain(rate.value()),
                "rate_source", rate.source(),
                "rate_date", rate.date().toString(),
                "invoice", invoice.map(Invoice::number).orElse(""),
                "reference", deposit.reference().orElse("")));
        UUID payer = channel.payer(by, contract.buyer(), currency);
        return store.record(
                by, new DepositStore.Prepared(deposit, contract, account, payer, rate, equivalent, invoice, request));
    }

    /** @throws NotFoundException DEPOSIT_NOT_FOUND */
    public Deposit get(UUID id) {
        return store.deposit(id).orElseThrow(() -> new NotFoundException("DEPOSIT_NOT_FOUND", "no deposit " + id));
    }

    /** Deposits by value date, of one contract or of all. */
    public List<Deposit> list(Optional<String> contract) {
        return store.deposits(contract.map(contracts::find).map(Contract::id));
    }
}
