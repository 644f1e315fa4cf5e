package org.corridor.ownership;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Proportions as whole numbers of 10^-18 of the whole (so 1 is 10^18 and 30% is 3 x 10^17), the
 * arithmetic of the blocked-share computation. Shares of four-decimal percentages are exact, and
 * so are products of up to three of them; a longer product is rounded to the nearest 10^-18,
 * which keeps a query over 100,000 edges to plain integer arithmetic. To make sure that rounding
 * can only ever err toward blocking, a share within {@link #TOLERANCE} below a threshold counts as
 * reaching it.
 */
final class Proportion {

    static final long ONE = 1_000_000_000_000_000_000L;
    static final long HALF = ONE / 2;

    /** 10^-13 of the whole (10^-11 percent): far above any accumulated rounding, far below any real share. */
    static final long TOLERANCE = 100_000L;

    private static final long BILLION = 1_000_000_000L;

    private Proportion() {}

    /** A share as a proportion: 30% is 3 x 10^17, exactly. */
    static long of(SharePercent share) {
        return share.value().movePointRight(16).longValueExact();
    }

    /** A percentage threshold (such as 25) as a proportion. */
    static long ofPercent(BigDecimal percent) {
        return percent.movePointRight(16).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** {@code a x b}, rounded to the nearest unit; both at most about 1. */
    static long multiply(long a, long b) {
        long aHigh = a / BILLION;
        long aLow = a % BILLION;
        long bHigh = b / BILLION;
        long bLow = b % BILLION;
        long middle = aHigh * bLow + aLow * bHigh;
        long low = (middle % BILLION) * BILLION + aLow * bLow + HALF;
        return aHigh * bHigh + middle / BILLION + low / ONE;
    }

    /** Whether {@code value} reaches {@code threshold}, allowing for rounding in the sum. */
    static boolean reaches(long value, long threshold) {
        return value + TOLERANCE >= threshold;
    }

    /** A proportion as an exact percentage (3 x 10^17 is 30). */
    static BigDecimal toPercent(long proportion) {
        return BigDecimal.valueOf(proportion, 16).stripTrailingZeros();
    }

    static double toDouble(long proportion) {
        return proportion / (double) ONE;
    }
}
