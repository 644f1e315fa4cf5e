package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One executed tranche of a conversion: one linked ledger batch (source to FX and FEES, FX to
 * destination), the lots it consumed first in, first out, and the lot it opened in the destination,
 * dated by its value date.
 */
public record ConversionExecution(
        UUID id,
        UUID conversionId,
        LocalDate valueDate,
        ConversionQuote quote,
        ExchangeRate rate,
        String authorisationReference,
        UUID lotId,
        List<LotConsumption> consumed,
        Instant recordedAt,
        String recordedBy) {

    public ConversionExecution {
        consumed = List.copyOf(consumed);
    }
}
