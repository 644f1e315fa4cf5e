package org.corridor.ownership;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.corridor.InvalidInputException;

/**
 * The configurable part of the ownership assessment, versioned: a change is a new version with its
 * source, and every assessment names the version it used. The 50% blocking threshold itself is the
 * rule's definition (domain.md 5.1) and not configurable.
 *
 * @param version 0 for the built-in default, then 1, 2, ...
 * @param minorityThresholdPercent a blocked share at or above this (and below 50%) escalates
 * @param ofacRule how OFAC's rule counts indirect holdings: OFAC's own guidance by default, or the
 *     conservative cascade a channel may choose
 * @param source why the rules are what they are, and on whose authority
 */
public record OwnershipRules(
        long version, BigDecimal minorityThresholdPercent, OfacRule ofacRule, String source, Instant recordedAt) {

    public static final BigDecimal BLOCKING_THRESHOLD_PERCENT = BigDecimal.valueOf(50);

    public static final OwnershipRules DEFAULT = new OwnershipRules(
            0,
            BigDecimal.valueOf(25),
            OfacRule.BLOCKED_HOLDINGS,
            "built-in default: FR-22 flags a significant minority blocked interest of 25% or more; OFAC's"
                    + " 50 Percent Rule as its 2014 guidance states it",
            Instant.EPOCH);

    public OwnershipRules {
        Objects.requireNonNull(minorityThresholdPercent, "minorityThresholdPercent");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(ofacRule, "ofacRule");
        if (minorityThresholdPercent.signum() <= 0
                || minorityThresholdPercent.compareTo(BLOCKING_THRESHOLD_PERCENT) >= 0) {
            throw new InvalidInputException(
                    "RULES_INVALID",
                    "the minority threshold lies above 0% and below 50%: " + minorityThresholdPercent.toPlainString());
        }
        if (minorityThresholdPercent.stripTrailingZeros().scale() > 4) {
            throw new InvalidInputException("RULES_INVALID", "the minority threshold has at most 4 decimals");
        }
        if (source == null || source.isBlank() || source.length() > 500) {
            throw new InvalidInputException("RULES_SOURCE_MISSING", "rules need a source of 1 to 500 characters");
        }
    }

    /** The same rules with a different threshold, for tests and callers that assess under other settings. */
    public OwnershipRules withMinorityThreshold(BigDecimal percent) {
        return new OwnershipRules(version, percent, ofacRule, source, recordedAt);
    }

    /** The same rules under another reading of OFAC's rule. */
    public OwnershipRules withOfacRule(OfacRule rule) {
        return new OwnershipRules(version, minorityThresholdPercent, rule, source, recordedAt);
    }
}
