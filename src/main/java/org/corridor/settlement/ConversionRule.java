package org.corridor.settlement;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * Limits on converting money out of one restricted account (FR-15), as data: a cap on what all
 * conversions executed within any 7 consecutive value dates may take, and the largest tranche one
 * execution may take. A change is a new version.
 */
public record ConversionRule(
        UUID accountId,
        int version,
        Optional<Money> weeklyCap,
        Optional<Money> trancheMax,
        String source,
        Instant changedAt,
        String changedBy) {}
