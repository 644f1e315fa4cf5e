package org.corridor.settlement;

import java.time.LocalDate;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * Money that entered a restricted account on one value date, and what of it is left (as of now, or
 * as of the date asked for).
 *
 * @param reference the opening balance, deposit, conversion execution or transfer it came from
 */
public record Lot(
        UUID id,
        UUID accountId,
        LocalDate valueDate,
        Money original,
        Money remaining,
        LotSource source,
        String reference) {}
