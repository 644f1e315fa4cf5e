package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A delivery statement (metering report) for one contract and period (FR-10): the metered quantity,
 * and the part the buyer disputes with the reason.
 *
 * @param origin where it came from: "api", or the imported file's name and line
 */
public record DeliveryStatement(
        UUID id,
        UUID contractId,
        LocalDate periodStart,
        LocalDate periodEnd,
        BigDecimal meteredQuantity,
        QuantityUnit unit,
        BigDecimal disputedQuantity,
        Optional<String> disputeReason,
        LocalDate issuedOn,
        String origin,
        Instant recordedAt) {}
