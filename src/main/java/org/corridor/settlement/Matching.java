package org.corridor.settlement;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.corridor.money.Currency;
import org.corridor.money.Money;

/**
 * Matching a deposit to invoices as a pure function (FR-11): its equivalent in the price currency
 * pays the given invoices in order, each up to what is outstanding; what is left is an
 * over-payment. Each allocation also carries the part of the deposit it stands for, so that the
 * parts add up to the deposit exactly.
 */
final class Matching {

    /** An invoice that may be paid, with what is outstanding on it. */
    record Open(Invoice invoice, Money outstanding) {}

    record Result(List<Allocation> allocations, Money unapplied, DepositMatch match) {}

    private Matching() {}

    static Result match(Money deposit, Money equivalent, ExchangeRate rate, List<Open> invoices) {
        Currency priceCurrency = equivalent.currency();
        List<Allocation> allocations = new ArrayList<>();
        long left = equivalent.amountMinor();
        long depositLeft = deposit.amountMinor();
        boolean lastSettled = true;
        for (Open open : invoices) {
            if (left == 0) {
                break;
            }
            long outstanding = open.outstanding().amountMinor();
            if (outstanding <= 0) {
                continue;
            }
            long taken = Math.min(left, outstanding);
            left -= taken;
            lastSettled = taken == outstanding;
            Money amount = Money.ofMinor(taken, priceCurrency);
            long part = Math.min(
                    depositLeft,
                    rate.convert(amount, deposit.currency(), RoundingMode.HALF_EVEN)
                            .amountMinor());
            depositLeft -= part;
            allocations.add(new Allocation(
                    open.invoice().id(), open.invoice().number(), amount, Money.ofMinor(part, deposit.currency())));
        }
        if (left == 0 && depositLeft > 0 && !allocations.isEmpty()) {
            // Rounding leaves a few minor units of the deposit: they belong to the last invoice paid.
            Allocation last = allocations.remove(allocations.size() - 1);
            allocations.add(new Allocation(
                    last.invoiceId(),
                    last.invoiceNumber(),
                    last.amount(),
                    last.depositAmount().plus(Money.ofMinor(depositLeft, deposit.currency()))));
        }
        Money unapplied = Money.ofMinor(left, priceCurrency);
        DepositMatch match =
                left > 0 ? DepositMatch.OVERPAYMENT : lastSettled ? DepositMatch.FULL : DepositMatch.PARTIAL;
        return new Result(allocations, unapplied, match);
    }
}
