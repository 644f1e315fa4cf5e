package org.corridor.settlement;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.ConflictException;
import org.corridor.DomainException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.CanonicalJson;
import org.corridor.money.Money;
import org.corridor.transaction.Transaction;

/**
 * Contracts, delivery statements and the invoices and notes they produce (FR-9, FR-10), and the
 * arrears per contract (FR-11). Thread-safe.
 */
public final class Contracts {

    /** A statement checked and priced, ready to record. */
    private record Prepared(
            Contract contract, NewDeliveryStatement statement, Invoicing.Billing billing, String origin) {}

    private final ContractStore store = new ContractStore();
    private final DepositStore deposits = new DepositStore();
    private final SettlementSupport support;
    private final RestrictedAccounts accounts;

    Contracts(SettlementSupport support, RestrictedAccounts accounts) {
        this.support = support;
        this.accounts = accounts;
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
        Contract asked = new Contract(
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
                support.now(),
                by.name());
        return support.inTransaction(tx -> record(tx, by, asked));
    }

    private Contract record(Transaction tx, Actor by, Contract contract) {
        Optional<Contract> existing = store.byReferenceOrId(tx, contract.reference(), contract.id());
        if (existing.isPresent()) {
            if (sameTerms(existing.get(), contract)) {
                return existing.get();
            }
            throw new ConflictException(
                    "CONTRACT_EXISTS_WITH_DIFFERENT_CONTENT",
                    "contract " + existing.get().reference() + " exists with other terms; contracts are not edited");
        }
        store.insert(tx, contract);
        support.audit(
                tx,
                AuditEvent.of(
                        by,
                        "CONTRACT_RECORDED",
                        "contract:" + contract.reference(),
                        CanonicalJson.fields(
                                "reference", contract.reference(),
                                "seller", contract.seller(),
                                "buyer", contract.buyer(),
                                "commodity", contract.commodity().name(),
                                "price",
                                        Amounts.plain(contract.price()) + " " + contract.priceCurrency() + "/"
                                                + contract.priceUnit(),
                                "conversion_factors", CanonicalJson.write(Amounts.plain(contract.conversionFactors())),
                                "account_id", contract.accountId().toString()),
                        CanonicalJson.fields("id", contract.id().toString())));
        return contract;
    }

    private static boolean sameTerms(Contract a, Contract b) {
        return a.id().equals(b.id())
                && a.reference().equals(b.reference())
                && a.seller().equals(b.seller())
                && a.buyer().equals(b.buyer())
                && a.commodity() == b.commodity()
                && a.priceUnit() == b.priceUnit()
                && a.price().compareTo(b.price()) == 0
                && a.priceCurrency().equals(b.priceCurrency())
                && Amounts.plain(a.conversionFactors()).equals(Amounts.plain(b.conversionFactors()))
                && a.accountId().equals(b.accountId());
    }

    public List<Contract> list() {
        return support.read(store::all);
    }

