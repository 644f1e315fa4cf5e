package org.corridor.report;

import java.util.Locale;
import java.util.Set;
import org.corridor.InvalidInputException;
import org.corridor.NotFoundException;
import org.corridor.audit.Actor;
import org.corridor.identity.Permission;
import org.corridor.identity.RoleMatrix;

/**
 * The reports of domain.md 6(a) K, each known by its code (RPT-1 .. RPT-10, any case) or its name
 * (idle-funds), with the formats it is produced in.
 */
public enum ReportName {
    // Each report needs, besides REPORT_READ, the permission of the data it holds (issue 15): the
    // hits and their dispositions are the compliance roles', the audit trail the AUDITOR's.
    RPT_1("RPT-1", "monthly-channel-report", "Monthly channel report", true, Permission.HIT_READ),
    RPT_2("RPT-2", "idle-funds", "Idle funds and ageing", true, Permission.REPORT_READ),
    RPT_3("RPT-3", "authorisation-calendar", "Authorisation calendar", true, Permission.AUTHORISATION_READ),
    RPT_4("RPT-4", "screening-hits", "Screening hits and dispositions", false, Permission.HIT_READ),
    RPT_5("RPT-5", "rejected-transactions", "Blocked and rejected transactions", false, Permission.HIT_READ),
    RPT_6("RPT-6", "energy-reconciliation", "Energy reconciliation", false, Permission.SETTLEMENT_READ),
    RPT_7("RPT-7", "disbursement-register", "Disbursement register", false, Permission.RELEASE_READ),
    RPT_8("RPT-8", "post-payment-exceptions", "Post-payment exceptions", false, Permission.RELEASE_READ),
    RPT_9("RPT-9", "audit-extract", "Audit extract", false, Permission.AUDIT_READ),
    RPT_10("RPT-10", "prior-approval-requests", "Prior-approval requests", false, Permission.RELEASE_READ);

    private final String code;
    private final String slug;
    private final String title;
    private final boolean pdf;
    private final Permission data;

    ReportName(String code, String slug, String title, boolean pdf, Permission data) {
        this.code = code;
        this.slug = slug;
        this.title = title;
        this.pdf = pdf;
        this.data = data;
    }

    /** The permission of the data the report holds, which its reader needs besides REPORT_READ. */
    public Permission dataPermission() {
        return data;
    }

    /** True when {@code reader} may read this report: REPORT_READ and the permission of its data. */
    public boolean readableBy(Actor reader) {
        return RoleMatrix.allows(reader, Permission.REPORT_READ) && RoleMatrix.allows(reader, data);
    }

    public String code() {
        return code;
    }

    /** The name in lower case, as the CLI and URLs take it: {@code rpt-2}. */
    public String id() {
        return code.toLowerCase(Locale.ROOT);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Set<ReportFormat> formats() {
        return pdf
                ? Set.of(ReportFormat.CSV, ReportFormat.JSON, ReportFormat.PDF)
                : Set.of(ReportFormat.CSV, ReportFormat.JSON);
    }

    /** Refuses a format this report is not produced in (PDF is for RPT-1, RPT-2 and RPT-3). */
    public void check(ReportFormat format) {
        if (!formats().contains(format)) {
            throw new InvalidInputException(
                    "REPORT_FORMAT_UNSUPPORTED", code + " is produced as csv or json, not " + format.extension());
        }
    }

    /** {@code rpt-2}, {@code RPT-2}, {@code rpt_2} or {@code idle-funds}. */
    public static ReportName parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ReportName name : values()) {
            if (name.id().equals(wanted) || name.slug.equals(wanted)) {
                return name;
            }
        }
        throw new NotFoundException(
                "REPORT_NOT_FOUND", "no report named " + abbreviate(text) + "; the reports are rpt-1 to rpt-10");
    }

    private static String abbreviate(String text) {
        String value = String.valueOf(text);
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
