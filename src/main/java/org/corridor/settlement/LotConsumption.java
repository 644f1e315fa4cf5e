package org.corridor.settlement;

import java.time.LocalDate;
import java.util.UUID;
import org.corridor.money.Money;

/** What one movement out took from one lot, on its value date. */
public record LotConsumption(
        UUID lotId,
        LocalDate lotValueDate,
        UUID accountId,
        String reference,
        ConsumptionKind kind,
        LocalDate valueDate,
        Money amount) {}
