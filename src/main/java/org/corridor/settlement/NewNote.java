package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;

/**
 * A credit or debit note to add to an invoice, such as a debit note when a dispute is settled in the
 * seller's favour. The id makes a retry harmless.
 *
 * @param unit the unit of {@code quantity}; by default the statement's
 */
public record NewNote(
        UUID id, NoteKind kind, BigDecimal quantity, Optional<QuantityUnit> unit, String reason, LocalDate issuedOn) {

    public NewNote {
        if (id == null || kind == null || quantity == null || issuedOn == null) {
            throw new InvalidInputException("FIELD_MISSING", "a note needs its id, kind, quantity and issue date");
        }
        if (quantity.signum() <= 0) {
            throw new InvalidInputException("QUANTITY_INVALID", "a note's quantity is positive");
        }
        unit = unit == null ? Optional.empty() : unit;
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", "a note needs its reason");
        }
        reason = reason.trim();
        if (reason.length() > 500) {
            throw new InvalidInputException("FIELD_TOO_LONG", "reason is at most 500 characters");
        }
    }
}
