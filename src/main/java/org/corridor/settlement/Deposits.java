package org.corridor.settlement;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Movement;
import org.corridor.authorisation.MovementKind;
import org.corridor.ledger.NewTransfer;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;

/**
 * Deposits by the payer into the sellers' restricted accounts (FR-11): each must be covered by an
 * authorisation on its value date (FR-2), or it is refused with the reason and nothing is posted.
 * A recorded deposit is posted from the payer's account, opens a lot dated by its value date and is
 * matched to the contract's invoices, in one unit of work with its audit entry. Thread-safe.
 */
public final class Deposits {

    /** A deposit checked and priced, ready to record. */
    record Prepared(
            NewDeposit deposit,
            Contract contract,
            AccountStore.AccountRow account,
            UUID payerAccountId,
            ExchangeRate rate,
            Money equivalent,
            Optional<Invoice> invoice,
            String request) {

        Movement movement() {
            return Movement.of(MovementKind.DEPOSIT, deposit.valueDate(), deposit.amount())
                    .withReference("deposit:" + deposit.id())
                    .withAccountLocation(account.country());
        }
    }

    private final DepositStore store = new DepositStore();
    private final ContractStore invoices = new ContractStore();
    private final SettlementSupport support;
    private final Contracts contracts;
    private final RestrictedAccounts accounts;
    private final Lots lots;

    Deposits(SettlementSupport support, Contracts contracts, RestrictedAccounts accounts, Lots lots) {
        this.support = support;
        this.contracts = contracts;
        this.accounts = accounts;
        this.lots = lots;
    }

    /**
     * Records a deposit under its idempotency key: done (or done before, with the same content), or
     * refused with the reason (NO_AUTHORISATION, AUTHORISATION_EXPIRED, ACCOUNT_BLOCKED, ...) and
     * nothing posted; a refusal is audited on its own.
     *
     * @throws org.corridor.ConflictException DEPOSIT_EXISTS_WITH_DIFFERENT_CONTENT
     */
    public SettlementOutcome<Deposit> record(Actor by, NewDeposit deposit) {
        Prepared prepared = prepare(by, deposit);
        SettlementSupport.Refusing refusing =
                new SettlementSupport.Refusing("DEPOSIT_REFUSED", "deposit:" + deposit.id(), prepared.request(), true);
        return support.inTransaction(by, refusing, tx -> record(tx, by, prepared));
    }

