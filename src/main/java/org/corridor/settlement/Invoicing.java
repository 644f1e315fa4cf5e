package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.corridor.money.Money;

/**
 * Invoice arithmetic as a pure function (FR-10): a metered quantity is converted into the priced
 * unit exactly (900,000,000 m³ x 0.0363 = 32,670,000 MMBtu), multiplied by the unit price exactly,
 * and rounded once, HALF_EVEN, at the price currency's minor unit. A disputed quantity becomes a
 * credit note priced the same way.
 */
final class Invoicing {

    /** What a statement bills: the invoice's quantity in price units and amount, and its credit note. */
    record Billing(BigDecimal quantity, Money amount, Optional<Money> creditNote) {}

    private Invoicing() {}

    static Billing bill(Contract contract, NewDeliveryStatement statement) {
        BigDecimal quantity = contract.inPriceUnits(statement.meteredQuantity(), statement.unit());
        Money amount = Amounts.priced(quantity, contract.price(), contract.priceCurrency());
        Optional<Money> credit = statement.disputedQuantity().signum() > 0
                ? Optional.of(priced(contract, statement.disputedQuantity(), statement.unit()))
                : Optional.empty();
        return new Billing(quantity, amount, credit);
    }

    /** A note's amount: its quantity priced like the invoice. */
    static Money priced(Contract contract, BigDecimal quantity, QuantityUnit unit) {
        return Amounts.priced(contract.inPriceUnits(quantity, unit), contract.price(), contract.priceCurrency());
    }

    /** INV-NIGC-GAS-2024-2024-06 for a calendar month, else INV-ref-start-end. */
    static String invoiceNumber(Contract contract, LocalDate start, LocalDate end) {
        boolean month = start.getDayOfMonth() == 1 && end.equals(start.withDayOfMonth(start.lengthOfMonth()));
        String period = month ? start.toString().substring(0, 7) : start + "-" + end;
        return "INV-" + contract.reference() + "-" + period;
    }

    /** CN-... or DN-... after the invoice's number, counted per invoice. */
    static String noteNumber(String invoiceNumber, NoteKind kind, int sequence) {
        return (kind == NoteKind.CREDIT ? "CN" : "DN") + invoiceNumber.substring("INV".length()) + "-" + sequence;
    }
}
