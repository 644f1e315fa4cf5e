package org.corridor.settlement;

import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.DomainException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.money.Money;

/**
 * Contracts, delivery statements and the invoices and notes they produce (FR-9, FR-10), and the
 * arrears per contract (FR-11). Thread-safe.
 */
public final class Contracts {

    private final ContractStore store;
    private final DepositStore deposits;
    private final RestrictedAccounts accounts;
    private final Clock clock;

    Contracts(ContractStore store, DepositStore deposits, RestrictedAccounts accounts, Clock clock) {
        this.store = store;
        this.deposits = deposits;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Records a contract whose deposits go to a restricted account of its seller. The same terms
     * again return it; other terms under its reference are refused (CONTRACT_EXISTS_WITH_DIFFERENT_CONTENT).
     */
    public Contract record(Actor by, NewContract contract) {
        AccountStore.AccountRow account = accounts.row(contract.account());
        if (!account.holder().equals(contract.seller())) {
            throw new InvalidInputException(
                    "ACCOUNT_NOT_OF_SELLER",
                    account.name() + " is held for " + account.holder() + ", not the seller " + contract.seller());
        }
        UUID id = contract.id().orElseGet(() -> Ids.derived("contract:" + contract.reference()));
        return store.insertContract(
                by,
                new Contract(
                        id,
                        contract.reference(),
                        contract.seller(),
                        contract.buyer(),
                        contract.commodity(),
                        contract.priceUnit(),
                        contract.price(),
                        contract.priceCurrency(),
                        contract.conversionFactors(),
                        account.id(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        by.name()));
    }

    public List<Contract> list() {
        return store.contracts();
    }

    /** @throws NotFoundException CONTRACT_NOT_FOUND */
    public Contract get(UUID id) {
        return store.contract(id).orElseThrow(() -> new NotFoundException("CONTRACT_NOT_FOUND", "no contract " + id));
    }

    /** A contract by its id or reference. */
    public Contract find(String idOrReference) {
        if (idOrReference == null || idOrReference.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", "name a contract by id or reference");
        }
        String key = idOrReference.trim();
        try {
            return get(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return store.contractByReference(key)
                    .orElseThrow(() -> new NotFoundException("CONTRACT_NOT_FOUND", "no contract " + key));
        }
    }

    /** Records a delivery statement and the invoice (and credit note, for a dispute) it produces. */
    public StatementOutcome recordStatement(Actor by, NewDeliveryStatement statement) {
        return store.recordStatements(by, List.of(prepare(statement, "api")), "api")
                .get(0);
    }

    /**
     * Imports a metering file ({@link DeliveryCsv}): every line is checked and priced first, and the
     * file is refused whole, naming the line, if any is bad. Lines recorded before with the same
     * figures are left alone, so importing a file twice is harmless.
     */
    public List<StatementOutcome> importStatements(Actor by, String fileName, Reader csv) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.trim();
        List<DeliveryCsv.Row> rows = DeliveryCsv.read(csv);
        List<ContractStore.Prepared> prepared = new ArrayList<>();
        Set<String> periods = new HashSet<>();
        for (DeliveryCsv.Row row : rows) {
            String origin = name + ":" + row.line();
            try {
                ContractStore.Prepared ready = prepare(row.statement(), origin);
                String period = ready.contract().id() + "/" + row.statement().periodStart() + "/"
                        + row.statement().periodEnd();
                if (!periods.add(period)) {
                    throw new InvalidInputException(
                            "STATEMENT_REPEATED", "the file has this contract and period on an earlier line");
                }
                prepared.add(ready);
            } catch (DomainException e) {
                throw new InvalidInputException(
                        "DELIVERY_CSV_INVALID",
                        "line " + row.line() + ": " + e.getMessage(),
                        Map.of("line", row.line(), "reason", e.code()));
            }
        }
        return store.recordStatements(by, prepared, name);
    }

    private ContractStore.Prepared prepare(NewDeliveryStatement statement, String origin) {
        Contract contract = find(statement.contract());
        if (!contract.commodity().measuredIn(statement.unit())) {
            throw new InvalidInputException(
                    "UNIT_INVALID",
                    contract.commodity() + " of " + contract.reference() + " is not metered in " + statement.unit());
        }
        return new ContractStore.Prepared(contract, statement, Invoicing.bill(contract, statement), origin);
    }

    public List<DeliveryStatement> statements(Optional<String> contract) {
        return store.statements(contract.map(this::find).map(Contract::id));
    }

    public List<Invoice> invoices(Optional<String> contract) {
        return store.invoices(contract.map(this::find).map(Contract::id));
    }

    /** An invoice by id or number; @throws NotFoundException INVOICE_NOT_FOUND */
    public Invoice invoice(String idOrNumber) {
        String key = idOrNumber == null ? "" : idOrNumber.trim();
        Optional<Invoice> found;
        try {
            found = store.invoice(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            found = store.invoiceByNumber(key);
        }
        return found.orElseThrow(() -> new NotFoundException("INVOICE_NOT_FOUND", "no invoice " + key));
    }

    /**
     * Adds a credit or debit note to an invoice, priced like it: a debit note when a dispute is
     * settled in the seller's favour, a further credit note for a late one.
     */
    public SettlementOutcome.Done<Note> addNote(Actor by, String invoiceIdOrNumber, NewNote note) {
        Invoice invoice = invoice(invoiceIdOrNumber);
        Contract contract = get(invoice.contractId());
        DeliveryStatement statement = store.statements(Optional.of(contract.id())).stream()
                .filter(s -> s.id().equals(invoice.statementId()))
                .findFirst()
                .orElseThrow();
        QuantityUnit unit = note.unit().orElse(statement.unit());
        if (!contract.commodity().measuredIn(unit)) {
            throw new InvalidInputException("UNIT_INVALID", contract.commodity() + " is not measured in " + unit);
        }
        Money amount = Invoicing.priced(contract, note.quantity(), unit);
        if (!amount.isPositive()) {
            throw new InvalidInputException("QUANTITY_INVALID", "the note's quantity is worth nothing");
        }
        if (note.kind() == NoteKind.CREDIT && amount.compareTo(invoice.net()) > 0) {
            throw new InvalidInputException(
                    "NOTE_EXCEEDS_INVOICE",
                    "a credit note of " + amount + " is more than the invoice's " + invoice.net());
        }
        return store.addNote(by, invoice, note, unit, amount);
    }

    /** What the buyer owes on the contract at the end of {@code asOf}. */
    public Arrears arrears(String contractIdOrReference, LocalDate asOf) {
        Contract contract = find(contractIdOrReference);
        List<Invoice> invoices = store.invoices(Optional.of(contract.id()));
        List<Deposit> paid = deposits.deposits(Optional.of(contract.id())).stream()
                .filter(d -> !d.valueDate().isAfter(asOf))
                .toList();
        Map<UUID, Money> paidByInvoice = new HashMap<>();
        Money zero = Money.zero(contract.priceCurrency());
        Money unapplied = zero;
        for (Deposit deposit : paid) {
            unapplied = unapplied.plus(deposit.unapplied());
            for (Allocation allocation : deposit.allocations()) {
                paidByInvoice.merge(allocation.invoiceId(), allocation.amount(), Money::plus);
            }
        }
        List<Arrears.InvoiceBalance> balances = new ArrayList<>();
        Money net = zero;
        Money settled = zero;
        for (Invoice invoice : invoices) {
            if (invoice.issuedOn().isAfter(asOf)) {
                continue;
            }
            Money invoiceNet = invoice.amount();
            for (Note note : invoice.notes()) {
                if (!note.issuedOn().isAfter(asOf)) {
                    invoiceNet = invoiceNet.plus(note.signedAmount());
                }
            }
            Money invoicePaid = paidByInvoice.getOrDefault(invoice.id(), zero);
            balances.add(new Arrears.InvoiceBalance(
                    invoice.number(),
                    invoice.periodStart(),
                    invoice.periodEnd(),
                    invoiceNet,
                    invoicePaid,
                    invoiceNet.minus(invoicePaid)));
            net = net.plus(invoiceNet);
            settled = settled.plus(invoicePaid);
        }
        return new Arrears(
                contract.id(),
                contract.reference(),
                asOf,
                net,
                settled,
                unapplied,
                net.minus(settled).minus(unapplied),
                balances);
    }
}
