package org.corridor.vessel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.corridor.InvalidInputException;

/**
 * The thresholds of vessel screening, versioned like every rule set: a change is a new version with
 * its source, and a screening names the version it used.
 *
 * @param aisGapHours an AIS gap at least this long escalates
 * @param aisLookbackDays how far back AIS gaps count
 * @param stsLookbackDays how far back ship-to-ship transfers count
 * @param knownStsAreas areas known for ship-to-ship transfers; a reason names them when an area
 *     mentions one (matched ignoring case and punctuation)
 * @param flagChangeMonths a flag change this recent escalates
 * @param flagHoppingChanges this many flag changes within {@code flagHoppingMonths} is flag hopping
 * @param highRiskFlags flag states (ISO 3166 alpha-2) that escalate
 */
public record VesselRules(
        long version,
        BigDecimal aisGapHours,
        int aisLookbackDays,
        int stsLookbackDays,
        List<String> knownStsAreas,
        int flagChangeMonths,
        int flagHoppingChanges,
        int flagHoppingMonths,
        List<String> highRiskFlags,
        String source,
        Instant recordedAt) {

    /**
     * The built-in defaults. The flags are those of the comprehensively sanctioned states; the areas
     * are examples from public reporting on STS hot spots. Both are data for compliance to maintain.
     */
    public static final VesselRules DEFAULT = new VesselRules(
            0,
            BigDecimal.valueOf(24),
            90,
            90,
            List.of(
                    "Gulf of Oman",
                    "Khor Fakkan",
                    "Fujairah",
                    "Eastern Outer Port Limits",
                    "Lakonikos Gulf",
                    "Kerch Strait"),
            12,
            2,
            36,
            List.of("IR", "KP", "SY"),
            "built-in default: FR-23 and the May 2020 State/OFAC/Coast Guard advisory (AIS gaps, STS transfers,"
                    + " flag hopping)",
            Instant.EPOCH);

    public VesselRules {
        Objects.requireNonNull(aisGapHours, "aisGapHours");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (aisGapHours.signum() <= 0 || aisGapHours.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new InvalidInputException("RULES_INVALID", "ais_gap_hours lies above 0 and at most 10000");
        }
        requireRange("ais_lookback_days", aisLookbackDays, 1, 3_650);
        requireRange("sts_lookback_days", stsLookbackDays, 1, 3_650);
        requireRange("flag_change_months", flagChangeMonths, 1, 240);
        requireRange("flag_hopping_changes", flagHoppingChanges, 2, 50);
        requireRange("flag_hopping_months", flagHoppingMonths, 1, 240);
        knownStsAreas = knownStsAreas.stream()
                .map(String::strip)
                .filter(area -> !area.isEmpty())
                .toList();
        highRiskFlags = highRiskFlags.stream()
                .map(flag -> RiskIndicator.flag("high_risk_flags", flag))
                .filter(flag -> !flag.isEmpty())
                .map(flag -> flag.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        if (source == null || source.isBlank() || source.length() > 500) {
            throw new InvalidInputException("RULES_SOURCE_MISSING", "rules need a source of 1 to 500 characters");
        }
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException("RULES_INVALID", field + " lies from " + min + " to " + max + ": " + value);
        }
    }

    VesselRules withVersion(long newVersion, Instant at) {
        return new VesselRules(
                newVersion,
                aisGapHours,
                aisLookbackDays,
                stsLookbackDays,
                knownStsAreas,
                flagChangeMonths,
                flagHoppingChanges,
                flagHoppingMonths,
                highRiskFlags,
                source,
                at);
    }
}
