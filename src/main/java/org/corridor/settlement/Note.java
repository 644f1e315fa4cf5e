package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A credit or debit note linked to an invoice: a quantity (in the statement's unit) priced like the
 * invoice, with the reason.
 */
public record Note(
        UUID id,
        String number,
        UUID invoiceId,
        NoteKind kind,
        BigDecimal quantity,
        QuantityUnit unit,
        Money amount,
        String reason,
        LocalDate issuedOn) {

    /** The note's effect on what is owed: negative for a credit note. */
    public Money signedAmount() {
        return kind == NoteKind.CREDIT ? amount.negate() : amount;
    }
}
