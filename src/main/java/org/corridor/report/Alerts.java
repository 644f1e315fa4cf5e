package org.corridor.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.ExpiryWarning;
import org.corridor.authorisation.Gap;
import org.corridor.settlement.BankCredit;
import org.corridor.settlement.Settlement;

/**
 * The alerts as of a date (FR-32): authorisation expiry and days without any valid authorisation
 * (from the register), idle and approaching-idle money (from the FIFO lots), and, through
 * {@link ReleaseRecords}, requests waiting too long in a stage, overdue post-payment documents,
 * undecided hits on open requests and rejection reports coming due, bank credits waiting in
 * SUSPENSE, and, through {@link ListAlerts}, sanctions lists that are stale or wait in quarantine
 * (issue 16). Reads only; thread-safe.
 */
record Alerts(
        Authorisations authorisations,
        IdleFunds idleFunds,
        ReleaseRecords releases,
        ReportSettings settings,
        Settlement settlement,
        ListAlerts lists) {

    /** How far back an undecided hit still counts as new. */
    static final int NEW_HIT_DAYS = 90;

    /** The kinds of alert that name listed parties, entities and scores: compliance data. */
    static final Set<String> ABOUT_HITS = Set.of("NEW_HIT_ON_OPEN_ITEM", "REJECTION_REPORT_DUE");

    /** A rejection report is flagged this many days before it is due. */
    static final int REJECTION_REPORT_NOTICE_DAYS = 3;

    List<Alert> asOf(LocalDate date) {
        List<Alert> alerts = new ArrayList<>();
        register(date, alerts);
        funds(date, alerts);
        waiting(date, alerts);
        followUps(date, alerts);
        newHits(date, alerts);
        rejectionReports(date, alerts);
        unmatchedCredits(date, alerts);
        alerts.addAll(lists.asOf(date));
        return List.copyOf(alerts);
    }

    /** Adds the alerts about the register: no valid authorisation, or one expiring soon. */
    private void register(LocalDate date, List<Alert> alerts) {
        if (authorisations.validOn(date).isEmpty()) {
            Optional<LocalDate> since = authorisations.gaps(Optional.of(date)).stream()
                    .filter(gap -> !gap.from().isAfter(date) && !gap.to().isBefore(date))
                    .map(Gap::from)
                    .min(LocalDate::compareTo);
            alerts.add(new Alert(
                    "NO_VALID_AUTHORISATION",
                    "bad",
                    "register",
                    "No authorisation is valid on " + date + ": every movement is held.",
                    since,
                    Optional.empty()));
        }
        for (ExpiryWarning warning : authorisations.expiryWarnings(date, settings.expiryLeadDays())) {
            String reference = warning.authorisation().reference();
            String renewal = warning.renewedBy().map(r -> "; renewed by " + r).orElse("; no renewal recorded");
            alerts.add(new Alert(
                    "AUTHORISATION_EXPIRY",
                    warning.renewedBy().isEmpty() && warning.daysRemaining() <= 7 ? "bad" : "warn",
                    reference,
                    reference + " expires on " + warning.authorisation().validTo() + " (" + warning.daysRemaining()
                            + " days left); " + warning.affectedItems().size() + " pending items affected" + renewal,
                    Optional.of(warning.authorisation().validTo()),
                    Optional.empty()));
        }
    }

    /** Adds the alerts about money idle, or about to be. */
    private void funds(LocalDate date, List<Alert> alerts) {
        for (IdleFundsView.AccountAgeing account : idleFunds.asOf(date).accounts()) {
            if (account.idle().isPositive()) {
                alerts.add(new Alert(
                        "FUNDS_IDLE",
                        "bad",
                        account.account(),
                        account.idle().display() + " in " + account.account() + " is older than " + settings.idleDays()
                                + " days (oldest " + account.oldestDays() + " days)",
                        account.oldestValueDate(),
                        Optional.of(account.idle())));
            }
            if (account.approachingIdle().isPositive()) {
                alerts.add(new Alert(
                        "FUNDS_APPROACHING_IDLE",
                        "warn",
                        account.account(),
                        account.approachingIdle().display() + " in " + account.account() + " is "
                                + settings.approachingIdleDays() + " to " + settings.idleDays() + " days old",
                        Optional.empty(),
                        Optional.of(account.approachingIdle())));
            }
        }
    }

    /** Adds the alerts about requests waiting longer than allowed. */
    private void waiting(LocalDate date, List<Alert> alerts) {
        for (ReleaseRecords.PendingRequest request : releases.pendingAsOf(date)) {
            long waited = businessDaysBetween(request.since(), date);
            if (waited > settings.pendingBusinessDays()) {
                alerts.add(new Alert(
                        "REQUEST_WAITING",
                        "warn",
                        request.requestId(),
                        request.requestId() + " has waited " + waited + " business days in " + request.stage(),
                        Optional.of(request.since()),
                        Optional.of(request.amount())));
            }
        }
    }

    /** Adds the alerts about documents overdue. */
    private void followUps(LocalDate date, List<Alert> alerts) {
        for (ReleaseRecords.FollowUp followUp : releases.followUpsAsOf(date)) {
            if (followUp.receivedOn().isEmpty() && followUp.dueOn().isBefore(date)) {
                alerts.add(new Alert(
                        "FOLLOW_UP_OVERDUE",
                        "bad",
                        followUp.requestId(),
                        followUp.document() + " for " + followUp.requestId() + " was due on " + followUp.dueOn(),
                        Optional.of(followUp.dueOn()),
                        Optional.empty()));
            }
        }
    }

    /** Adds the alerts about undecided hits on open requests. */
    private void newHits(LocalDate date, List<Alert> alerts) {
        for (ReleaseRecords.ScreeningHit hit : releases.hits(date.minusDays(NEW_HIT_DAYS), date)) {
            if (hit.requestOpen() && hit.decision().isEmpty()) {
                alerts.add(new Alert(
                        "NEW_HIT_ON_OPEN_ITEM",
                        "bad",
                        hit.requestId(),
                        hit.party() + " on " + hit.requestId() + " hits " + hit.listedName() + " (" + hit.listName()
                                + ", score " + hit.score().toPlainString() + ")",
                        Optional.empty(),
                        Optional.empty()));
            }
        }
    }

    /** Adds the alerts about rejection reports due. */
    private void rejectionReports(LocalDate date, List<Alert> alerts) {
        for (ReleaseRecords.RejectedEvent event : releases.rejections(date.minusYears(1), date)) {
            // A report filed by the date clears its alert; one filed later did not, as of that date.
            boolean filed = event.reportedOn().filter(on -> !on.isAfter(date)).isPresent();
            if (!filed && !event.reportDueOn().isAfter(date.plusDays(REJECTION_REPORT_NOTICE_DAYS))) {
                boolean late = event.reportDueOn().isBefore(date);
                String when = late
                        ? "was due on " + event.reportDueOn() + ", overdue since "
                                + event.reportDueOn().plusDays(1) + " ("
                                + java.time.temporal.ChronoUnit.DAYS.between(event.reportDueOn(), date) + " days)"
                        : "is due on " + event.reportDueOn();
                alerts.add(new Alert(
                        "REJECTION_REPORT_DUE",
                        late ? "bad" : "warn",
                        event.requestId(),
                        "The report of " + event.eventId() + " (" + event.party() + ") " + when
                                + "; record its filing to clear this alert",
                        Optional.of(event.occurredOn()),
                        event.amount()));
            }
        }
    }

    /** Adds the alerts about bank credits held in SUSPENSE because they could not be deposits. */
    private void unmatchedCredits(LocalDate date, List<Alert> alerts) {
        for (BankCredit credit : settlement.credits().suspended(date)) {
            alerts.add(new Alert(
                    "UNMATCHED_CREDIT",
                    "bad",
                    credit.key(),
                    credit.amount().display() + " from " + credit.payer() + " (" + credit.messageId()
                            + ") is in SUSPENSE: " + credit.reason().orElse("") + " " + credit.detail(),
                    Optional.of(credit.valueDate()),
                    Optional.of(credit.amount())));
        }
    }

    /** Monday to Friday after {@code from} up to and including {@code to}. */
    static long businessDaysBetween(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