    Prepared prepare(Actor by, NewDeposit deposit) {
        Contract contract = contracts.find(deposit.contract());
        AccountStore.AccountRow account = accounts.row(contract.accountId());
        Currency currency = account.currency();
        if (!deposit.amount().currency().equals(currency)) {
            throw new InvalidInputException(
                    "CURRENCY_MISMATCH",
                    "deposits of " + contract.reference() + " are in " + currency + ", not "
                            + deposit.amount().currency());
        }
        if (deposit.valueDate().isAfter(support.today())) {
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
        if (invoice.isPresent() && invoice.get().issuedOn().isAfter(deposit.valueDate())) {
            throw new InvalidInputException(
                    "DEPOSIT_BEFORE_INVOICE",
                    "a deposit of " + deposit.valueDate() + " cannot pay "
                            + invoice.get().number() + ", issued on "
                            + invoice.get().issuedOn());
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
        UUID payer = support.channel().payer(by, contract.buyer(), currency);
        return new Prepared(deposit, contract, account, payer, rate, equivalent, invoice, request);
    }

    /** Coverage, usage, the ledger posting, the match to invoices, the lot and the audit entry. */
    SettlementOutcome<Deposit> record(Transaction tx, Actor by, Prepared prepared) {
        NewDeposit deposit = prepared.deposit();
        if (SettlementSupport.repeated(
                store.request(tx, deposit.id()),
                prepared.request(),
                "DEPOSIT_EXISTS_WITH_DIFFERENT_CONTENT",
                "deposit " + deposit.id() + " was recorded with other content")) {
            return new SettlementOutcome.Done<>(store.deposit(tx, deposit.id()).orElseThrow(), true);
        }
        Movement movement = prepared.movement();
        Authorisation authorisation = support.authorise(tx, movement);
        UUID transferId = Ids.derived(deposit.id(), "deposit");
        support.post(tx, by, List.of(transfer(prepared, authorisation, transferId)));
        // Matched after the posting: the ledger's lock of the account orders the contract's deposits.
        Matching.Result match =
                Matching.match(deposit.amount(), prepared.equivalent(), prepared.rate(), openInvoices(tx, prepared));
        Deposit recorded = new Deposit(
                deposit.id(),
                deposit.reference().orElse(""),
                prepared.contract().id(),
                prepared.contract().reference(),
                prepared.account().id(),
                deposit.amount(),
                deposit.valueDate(),
                prepared.rate(),
                prepared.equivalent(),
                match.allocations(),
                match.unapplied(),
                match.match(),
                authorisation.reference(),
                transferId,
                support.now(),
                by.name());
        if (!store.insert(tx, recorded, prepared.payerAccountId(), authorisation.id(), prepared.request())) {
            throw new ConcurrentChangeException("deposit " + deposit.id() + " recorded concurrently");
        }
        lots.add(
                tx,
                Ids.derived(deposit.id(), "lot"),
                prepared.account().id(),
                deposit.amount(),
                deposit.valueDate(),
                LotSource.DEPOSIT,
                "deposit:" + deposit.id(),
                List.of());
        support.audit(tx, recordedEvent(by, prepared, recorded));
        return new SettlementOutcome.Done<>(recorded, false);
    }

    private static NewTransfer transfer(Prepared prepared, Authorisation authorisation, UUID transferId) {
        NewDeposit deposit = prepared.deposit();
        Map<String, String> references = new LinkedHashMap<>();
        references.put("deposit", deposit.id().toString());
        references.put("contract", prepared.contract().reference());
        references.put("authorisation", authorisation.reference());
        prepared.invoice().ifPresent(invoice -> references.put("invoice", invoice.number()));
        return NewTransfer.posted(
                        transferId,
                        prepared.payerAccountId(),
                        prepared.account().id(),
                        deposit.amount().amountMinor(),
                        deposit.amount().currency(),
                        "DEPOSIT")
                .withReferences(references)
                .withMetadata(Map.of(
                        "value_date", deposit.valueDate().toString(),
                        "rate", prepared.rate().toString()));
    }

    /**
     * The named invoice, or else the contract's open invoices, oldest first, as they stand now; never
     * one issued after the deposit's value date, which the money could not have paid (it stays
     * unapplied credit instead).
     */
    private List<Matching.Open> openInvoices(Transaction tx, Prepared prepared) {
        List<Invoice> open = prepared.invoice().isPresent()
                ? invoices.invoice(tx, prepared.invoice().get().id()).stream().toList()
                : invoices.openInvoices(tx, prepared.contract().id());
        LocalDate valueDate = prepared.deposit().valueDate();
        return open.stream()
                .filter(invoice -> !invoice.issuedOn().isAfter(valueDate))
                .map(invoice -> new Matching.Open(invoice, invoice.outstanding()))
                .toList();
    }

    private static AuditEvent recordedEvent(Actor by, Prepared prepared, Deposit recorded) {
        return new AuditEvent(
                by,
                "DEPOSIT_RECORDED",
                "deposit:" + recorded.id(),
                CanonicalJson.read(prepared.request()),
                CanonicalJson.fields(
                        "account", prepared.account().name(),
                        "equivalent", prepared.equivalent().toString(),
                        "match", recorded.match().name(),
                        "allocations",
                                recorded.allocations().stream()
                                        .map(a -> a.invoiceNumber() + " " + a.amount())
                                        .toList(),
                        "unapplied", recorded.unapplied().toString(),
                        "ledger_transfer_id", recorded.ledgerTransferId().toString()),
                Map.of("authorisation", recorded.authorisationReference()));
    }

    /** @throws NotFoundException DEPOSIT_NOT_FOUND */
    public Deposit get(UUID id) {
        return support.read(tx -> store.deposit(tx, id))
                .orElseThrow(() -> new NotFoundException("DEPOSIT_NOT_FOUND", "no deposit " + id));
    }

    /** Deposits by value date, of one contract or of all. */
    public List<Deposit> list(Optional<String> contract) {
        Optional<UUID> contractId = contract.map(contracts::find).map(Contract::id);
        return support.read(tx -> store.deposits(tx, contractId));
    }
}
