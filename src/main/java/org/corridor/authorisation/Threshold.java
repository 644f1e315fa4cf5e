package org.corridor.authorisation;

import java.util.Collection;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * A condition of an authorisation that brings in the Authority above an amount (FR-30), such as
 * "notify the Authority before executing if above EUR 10,000; prior approval at or above EUR
 * 40,000". Linked payments (same linked-payment key) executed in the {@code aggregationDays} days
 * up to and including the execution date count towards the amount.
 *
 * @param movements the movement kinds the threshold applies to
 * @param aggregationDays 0 for no aggregation, otherwise the length of the look-back window in days
 */
public record Threshold(
        Action action, Comparison comparison, Money amount, Set<MovementKind> movements, int aggregationDays) {

    /** What crossing the threshold requires. */
    public enum Action {
        NOTIFY_AUTHORITY,
        PRIOR_APPROVAL
    }

    /** Whether the threshold amount itself already counts as crossing it. */
    public enum Comparison {
        ABOVE,
        AT_OR_ABOVE
    }

    public static final int MAX_AGGREGATION_DAYS = 3_660;

    public Threshold {
        if (action == null || comparison == null || amount == null) {
            throw new InvalidInputException(
                    "THRESHOLD_INVALID", "a threshold needs an action, a comparison and an amount");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("THRESHOLD_INVALID", "a threshold amount must be positive: " + amount);
        }
        movements = Sets.enums(MovementKind.class, movements);
        if (movements.isEmpty()) {
            throw new InvalidInputException("THRESHOLD_INVALID", "a threshold names the movement kinds it applies to");
        }
        if (aggregationDays < 0 || aggregationDays > MAX_AGGREGATION_DAYS) {
            throw new InvalidInputException(
                    "THRESHOLD_INVALID",
                    "aggregation days must be 0 to " + MAX_AGGREGATION_DAYS + ": " + aggregationDays);
        }
    }

    public static Threshold of(
            Action action, Comparison comparison, Money amount, Collection<MovementKind> movements, int days) {
        return new Threshold(action, comparison, amount, Set.copyOf(movements), days);
    }

    /** True when {@code total} (in the threshold's currency) crosses the threshold. */
    boolean crossedBy(Money total) {
        int compared = total.compareTo(amount);
        return comparison == Comparison.ABOVE ? compared > 0 : compared >= 0;
    }

    @Override
    public String toString() {
        return action + " " + comparison + " " + amount + " for " + movements
                + (aggregationDays > 0 ? " (linked payments over " + aggregationDays + " days)" : "");
    }
}
