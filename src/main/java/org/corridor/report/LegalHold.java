package org.corridor.report;

import java.time.Instant;
import java.util.Optional;

/**
 * A legal hold on the records of a subject (FR-34): while it is active nothing of the subject is
 * eligible for destruction, whatever its age.
 *
 * @param subject {@code all}, or {@code kind:key} such as {@code account:NIGC-IQD-R},
 *     {@code contract:NIGC-GAS-2024}, {@code request:DR-2024-0412}
 */
public record LegalHold(
        java.util.UUID id,
        String subject,
        String reason,
        String placedBy,
        Instant placedAt,
        Optional<String> releasedBy,
        Optional<Instant> releasedAt,
        Optional<String> releaseReason) {

    public boolean active() {
        return releasedAt.isEmpty();
    }

    /** True when this hold covers records of {@code recordSubject} (or of every subject). */
    public boolean covers(String recordSubject) {
        return active() && (subject.equals("all") || subject.equalsIgnoreCase(recordSubject));
    }
}