    /** @throws NotFoundException CONTRACT_NOT_FOUND */
    public Contract get(UUID id) {
        return support.read(tx -> store.contract(tx, id))
                .orElseThrow(() -> new NotFoundException("CONTRACT_NOT_FOUND", "no contract " + id));
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
            return support.read(tx -> store.byReference(tx, key))
                    .orElseThrow(() -> new NotFoundException("CONTRACT_NOT_FOUND", "no contract " + key));
        }
    }

    // ---------------------------------------------------------------- statements

    /** Records a delivery statement and the invoice (and credit note, for a dispute) it produces. */
    public StatementOutcome recordStatement(Actor by, NewDeliveryStatement statement) {
        return recordStatements(by, List.of(prepare(statement, "api")), "api").get(0);
    }

    /**
     * Imports a metering file ({@link DeliveryCsv}): every line is checked and priced first, and the
     * file is refused whole, naming the line, if any is bad. Lines recorded before with the same
     * figures are left alone, so importing a file twice is harmless.
     */
    public List<StatementOutcome> importStatements(Actor by, String fileName, Reader csv) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.trim();
        List<DeliveryCsv.Row> rows = DeliveryCsv.read(csv);
        List<Prepared> prepared = new ArrayList<>();
        Set<String> periods = new HashSet<>();
        for (DeliveryCsv.Row row : rows) {
            String origin = name + ":" + row.line();
            try {
                Prepared ready = prepare(row.statement(), origin);
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
        return recordStatements(by, prepared, name);
    }

    private Prepared prepare(NewDeliveryStatement statement, String origin) {
        Contract contract = find(statement.contract());
        if (!contract.commodity().measuredIn(statement.unit())) {
            throw new InvalidInputException(
                    "UNIT_INVALID",
                    contract.commodity() + " of " + contract.reference() + " is not metered in " + statement.unit());
        }
        return new Prepared(contract, statement, Invoicing.bill(contract, statement), origin);
    }

    /**
     * Records statements with their invoices and credit notes, all or nothing, with one audit entry.
     * A statement already recorded with the same figures is left as it is.
     *
     * @throws ConflictException STATEMENT_EXISTS_WITH_DIFFERENT_CONTENT naming the statement's origin
     */
    private List<StatementOutcome> recordStatements(Actor by, List<Prepared> statements, String source) {
        return support.inTransaction(tx -> {
            List<StatementOutcome> outcomes = new ArrayList<>();
            List<Map<String, Object>> recorded = new ArrayList<>();
            for (Prepared prepared : statements) {
                StatementOutcome outcome = recordStatement(tx, by, prepared);
                outcomes.add(outcome);
                if (outcome.created()) {
                    recorded.add(describe(prepared, outcome.invoice()));
                }
            }
            if (!recorded.isEmpty()) {
                support.audit(
                        tx,
                        AuditEvent.of(
                                by,
                                "DELIVERY_STATEMENTS_RECORDED",
                                "delivery-statements:" + source,
                                CanonicalJson.fields("source", source, "count", statements.size()),
                                CanonicalJson.fields(
                                        "recorded", recorded, "unchanged", statements.size() - recorded.size())));
            }
            return outcomes;
        });
    }

    private StatementOutcome recordStatement(Transaction tx, Actor by, Prepared prepared) {
        NewDeliveryStatement given = prepared.statement();
        Optional<DeliveryStatement> existing =
                store.lockStatement(tx, prepared.contract().id(), given.periodStart(), given.periodEnd());
        if (existing.isPresent()) {
            if (!same(existing.get(), given)) {
                throw new ConflictException(
                        "STATEMENT_EXISTS_WITH_DIFFERENT_CONTENT",
                        prepared.origin() + ": the statement of "
                                + prepared.contract().reference() + " for "
                                + given.periodStart() + " to " + given.periodEnd()
                                + " was recorded with other figures; correct it with a note on its invoice");
            }
            return new StatementOutcome(existing.get(), store.invoiceOf(tx, existing.get()), false);
        }
        return insertStatement(tx, by, prepared);
    }

    private static boolean same(DeliveryStatement existing, NewDeliveryStatement given) {
        return existing.meteredQuantity().compareTo(given.meteredQuantity()) == 0
                && existing.unit() == given.unit()
                && existing.disputedQuantity().compareTo(given.disputedQuantity()) == 0
                && existing.disputeReason().equals(given.disputeReason())
                && existing.issuedOn().equals(given.invoiceDate());
    }

    private StatementOutcome insertStatement(Transaction tx, Actor by, Prepared prepared) {
        Contract contract = prepared.contract();
        NewDeliveryStatement given = prepared.statement();
        Instant now = support.now();
        DeliveryStatement statement = new DeliveryStatement(
                UUID.randomUUID(),
                contract.id(),
                given.periodStart(),
                given.periodEnd(),
                given.meteredQuantity(),
                given.unit(),
                given.disputedQuantity(),
                given.disputeReason(),
                given.invoiceDate(),
                prepared.origin(),
                now);
        store.insertStatement(tx, statement, by.name());
        UUID invoiceId = UUID.randomUUID();
        String number = Invoicing.invoiceNumber(contract, given.periodStart(), given.periodEnd());
        store.insertInvoice(tx, invoiceId, number, contract, statement, prepared.billing());
        if (prepared.billing().creditNote().isPresent()) {
            Note credit = new Note(
                    UUID.randomUUID(),
                    Invoicing.noteNumber(number, NoteKind.CREDIT, 1),
                    invoiceId,
                    NoteKind.CREDIT,
                    given.disputedQuantity(),
                    given.unit(),
                    prepared.billing().creditNote().get(),
                    given.disputeReason().orElseThrow(),
                    given.invoiceDate());
            store.insertNote(tx, credit, now, by.name());
        }
        return new StatementOutcome(statement, store.invoice(tx, invoiceId).orElseThrow(), true);
    }

    private static Map<String, Object> describe(Prepared prepared, Invoice invoice) {
        NewDeliveryStatement given = prepared.statement();
        return CanonicalJson.fields(
                "contract", prepared.contract().reference(),
                "period", given.periodStart() + ".." + given.periodEnd(),
                "metered", Amounts.plain(given.meteredQuantity()) + " " + given.unit(),
                "disputed", Amounts.plain(given.disputedQuantity()) + " " + given.unit(),
                "invoice", invoice.number(),
                "amount", prepared.billing().amount().toString(),
                "credit_note",
                        prepared.billing().creditNote().map(Money::toString).orElse("none"));
    }

    public List<DeliveryStatement> statements(Optional<String> contract) {
        Optional<UUID> contractId = contract.map(this::find).map(Contract::id);
        return support.read(tx -> store.statements(tx, contractId));
    }

    // ---------------------------------------------------------------- invoices and notes

    public List<Invoice> invoices(Optional<String> contract) {
        Optional<UUID> contractId = contract.map(this::find).map(Contract::id);
        return support.read(tx -> store.invoices(tx, contractId));
    }

    /** An invoice by id or number; @throws NotFoundException INVOICE_NOT_FOUND */
    public Invoice invoice(String idOrNumber) {
        String key = idOrNumber == null ? "" : idOrNumber.trim();
        Optional<Invoice> found;
        try {
            UUID id = UUID.fromString(key);
            found = support.read(tx -> store.invoice(tx, id));
        } catch (IllegalArgumentException e) {
            found = support.read(tx -> store.invoiceByNumber(tx, key));
        }
        return found.orElseThrow(() -> new NotFoundException("INVOICE_NOT_FOUND", "no invoice " + key));
    }

    /**
     * Adds a credit or debit note to an invoice, priced like it: a debit note when a dispute is
     * settled in the seller's favour, a further credit note for a late one. The same note id again
     * returns the note it recorded (or is refused if its content differs).
     */
    public SettlementOutcome.Done<Note> addNote(Actor by, String invoiceIdOrNumber, NewNote note) {
        Invoice invoice = invoice(invoiceIdOrNumber);
        Contract contract = get(invoice.contractId());
        DeliveryStatement statement = support.read(tx -> store.statements(tx, Optional.of(contract.id()))).stream()
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
        return support.inTransaction(tx -> addNote(tx, by, invoice, note, unit, amount));
    }

    private SettlementOutcome.Done<Note> addNote(
            Transaction tx, Actor by, Invoice invoice, NewNote note, QuantityUnit unit, Money amount) {
        Optional<Note> existing = store.note(tx, note.id());
        if (existing.isPresent()) {
            Note found = existing.get();
            if (found.invoiceId().equals(invoice.id())
                    && found.kind() == note.kind()
                    && found.quantity().compareTo(note.quantity()) == 0
                    && found.unit() == unit
                    && found.reason().equals(note.reason())
                    && found.issuedOn().equals(note.issuedOn())) {
                return new SettlementOutcome.Done<>(found, true);
            }
            throw new ConflictException(
                    "NOTE_EXISTS_WITH_DIFFERENT_CONTENT", "note " + note.id() + " was recorded with other content");
        }
        // Note numbers are counted per invoice, under the invoice's lock.
        int sequence = store.lockAndCountNotes(tx, invoice.id(), note.kind()) + 1;
        Note recorded = new Note(
                note.id(),
                Invoicing.noteNumber(invoice.number(), note.kind(), sequence),
                invoice.id(),
                note.kind(),
                note.quantity(),
                unit,
                amount,
                note.reason(),
                note.issuedOn());
        store.insertNote(tx, recorded, support.now(), by.name());
        support.audit(
                tx,
                AuditEvent.of(
                        by,
                        note.kind() == NoteKind.CREDIT ? "CREDIT_NOTE_ISSUED" : "DEBIT_NOTE_ISSUED",
                        "invoice:" + invoice.number(),
                        CanonicalJson.fields(
                                "id", note.id().toString(),
                                "kind", note.kind().name(),
                                "quantity", Amounts.plain(note.quantity()) + " " + unit,
                                "reason", note.reason(),
                                "issued_on", note.issuedOn().toString()),
                        CanonicalJson.fields("number", recorded.number(), "amount", amount.toString())));
        return new SettlementOutcome.Done<>(recorded, false);
    }

    /** What the buyer owes on the contract at the end of {@code asOf}. */
    public Arrears arrears(String contractIdOrReference, LocalDate asOf) {
        Contract contract = find(contractIdOrReference);
        List<Invoice> invoices = support.read(tx -> store.invoices(tx, Optional.of(contract.id())));
        List<Deposit> paid = support.read(tx -> deposits.deposits(tx, Optional.of(contract.id()))).stream()
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
