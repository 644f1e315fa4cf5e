package org.corridor.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A request to convert money of one restricted account into another currency and move it to a
 * restricted account of the same holder (FR-13 to FR-15): the recorded rate, spread and fee, the
 * Authority's prior approval, and the tranches executed so far.
 *
 * @param fee taken off each execution, in the source currency
 * @param authorisationReference what covered the request when it was made, if anything did
 */
public record Conversion(
        UUID id,
        UUID sourceAccountId,
        UUID destinationAccountId,
        Money amount,
        LocalDate requestedOn,
        Optional<String> approvalReference,
        ExchangeRate rate,
        BigDecimal spreadPercent,
        Money fee,
        ConversionStatus status,
        Optional<Refusal> heldReason,
        Money executed,
        Optional<String> authorisationReference,
        List<ConversionExecution> executions,
        Instant recordedAt,
        String recordedBy) {

    public Conversion {
        executions = List.copyOf(executions);
    }

    public Money remaining() {
        return amount.minus(executed);
    }
}
