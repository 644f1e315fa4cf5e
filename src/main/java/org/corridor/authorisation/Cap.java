package org.corridor.authorisation;

import java.util.Collection;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.money.Money;

/**
 * A limit on what an authorisation lets through: per transaction, per rolling period of
 * {@code periodDays} days ending on the execution date, or in total over its life. Usage recorded
 * against the authorisation counts towards period and total caps.
 *
 * @param movements the movement kinds the cap applies to (and whose usage counts)
 * @param periodDays the period length for {@link Scope#PER_PERIOD}; 0 for the other scopes
 */
public record Cap(Scope scope, Money limit, int periodDays, Set<MovementKind> movements) {

    /** Over what the limit is measured. */
    public enum Scope {
        PER_TRANSACTION,
        PER_PERIOD,
        TOTAL
    }

    public Cap {
        if (scope == null || limit == null) {
            throw new InvalidInputException("CAP_INVALID", "a cap needs a scope and a limit");
        }
        if (!limit.isPositive()) {
            throw new InvalidInputException("CAP_INVALID", "a cap limit must be positive: " + limit);
        }
        if (scope == Scope.PER_PERIOD && (periodDays < 1 || periodDays > Threshold.MAX_AGGREGATION_DAYS)) {
            throw new InvalidInputException(
                    "CAP_INVALID",
                    "a per-period cap needs a period of 1 to " + Threshold.MAX_AGGREGATION_DAYS + " days");
        }
        if (scope != Scope.PER_PERIOD && periodDays != 0) {
            throw new InvalidInputException("CAP_INVALID", "only a per-period cap has a period");
        }
        movements = Sets.enums(MovementKind.class, movements);
        if (movements.isEmpty()) {
            throw new InvalidInputException("CAP_INVALID", "a cap names the movement kinds it applies to");
        }
    }

    public static Cap perTransaction(Money limit, Collection<MovementKind> movements) {
        return new Cap(Scope.PER_TRANSACTION, limit, 0, Set.copyOf(movements));
    }

    public static Cap perPeriod(Money limit, int periodDays, Collection<MovementKind> movements) {
        return new Cap(Scope.PER_PERIOD, limit, periodDays, Set.copyOf(movements));
    }

    public static Cap total(Money limit, Collection<MovementKind> movements) {
        return new Cap(Scope.TOTAL, limit, 0, Set.copyOf(movements));
    }

    @Override
    public String toString() {
        return scope + (scope == Scope.PER_PERIOD ? " " + periodDays + " days" : "") + " " + limit + " for "
                + movements;
    }
}
