package org.corridor.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.corridor.ForbiddenException;
import org.corridor.audit.Actor;
import org.corridor.audit.AuditLog;
import org.corridor.authorisation.Authorisations;
import org.corridor.identity.Permission;
import org.corridor.identity.RoleMatrix;
import org.corridor.settlement.Settlement;
import org.corridor.transaction.Transactions;

/**
 * Reports, idle-funds monitoring, alerts and retention, wired (FR-31 to FR-34, RPT-1 to RPT-10).
 * Everything is read from settlement, the authorisation register and the audit trail, except the
 * release feature's records, which come through {@link ReleaseRecords} ({@link ReleaseRecords#NONE}
 * until the release feature is wired in). Thread-safe.
 */
public final class Reports {

    private final IdleFunds idleFunds;
    private final Alerts alerts;
    private final MonthlyReport monthly;
    private final AuthorisationCalendar calendar;
    private final ReconciliationTables reconciliation;
    private final ReleaseReports release;
    private final AuditExtract auditExtract;
    private final Retention retention;
    private final ReportSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    /** @param lists the alerts about the sanctions lists (issue 16) */
    public Reports(
            Settlement settlement,
            Authorisations authorisations,
            AuditLog audit,
            Transactions transactions,
            ReleaseRecords releases,
            ReportSettings settings,
            Clock clock,
            ZoneId zone,
            ListAlerts lists) {
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
        this.idleFunds = new IdleFunds(settlement, authorisations, releases, settings);
        this.alerts = new Alerts(authorisations, idleFunds, releases, settings, settlement, lists);
        this.monthly = new MonthlyReport(settlement, releases);
        this.calendar = new AuthorisationCalendar(authorisations, releases, settings);
        this.reconciliation = new ReconciliationTables(settlement);
        this.release = new ReleaseReports(releases);
        this.auditExtract = new AuditExtract(audit, zone);
        this.retention = new Retention(transactions, settlement, audit, releases, settings, clock, zone);
    }

    /**
     * One report over the business dates {@code [from, to]}, ready for any of its formats, for a
     * reader who may read it ({@link ReportName#readableBy}): whatever the door, a report gives no
     * one data their role may not read elsewhere.
     *
     * @throws ForbiddenException REPORT_NOT_PERMITTED
     */
    public ReportDocument report(ReportName name, LocalDate from, LocalDate to, Actor reader) {
        if (!name.readableBy(reader)) {
            throw ForbiddenException.rule(
                    "REPORT_NOT_PERMITTED",
                    name.code() + " holds data that needs " + name.dataPermission() + ", which role " + reader.role()
                            + " does not hold");
        }
        Periods.check(from, to);
        String generatedBy = reader.name();
        List<Section> sections = switch (name) {
            case RPT_1 -> monthly.sections(from, to);
            case RPT_2 -> IdleFundsReport.sections(idleFunds.over(from, to));
            case RPT_3 -> calendar.sections(from, to);
            case RPT_4 -> release.hits(from, to);
            case RPT_5 -> release.rejections(from, to);
            case RPT_6 -> reconciliation.sections(from, to);
            case RPT_7 -> release.register(from, to);
            case RPT_8 -> release.exceptions(from, to);
            case RPT_9 -> auditExtract.sections(from, to);
            case RPT_10 -> release.priorApprovals(from, to);
        };
        return new ReportDocument(name.code(), name.title(), from, to, clock.instant(), generatedBy, sections);
    }

    /** The idle-funds picture as of the end of {@code asOf}, with the flows of its calendar quarter. */
    public IdleFundsView idleFunds(LocalDate asOf) {
        return idleFunds.asOf(asOf);
    }

    /** The reports {@code reader} may read, in order. */
    public List<ReportName> readable(Actor reader) {
        return Arrays.stream(ReportName.values())
                .filter(name -> name.readableBy(reader))
                .toList();
    }

    /**
     * The alerts as of {@code asOf} that {@code reader} may see: alerts about screening hits and
     * rejection reports name listed parties and scores, which only the compliance roles (HIT_READ) read.
     */
    public List<Alert> alerts(LocalDate asOf, Actor reader) {
        boolean hits = RoleMatrix.allows(reader, Permission.HIT_READ);
        return alerts.asOf(asOf).stream()
                .filter(alert -> hits || !Alerts.ABOUT_HITS.contains(alert.kind()))
                .toList();
    }

    public Retention retention() {
        return retention;
    }

    public ReportSettings settings() {
        return settings;
    }

    /** Today's business date in the channel's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
