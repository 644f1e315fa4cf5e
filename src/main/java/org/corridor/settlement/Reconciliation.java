package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Builds the energy reconciliation (RPT-6) from the recorded statements, invoices, notes and
 * deposits, as they stand now. Thread-safe.
 */
public final class Reconciliation {

    private final Contracts contracts;
    private final Deposits deposits;
    private final RestrictedAccounts accounts;

    Reconciliation(Contracts contracts, Deposits deposits, RestrictedAccounts accounts) {
        this.contracts = contracts;
        this.deposits = deposits;
        this.accounts = accounts;
    }

    /** Every contract's months whose delivery period starts in {@code [from, to]}. */
    public ReconciliationReport report(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("PERIOD_INVALID", "the period ends " + to + ", before it starts " + from);
        }
        Map<UUID, Contract> byId = new HashMap<>();
        contracts.list().forEach(contract -> byId.put(contract.id(), contract));
        Map<UUID, DeliveryStatement> statements = new HashMap<>();
        contracts.statements(Optional.empty()).forEach(s -> statements.put(s.id(), s));
        Map<UUID, List<Paying>> paying = new HashMap<>();
        for (Deposit deposit : deposits.list(Optional.empty())) {
            for (Allocation allocation : deposit.allocations()) {
                paying.computeIfAbsent(allocation.invoiceId(), id -> new ArrayList<>())
                        .add(new Paying(deposit, allocation));
            }
        }
        List<ReconciliationReport.Row> rows = new ArrayList<>();
        TreeSet<String> involved = new TreeSet<>();
        for (Invoice invoice : contracts.invoices(Optional.empty())) {
            if (invoice.periodStart().isBefore(from) || invoice.periodStart().isAfter(to)) {
                continue;
            }
            Contract contract = byId.get(invoice.contractId());
            Currency depositCurrency = accounts.get(contract.accountId()).currency();
            rows.add(row(
                    contract,
                    invoice,
                    statements.get(invoice.statementId()),
                    paying.getOrDefault(invoice.id(), List.of()),
                    depositCurrency));
            involved.add(contract.reference());
        }
        List<ReconciliationReport.ContractTotal> totals = new ArrayList<>();
        for (String reference : involved) {
            Arrears arrears = contracts.arrears(reference, to);
            totals.add(new ReconciliationReport.ContractTotal(
                    reference,
                    to,
                    arrears.netInvoiced(),
                    arrears.paid(),
                    arrears.unappliedCredit(),
                    arrears.arrears()));
        }
        return new ReconciliationReport(from, to, rows, totals);
    }

    /** A deposit's part of one invoice. */
    private record Paying(Deposit deposit, Allocation allocation) {}

    /** An invoice's notes, summed: credit notes by amount, number and (in the metered unit) quantity. */
    private record Notes(Money credited, Money debited, BigDecimal creditedQuantity, List<String> creditNotes) {

        static Notes of(Invoice invoice, DeliveryStatement statement) {
            Money zero = Money.zero(invoice.amount().currency());
            Money credited = zero;
            Money debited = zero;
            BigDecimal creditedQuantity = BigDecimal.ZERO;
            List<String> creditNotes = new ArrayList<>();
            for (Note note : invoice.notes()) {
                if (note.kind() == NoteKind.CREDIT) {
                    credited = credited.plus(note.amount());
                    creditNotes.add(note.number());
                    if (note.unit() == statement.unit()) {
                        creditedQuantity = creditedQuantity.add(note.quantity());
                    }
                } else {
                    debited = debited.plus(note.amount());
                }
            }
            return new Notes(credited, debited, creditedQuantity, creditNotes);
        }

        boolean resolved(DeliveryStatement statement) {
            return creditedQuantity.compareTo(statement.disputedQuantity()) >= 0;
        }
    }

    /** What deposits paid of an invoice, in their own currency, at which rates, and whether one overpaid. */
    private record Payments(Money inDepositCurrency, List<String> rates, boolean overpaid) {

        static Payments of(List<Paying> paying, Currency depositCurrency) {
            Money paid = Money.zero(depositCurrency);
            TreeSet<String> rates = new TreeSet<>();
            boolean overpaid = false;
            for (Paying part : paying) {
                paid = paid.plus(part.allocation().depositAmount());
                rates.add(Amounts.plain(part.deposit().rate().value()));
                overpaid |= part.deposit().unapplied().isPositive();
            }
            return new Payments(paid, List.copyOf(rates), overpaid);
        }
    }

    private static ReconciliationReport.Row row(
            Contract contract,
            Invoice invoice,
            DeliveryStatement statement,
            List<Paying> paying,
            Currency depositCurrency) {
        Notes notes = Notes.of(invoice, statement);
        Payments payments = Payments.of(paying, depositCurrency);
        String status = !invoice.outstanding().isPositive()
                ? "PAID"
                : invoice.paid().isPositive() ? "PARTIALLY_PAID" : "UNPAID";
        return new ReconciliationReport.Row(
                contract.reference(),
                contract.seller(),
                contract.buyer(),
                contract.commodity(),
                invoice.periodStart().toString().substring(0, 7),
                invoice.periodStart(),
                invoice.periodEnd(),
                invoice.number(),
                statement.meteredQuantity(),
                statement.disputedQuantity(),
                statement.unit(),
                invoice.quantity(),
                invoice.priceUnit(),
                invoice.unitPrice(),
                invoice.amount(),
                notes.credited(),
                notes.debited(),
                invoice.net(),
                invoice.paid(),
                payments.inDepositCurrency(),
                payments.rates(),
                invoice.outstanding(),
                status,
                dispute(statement, notes),
                flags(invoice, statement, notes, payments));
    }

    /** The disputed quantity and how it was resolved, or empty. */
    private static String dispute(DeliveryStatement statement, Notes notes) {
        if (statement.disputedQuantity().signum() <= 0) {
            return "";
        }
        return Amounts.plain(statement.disputedQuantity()) + " " + statement.unit() + " disputed ("
                + statement.disputeReason().orElse("") + "): "
                + (notes.resolved(statement)
                        ? "resolved by credit note " + String.join(", ", notes.creditNotes())
                        : "unresolved");
    }

    private static List<String> flags(Invoice invoice, DeliveryStatement statement, Notes notes, Payments payments) {
        List<String> flags = new ArrayList<>();
        if (invoice.outstanding().isPositive()) {
            flags.add(ReconciliationReport.OUTSTANDING);
        }
        if (statement.disputedQuantity().signum() > 0 && !notes.resolved(statement)) {
            flags.add(ReconciliationReport.DISPUTE_UNRESOLVED);
        }
        if (payments.overpaid()) {
            flags.add(ReconciliationReport.OVERPAYMENT);
        }
        if (payments.rates().size() > 1) {
            flags.add(ReconciliationReport.RATE_DIFFERENCE);
        }
        return flags;
    }
}
