package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.corridor.InvalidInputException;

/**
 * A delivery statement to record. The same contract and period again with the same figures
 * changes nothing; with other figures it is refused (corrections are notes on the invoice).
 *
 * @param contract the contract's reference or id
 * @param issuedOn when the invoice is issued; by default the day after the period
 */
public record NewDeliveryStatement(
        String contract,
        LocalDate periodStart,
        LocalDate periodEnd,
        BigDecimal meteredQuantity,
        QuantityUnit unit,
        BigDecimal disputedQuantity,
        Optional<String> disputeReason,
        Optional<LocalDate> issuedOn) {

    public NewDeliveryStatement {
        if (contract == null || contract.isBlank()) {
            throw new InvalidInputException("FIELD_MISSING", "contract is required");
        }
        contract = contract.trim();
        if (periodStart == null || periodEnd == null) {
            throw new InvalidInputException("FIELD_MISSING", "period_start and period_end are required");
        }
        if (periodEnd.isBefore(periodStart)) {
            throw new InvalidInputException(
                    "PERIOD_INVALID", "the period ends " + periodEnd + ", before it starts " + periodStart);
        }
        if (meteredQuantity == null || meteredQuantity.signum() < 0 || unit == null) {
            throw new InvalidInputException(
                    "QUANTITY_INVALID", "a statement needs a metered quantity of at least 0 and its unit");
        }
        disputedQuantity = disputedQuantity == null ? BigDecimal.ZERO : disputedQuantity;
        if (disputedQuantity.signum() < 0 || disputedQuantity.compareTo(meteredQuantity) > 0) {
            throw new InvalidInputException(
                    "DISPUTED_QUANTITY_INVALID",
                    "the disputed quantity is from 0 to the metered quantity: " + disputedQuantity.toPlainString());
        }
        disputeReason = disputeReason == null
                ? Optional.empty()
                : disputeReason.map(String::trim).filter(reason -> !reason.isEmpty());
        if (disputedQuantity.signum() > 0 && disputeReason.isEmpty()) {
            throw new InvalidInputException("DISPUTE_REASON_MISSING", "a disputed quantity needs its reason");
        }
        if (disputedQuantity.signum() == 0 && disputeReason.isPresent()) {
            throw new InvalidInputException(
                    "DISPUTED_QUANTITY_INVALID", "a dispute reason without a disputed quantity");
        }
        if (disputeReason.isPresent() && disputeReason.get().length() > 500) {
            throw new InvalidInputException("FIELD_TOO_LONG", "dispute_reason is at most 500 characters");
        }
        issuedOn = issuedOn == null ? Optional.empty() : issuedOn;
    }

    LocalDate invoiceDate() {
        return issuedOn.orElse(periodEnd.plusDays(1));
    }
}
