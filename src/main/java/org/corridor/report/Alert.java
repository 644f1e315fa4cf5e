package org.corridor.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.corridor.money.Money;

/**
 * Something that needs attention as of a date (FR-32).
 *
 * @param kind one of {@link Kind}, as text
 * @param severity one of {@link Severity}'s wire texts: {@code warn} or {@code bad}
 * @param subject what it is about: an authorisation reference, an account name, a request id
 * @param since the date the condition began, when known
 */
public record Alert(
        String kind,
        String severity,
        String subject,
        String message,
        Optional<LocalDate> since,
        Optional<Money> amount) {

    /**
     * The kinds of alert. The fields stay text so that the wire and the CLI keep their form;
     * openapi-fields.properties names these enums, and the constructor refuses any other value.
     */
    public enum Kind {
        AUTHORISATION_EXPIRY,
        NO_VALID_AUTHORISATION,
        FUNDS_IDLE,
        FUNDS_APPROACHING_IDLE,
        REQUEST_WAITING,
        FOLLOW_UP_OVERDUE,
        NEW_HIT_ON_OPEN_ITEM,
        REJECTION_REPORT_DUE,
        UNMATCHED_CREDIT,
        /** Screening's list notices (issue 16), shown as alerts under their own kind. */
        LIST_STALE,
        LIST_SAMPLE,
        LIST_QUARANTINED
    }

    /** How urgent an alert is; lower case on the wire, as the dashboard reads it. */
    public enum Severity {
        WARN,
        BAD;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Alert {
        Kind.valueOf(kind);
        String given = severity;
        if (Arrays.stream(Severity.values()).noneMatch(known -> known.wire().equals(given))) {
            throw new IllegalArgumentException("no alert severity " + severity);
        }
    }
}
