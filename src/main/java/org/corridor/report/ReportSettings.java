package org.corridor.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.corridor.InvalidInputException;
import org.corridor.authorisation.Authorisations;

/**
 * The thresholds of monitoring, alerts and retention (FR-31, FR-32, FR-34), read from
 * {@code CORRIDOR_*} environment variables with the defaults of domain.md.
 *
 * @param idleDays money older than this many days is idle (CORRIDOR_IDLE_DAYS, default 90)
 * @param approachingIdleDays money at least this old is approaching idle (CORRIDOR_APPROACHING_IDLE_DAYS, 60)
 * @param pendingBusinessDays a request waiting longer than this in one stage raises an alert
 *     (CORRIDOR_PENDING_BUSINESS_DAYS, 5)
 * @param utilisationNotePercent below this utilisation of the period's deposits the operational
 *     note is written (CORRIDOR_UTILISATION_NOTE_PERCENT, 10)
 * @param retentionYears records are kept this long after their date (CORRIDOR_RETENTION_YEARS, 10)
 * @param expiryLeadDays lead times of authorisation expiry alerts (FR-3)
 */
public record ReportSettings(
        int idleDays,
        int approachingIdleDays,
        int pendingBusinessDays,
        BigDecimal utilisationNotePercent,
        int retentionYears,
        List<Integer> expiryLeadDays) {

    public static final ReportSettings DEFAULTS =
            new ReportSettings(90, 60, 5, BigDecimal.TEN, 10, Authorisations.DEFAULT_WARNING_DAYS);

    public ReportSettings {
        if (approachingIdleDays < 1 || idleDays <= approachingIdleDays) {
            throw new InvalidInputException(
                    "CONFIG_INVALID", "idle days must exceed approaching-idle days, both positive");
        }
        if (pendingBusinessDays < 1 || retentionYears < 1) {
            throw new InvalidInputException("CONFIG_INVALID", "pending days and retention years are positive");
        }
        expiryLeadDays = List.copyOf(expiryLeadDays);
    }

    public static ReportSettings fromEnvironment(Map<String, String> env) {
        try {
            return new ReportSettings(
                    Integer.parseInt(env.getOrDefault("CORRIDOR_IDLE_DAYS", "90")),
                    Integer.parseInt(env.getOrDefault("CORRIDOR_APPROACHING_IDLE_DAYS", "60")),
                    Integer.parseInt(env.getOrDefault("CORRIDOR_PENDING_BUSINESS_DAYS", "5")),
                    new BigDecimal(env.getOrDefault("CORRIDOR_UTILISATION_NOTE_PERCENT", "10")),
                    Integer.parseInt(env.getOrDefault("CORRIDOR_RETENTION_YEARS", "10")),
                    Authorisations.DEFAULT_WARNING_DAYS);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("CONFIG_INVALID", "a CORRIDOR_* report setting is not a number");
        }
    }
}
