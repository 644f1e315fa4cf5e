package org.corridor.settlement;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * A transfer between restricted accounts under a client-supplied id (its idempotency key).
 *
 * @param source and {@code destination}: restricted accounts by id or name
 */
public record NewRestrictedTransfer(
        UUID id,
        String source,
        String destination,
        Money amount,
        LocalDate valueDate,
        Optional<String> approvalReference) {

    public NewRestrictedTransfer {
        if (id == null || source == null || destination == null || amount == null || valueDate == null) {
            throw new InvalidInputException(
                    "FIELD_MISSING", "a transfer needs its id, source, destination, amount and value date");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "a transfer is of a positive amount");
        }
        approvalReference = approvalReference == null
                ? Optional.empty()
                : approvalReference.map(String::trim).filter(s -> !s.isEmpty());
    }
}
