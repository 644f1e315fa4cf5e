package org.corridor.vessel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.corridor.InvalidInputException;

/**
 * One observation about a vessel, as data: an AIS gap (with its duration and area), a
 * ship-to-ship transfer (with its area and counterpart) or a flag change (from and to). Text fields
 * not used by a kind are empty.
 */
public record RiskIndicator(
        IndicatorKind kind,
        LocalDate observedOn,
        Optional<BigDecimal> durationHours,
        String area,
        String counterpart,
        String fromFlag,
        String toFlag,
        String source) {

    public RiskIndicator {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(observedOn, "observedOn");
        area = text("area", area, 200);
        counterpart = text("counterpart", counterpart, 200);
        fromFlag = flag("from_flag", fromFlag);
        toFlag = flag("to_flag", toFlag);
        source = text("source", source, 500);
        if (source.isEmpty()) {
            throw new InvalidInputException("INDICATOR_SOURCE_MISSING", "a risk indicator needs its source");
        }
        switch (kind) {
            case AIS_GAP -> {
                if (durationHours.isEmpty()
                        || durationHours.get().signum() <= 0
                        || durationHours.get().compareTo(BigDecimal.valueOf(100_000)) > 0
                        || durationHours.get().stripTrailingZeros().scale() > 2) {
                    throw new InvalidInputException(
                            "INDICATOR_INVALID", "an AIS_GAP needs duration_hours above 0, with at most 2 decimals");
                }
            }
            case STS_TRANSFER -> {
                if (durationHours.isPresent()) {
                    throw new InvalidInputException("INDICATOR_INVALID", "an STS_TRANSFER has no duration_hours");
                }
            }
            case FLAG_CHANGE -> {
                if (toFlag.isEmpty() || durationHours.isPresent()) {
                    throw new InvalidInputException(
                            "INDICATOR_INVALID", "a FLAG_CHANGE needs to_flag (and from_flag), and no duration_hours");
                }
            }
        }
    }

    public static RiskIndicator aisGap(LocalDate on, BigDecimal hours, String area, String source) {
        return new RiskIndicator(IndicatorKind.AIS_GAP, on, Optional.of(hours), area, "", "", "", source);
    }

    public static RiskIndicator stsTransfer(LocalDate on, String area, String counterpart, String source) {
        return new RiskIndicator(IndicatorKind.STS_TRANSFER, on, Optional.empty(), area, counterpart, "", "", source);
    }

    public static RiskIndicator flagChange(LocalDate on, String from, String to, String source) {
        return new RiskIndicator(IndicatorKind.FLAG_CHANGE, on, Optional.empty(), "", "", from, to, source);
    }

    private static String text(String field, String value, int maxLength) {
        String text = value == null ? "" : value.strip();
        if (text.length() > maxLength) {
            throw new InvalidInputException("INDICATOR_INVALID", field + " is at most " + maxLength + " characters");
        }
        return text;
    }

    /** An ISO 3166 alpha-2 flag state, upper case; empty when not given. */
    static String flag(String field, String value) {
        String text = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!text.isEmpty() && !text.matches("[A-Z]{2}")) {
            throw new InvalidInputException(
                    "FLAG_INVALID", field + " is an ISO 3166 two-letter country code, such as PA: '" + value + "'");
        }
        return text;
    }
}
