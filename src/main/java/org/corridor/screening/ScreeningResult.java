package org.corridor.screening;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of screening one party and the list versions it was screened against ({@link
 * ListVersion#label()} per list), which a decision records in its audit entry.
 */
public record ScreeningResult(ScreeningOutcome outcome, Map<SanctionsList, String> listVersions) {

    public ScreeningResult {
        Objects.requireNonNull(outcome, "outcome");
        listVersions = Map.copyOf(listVersions);
    }

    /** The versions keyed by list name, as {@code AuditEvent.versions} takes them. */
    public Map<String, String> auditVersions() {
        return Screening.auditVersions(listVersions);
    }
}
