package org.corridor.settlement;

import java.time.LocalDate;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * What one movement back (a return) gave back to one lot that an earlier movement out consumed,
 * from its value date on: the lot keeps its own value date, so the money keeps its age.
 *
 * @param consumptionReference the movement out whose consumption this undoes (a release's id)
 * @param reference the movement back (a return)
 */
public record LotRestoration(
        UUID lotId,
        LocalDate lotValueDate,
        UUID accountId,
        String consumptionReference,
        String reference,
        LocalDate valueDate,
        Money amount) {}
