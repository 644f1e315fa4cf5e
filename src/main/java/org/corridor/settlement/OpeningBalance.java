package org.corridor.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A legacy balance brought into a restricted account from before the channel kept its books, with
 * the value date it originally arrived on, so that its age is right. Posted from the channel's
 * opening-balance suspense account.
 */
public record OpeningBalance(
        UUID id,
        UUID accountId,
        Money amount,
        LocalDate valueDate,
        String note,
        UUID ledgerTransferId,
        Instant recordedAt,
        String recordedBy) {}
