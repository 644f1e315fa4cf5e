package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * A conversion request under a client-supplied id (its idempotency key).
 *
 * @param source the restricted account debited, by id or name (NIGC-IQD-R)
 * @param destination a restricted account of the same holder in the target currency (NIGC-EUR-R)
 * @param amount taken from the source, in its currency
 * @param requestedOn the business date of the request: coverage is checked on it
 * @param approvalReference the Authority's prior approval (AUTH-CNV-0711), where the authorisation needs one
 * @param spreadPercent the bank's spread off the rate, in percent (0.15)
 * @param fee a flat fee per execution, in the source currency
 */
public record NewConversion(
        UUID id,
        String source,
        String destination,
        Money amount,
        LocalDate requestedOn,
        Optional<String> approvalReference,
        ExchangeRate rate,
        BigDecimal spreadPercent,
        Optional<Money> fee) {

    public NewConversion {
        if (id == null || source == null || destination == null || amount == null || requestedOn == null) {
            throw new InvalidInputException(
                    "FIELD_MISSING", "a conversion needs its id, source, destination, amount and request date");
        }
        if (rate == null || spreadPercent == null) {
            throw new InvalidInputException("FIELD_MISSING", "a conversion needs its rate and spread");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("AMOUNT_MUST_BE_POSITIVE", "a conversion is of a positive amount");
        }
        approvalReference = approvalReference == null
                ? Optional.empty()
                : approvalReference.map(String::trim).filter(s -> !s.isEmpty());
        fee = fee == null ? Optional.empty() : fee;
        if (fee.isPresent() && (fee.get().isNegative() || !fee.get().currency().equals(amount.currency()))) {
            throw new InvalidInputException(
                    "FEE_INVALID", "the fee is at least zero and in the source currency " + amount.currency());
        }
    }
}
