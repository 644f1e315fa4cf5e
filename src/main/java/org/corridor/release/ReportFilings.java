package org.corridor.release;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.corridor.ConflictException;
import org.corridor.ForbiddenException;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditEvent;
import org.corridor.audit.AuditLog;
import org.corridor.audit.CanonicalJson;
import org.corridor.report.ReleaseRecords;
import org.corridor.transaction.Transactions;

/**
 * Recording that an RPT-5 report was filed with the authority (who, on which day, under which
 * reference), which clears the event's "report due" alert. Only compliance files regulator reports;
 * an event is filed once. Thread-safe.
 */
final class ReportFilings {

    /** The roles that file regulator reports: compliance, who decided the hits behind them. */
    static final Set<String> FILERS = Set.of("COMPLIANCE_ANALYST", "COMPLIANCE_REVIEWER");

    private final Transactions transactions;
    private final ReportFilingStore store;
    private final ReleaseReportRecords records;
    private final AuditLog audit;
    private final ReleaseClock clock;

    ReportFilings(
            Transactions transactions,
            ReportFilingStore store,
            ReleaseReportRecords records,
            AuditLog audit,
            ReleaseClock clock) {
        this.transactions = transactions;
        this.store = store;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    ReportFiling file(Actor by, String eventId, Releases.ReportFilingInput input) {
        if (by.roles().stream().noneMatch(FILERS::contains)) {
            throw new ForbiddenException(
                    "FILER_ROLE_REQUIRED",
                    "RPT-5 reports are filed by a COMPLIANCE_ANALYST or a COMPLIANCE_REVIEWER; " + by.name()
                            + " acts as " + by.role());
        }
        if (input == null) {
            throw new InvalidInputException("BODY_MISSING", "a filing names the authority's reference");
        }
        String reference = RequestChecks.text(input.reference(), "reference");
        LocalDate today = clock.today();
        LocalDate filedOn = input.filedOn() == null ? today : input.filedOn().orElse(today);
        if (filedOn.isAfter(today)) {
            throw new InvalidInputException(
                    "FILED_ON_IN_FUTURE", "a report is recorded once filed: " + filedOn + " is after " + today);
        }
        return transactions.inTransaction(tx -> {
            ReleaseRecords.RejectedEvent event = records.rejectionEvent(tx, eventId, today)
                    .orElseThrow(() -> new NotFoundException(
                            "REPORT_EVENT_NOT_FOUND", "no RPT-5 event " + eventId + " (REJ-n or REQ-reference)"));
            if (filedOn.isBefore(event.occurredOn())) {
                throw new InvalidInputException(
                        "FILED_ON_BEFORE_EVENT", eventId + " happened on " + event.occurredOn() + ", after " + filedOn);
            }
            ReportFiling filing = new ReportFiling(eventId, reference, filedOn, by.name(), by.role(), clock.now());
            if (!store.insert(tx, filing)) {
                ReportFiling first = store.find(tx, eventId).orElseThrow();
                throw new ConflictException(
                        "REPORT_ALREADY_FILED",
                        eventId + " was filed on " + first.filedOn() + " under " + first.reference() + " by "
                                + first.filedBy());
            }
            audit.append(
                    tx,
                    AuditEvent.of(
                            by,
                            "RPT5_REPORT_FILED",
                            "rpt5-event:" + eventId,
                            CanonicalJson.fields("reference", reference, "filed_on", filedOn.toString()),
                            CanonicalJson.fields(
                                    "request",
                                    event.requestId(),
                                    "report_due_on",
                                    event.reportDueOn().toString())));
            return filing;
        });
    }

    List<ReportFiling> all() {
        return transactions.read(store::all);
    }
}
