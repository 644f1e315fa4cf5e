package org.corridor.settlement;

import java.time.LocalDate;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * Money into and out of one restricted account by value date in {@code [from, to]}, both ends
 * included: for the utilisation ratio (disbursed / deposited, FR-31) and the monthly report.
 *
 * @param disbursed what releases took out, as paid (returns are not netted here)
 * @param returned what returned payments gave back to the lots they had taken (issue 18)
 */
public record Flows(
        UUID accountId,
        LocalDate from,
        LocalDate to,
        Money openingBalancesRecorded,
        Money deposited,
        Money convertedIn,
        Money transferredIn,
        Money convertedOut,
        Money transferredOut,
        Money disbursed,
        Money returned) {}
