package org.corridor.settlement;

import java.time.LocalDate;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * An opening balance to record under a client-supplied id (the idempotency key).
 *
 * @param valueDate when the money originally arrived: its age is counted from this date
 */
public record NewOpeningBalance(UUID id, Money amount, LocalDate valueDate, String note) {

    public NewOpeningBalance {
        if (id == null || amount == null || valueDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "an opening balance needs its id, amount and value date");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "an opening balance is positive: " + amount);
        }
        note = note == null ? "" : note.trim();
        if (note.length() > 500) {
            throw new InvalidInputException("FIELD_TOO_LONG", "note is at most 500 characters");
        }
    }
}
