package org.corridor.settlement;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * An execution (tranche) of a conversion under a client-supplied id (its idempotency key).
 *
 * @param valueDate the business date it executes on: coverage, caps and FIFO are judged on it
 * @param amount the tranche, in the source currency; by default all that remains
 * @param rate the fixing of the day, if it differs from the rate recorded with the request
 */
public record NewExecution(UUID id, LocalDate valueDate, Optional<Money> amount, Optional<ExchangeRate> rate) {

    public NewExecution {
        if (id == null || valueDate == null) {
            throw new InvalidInputException("FIELD_MISSING", "an execution needs its id and value date");
        }
        amount = amount == null ? Optional.empty() : amount;
        rate = rate == null ? Optional.empty() : rate;
        if (amount.isPresent() && !amount.get().isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "a tranche is of a positive amount");
        }
    }

    /**
     * The whole conversion executed right after its request (one step), under a key derived from the
     * conversion's, so that retrying the one-step command finds the execution it made.
     */
    public static NewExecution oneStep(UUID conversionId, LocalDate valueDate) {
        return new NewExecution(
                Ids.derived(conversionId, "one-step-execution"), valueDate, Optional.empty(), Optional.empty());
    }
}
