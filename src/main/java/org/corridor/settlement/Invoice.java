package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * The invoice a delivery statement produces (FR-10), with its notes and what deposits have paid
 * of it so far.
 *
 * @param quantity the delivered quantity in the contract's price unit (32,670,000 MMBtu)
 * @param amount quantity times unit price, rounded once, HALF_EVEN, at the currency's minor unit
 * @param net the amount with its notes: what is owed
 * @param paid what deposits have been matched to it
 * @param outstanding net less paid
 */
public record Invoice(
        UUID id,
        String number,
        UUID contractId,
        String contractReference,
        UUID statementId,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate issuedOn,
        BigDecimal quantity,
        QuantityUnit priceUnit,
        BigDecimal unitPrice,
        Money amount,
        List<Note> notes,
        Money net,
        Money paid,
        Money outstanding) {

    public Invoice {
        notes = List.copyOf(notes);
    }
}
