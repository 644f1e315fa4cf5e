package org.corridor.screening;

/**
 * How to screen: the score a hit needs and how many hits to return at most.
 *
 * @param threshold 0 to 1; {@link Screener#DEFAULT_THRESHOLD} unless a caller has reason to differ
 * @param limit at least 1
 */
public record ScreeningOptions(double threshold, int limit) {

    public static final int DEFAULT_LIMIT = 10;

    public static final ScreeningOptions DEFAULT = new ScreeningOptions(Screener.DEFAULT_THRESHOLD, DEFAULT_LIMIT);

    public ScreeningOptions {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within [0, 1]: " + threshold);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }
}
