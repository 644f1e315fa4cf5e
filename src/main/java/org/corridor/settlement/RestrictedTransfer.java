package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * Money moved between two restricted accounts of the same holder and currency, such as from TBI
 * in Iraq to a third-country bank (FR-14): the restriction and the beneficial holder travel with it.
 */
public record RestrictedTransfer(
        UUID id,
        UUID sourceAccountId,
        UUID destinationAccountId,
        Money amount,
        LocalDate valueDate,
        Optional<String> approvalReference,
        String authorisationReference,
        UUID ledgerTransferId,
        UUID lotId,
        List<LotConsumption> consumed,
        Instant recordedAt,
        String recordedBy) {

    public RestrictedTransfer {
        consumed = List.copyOf(consumed);
    }
}
