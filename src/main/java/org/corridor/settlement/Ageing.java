package org.corridor.settlement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * A restricted account's balance as of a date, aged by the value dates of the lots it is made of
 * (FR-31, RPT-2): 0 to 30 days, 31 to 90, 91 to 365 and more than 365.
 *
 * @param lots the lots with something left as of {@code asOf}, oldest first, each with what was left then
 */
public record Ageing(
        UUID accountId,
        LocalDate asOf,
        Money balance,
        Money days0To30,
        Money days31To90,
        Money days91To365,
        Money over365Days,
        Optional<LocalDate> oldestValueDate,
        List<Lot> lots) {

    public Ageing {
        lots = List.copyOf(lots);
    }

    /** Ages {@code lots} (as they stood on {@code asOf}) by their value dates. */
    static Ageing of(UUID accountId, Currency currency, LocalDate asOf, List<Lot> lots) {
        long[] buckets = new long[4];
        long balance = 0;
        Optional<LocalDate> oldest = Optional.empty();
        for (Lot lot : lots) {
            long left = lot.remaining().amountMinor();
            if (left == 0) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(lot.valueDate(), asOf);
            buckets[bucket(days)] = Math.addExact(buckets[bucket(days)], left);
            balance = Math.addExact(balance, left);
            if (oldest.isEmpty() || lot.valueDate().isBefore(oldest.get())) {
                oldest = Optional.of(lot.valueDate());
            }
        }
        return new Ageing(
                accountId,
                asOf,
                Money.ofMinor(balance, currency),
                Money.ofMinor(buckets[0], currency),
                Money.ofMinor(buckets[1], currency),
                Money.ofMinor(buckets[2], currency),
                Money.ofMinor(buckets[3], currency),
                oldest,
                lots.stream().filter(lot -> lot.remaining().isPositive()).toList());
    }

    /** The bucket of an age in days: 0-30, 31-90, 91-365, more than 365. */
    static int bucket(long days) {
        if (days <= 30) {
            return 0;
        }
        if (days <= 90) {
            return 1;
        }
        return days <= 365 ? 2 : 3;
    }
}
