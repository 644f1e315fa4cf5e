package org.corridor.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * What the buyer owes on a contract as of a date (FR-11): the invoices issued by then with their
 * notes, what deposits valued by then paid of each, and the over-payments not yet applied.
 *
 * @param arrears net invoiced less paid less unapplied credit: negative when the buyer is ahead
 */
public record Arrears(
        UUID contractId,
        String contractReference,
        LocalDate asOf,
        Money netInvoiced,
        Money paid,
        Money unappliedCredit,
        Money arrears,
        List<InvoiceBalance> invoices) {

    public Arrears {
        invoices = List.copyOf(invoices);
    }

    /** One invoice's standing as of the date. */
    public record InvoiceBalance(
            String invoiceNumber,
            LocalDate periodStart,
            LocalDate periodEnd,
            Money net,
            Money paid,
            Money outstanding) {}
}
