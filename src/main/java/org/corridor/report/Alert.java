package org.corridor.report;

import java.time.LocalDate;
import java.util.Optional;
import org.corridor.money.Money;

/**
 * Something that needs attention as of a date (FR-32).
 *
 * @param kind AUTHORISATION_EXPIRY, NO_VALID_AUTHORISATION, FUNDS_IDLE, FUNDS_APPROACHING_IDLE,
 *     REQUEST_WAITING, FOLLOW_UP_OVERDUE, NEW_HIT_ON_OPEN_ITEM, REJECTION_REPORT_DUE or UNMATCHED_CREDIT
 * @param severity {@code warn} or {@code bad}
 * @param subject what it is about: an authorisation reference, an account name, a request id
 * @param since the date the condition began, when known
 */
public record Alert(
        String kind,
        String severity,
        String subject,
        String message,
        Optional<LocalDate> since,
        Optional<Money> amount) {}
