package org.corridor.screening;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How far a sanctions list may change or age before a person must look (issue 16): a new version
 * that drops more than {@code maxShrink} of the active version's entities is quarantined until a
 * second person confirms it, and a list whose content is older than its maximum age is reported
 * stale wherever it shows.
 *
 * @param maxShrink the share of the active version's entities a new version may drop, 0 to 1
 * @param maxAge per list, how old its content may be (by its publication date, else its import)
 */
public record ListPolicy(BigDecimal maxShrink, Map<SanctionsList, Duration> maxAge) {

    public static final BigDecimal DEFAULT_MAX_SHRINK = new BigDecimal("0.05");
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    public static final ListPolicy DEFAULT = new ListPolicy(DEFAULT_MAX_SHRINK, defaultAges());

    public ListPolicy {
        Objects.requireNonNull(maxShrink, "maxShrink");
        if (maxShrink.signum() < 0 || maxShrink.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxShrink is a share from 0 to 1: " + maxShrink);
        }
        Map<SanctionsList, Duration> ages = new EnumMap<>(defaultAges());
        ages.putAll(maxAge);
        maxAge = Map.copyOf(ages);
    }

    /** The maximum age of {@code list}. */
    public Duration maxAgeOf(SanctionsList list) {
        return maxAge.get(list);
    }

    private static Map<SanctionsList, Duration> defaultAges() {
        Map<SanctionsList, Duration> ages = new EnumMap<>(SanctionsList.class);
        for (SanctionsList list : SanctionsList.values()) {
            ages.put(list, DEFAULT_MAX_AGE);
        }
        return ages;
    }
}
