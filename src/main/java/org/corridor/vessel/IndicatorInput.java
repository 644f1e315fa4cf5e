package org.corridor.vessel;

import java.util.Optional;

/**
 * A risk indicator as given, through the API or a CSV row, before {@link Vessels#indicator} checks
 * it: the kind by name, the date as written, the duration as a decimal string.
 */
public record IndicatorInput(
        String kind,
        String observedOn,
        Optional<String> durationHours,
        Optional<String> area,
        Optional<String> counterpart,
        Optional<String> fromFlag,
        Optional<String> toFlag,
        String source) {}
