package org.corridor.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What the retention check finds as of a date (FR-34). Nothing is destroyed by Corridor: this is
 * the list a records officer acts on, outside the system, after approval.
 *
 * @param cutoff records dated before this day are past their retention period
 * @param pastRetention business records past retention, each ELIGIBLE or LEGAL_HOLD
 * @param auditEntriesPastRetention audit entries recorded before the cutoff: kept, since the chain
 *     must stay verifiable; they may be archived as an RPT-9 extract
 */
public record RetentionView(
        LocalDate asOf,
        int retentionYears,
        LocalDate cutoff,
        List<RetentionRecord> pastRetention,
        long auditEntriesPastRetention,
        List<LegalHold> activeHolds) {

    public RetentionView {
        pastRetention = List.copyOf(pastRetention);
        activeHolds = List.copyOf(activeHolds);
    }

    /**
     * @param kind one of {@link Kind}, as text
     * @param subjects the subjects a hold may name to keep it
     * @param status one of {@link Status}, as text
     * @param holds ids of the active holds that keep it
     */
    public record RetentionRecord(
            String kind,
            String id,
            LocalDate date,
            LocalDate retainUntil,
            List<String> subjects,
            String status,
            List<String> holds) {
        /** The kinds of business record kept; openapi-fields.properties names this enum for {@code kind}. */
        public enum Kind {
            DEPOSIT,
            CONVERSION,
            RESTRICTED_TRANSFER,
            DISBURSEMENT
        }

        /** Whether a record past retention may go, or a legal hold keeps it. */
        public enum Status {
            ELIGIBLE,
            LEGAL_HOLD
        }

        public RetentionRecord {
            subjects = List.copyOf(subjects);
            holds = List.copyOf(holds);
        }
    }
}
