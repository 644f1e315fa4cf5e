package org.corridor.report;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;

/** Reports, idle funds, alerts, legal holds and retention over HTTP. */
public final class ReportRoutes implements Routes {

    public record ReportInfo(String id, String code, String name, String title, List<String> formats) {}

    // Idle funds (IdleFundsView), alerts, legal holds and the retention check go out as they are.

    public record AlertList(LocalDate asOf, List<Alert> alerts) {}

    public record NewLegalHold(String subject, String reason) {}

    public record HoldRelease(String reason) {}

    private final Reports reports;

    public ReportRoutes(Reports reports) {
        this.reports = reports;
    }

    @Override
    public void register(Api api) {
        registerReports(api);
        registerMonitoring(api);
        registerRetention(api);
    }

    private void registerReports(Api api) {
        api.get("/api/v1/reports")
                .requires(Permission.REPORT_READ)
                .tag("reports")
                .summary("The reports among RPT-1 to RPT-10 that the caller's role may read, with their names and"
                        + " formats")
                .responseList(ReportInfo.class)
                .handle(ctx -> ctx.json(reports.readable(Api.actor(ctx)).stream()
                        .map(n -> new ReportInfo(
                                n.id(),
                                n.code(),
                                n.slug(),
                                n.title(),
                                n.formats().stream()
                                        .map(ReportFormat::extension)
                                        .sorted()
                                        .toList()))
                        .toList()));
        api.get("/api/v1/reports/{name}")
                .requires(Permission.REPORT_READ)
                .tag("reports")
                .summary("One report over [from, to] as a file: json (default), csv, or pdf for RPT-1 to RPT-3;"
                        + " 403 REPORT_NOT_PERMITTED unless the role may read the data it holds")
                .requiredQuery("from", "YYYY-MM-DD, first business date covered")
                .requiredQuery("to", "YYYY-MM-DD, last business date covered")
                .query("format", "json, csv or pdf")
                .produces("application/octet-stream")
                .handle(this::report);
    }

    /** Idle funds and alerts. */
    private void registerMonitoring(Api api) {
        api.get("/api/v1/idle-funds")
                .requires(Permission.REPORT_READ)
                .tag("reports")
                .summary("Idle funds: balances aged by deposit date, utilisation, amounts held by reason, gap days")
                .query("as_of", "YYYY-MM-DD (default: today); the flows cover its calendar quarter")
                .response(IdleFundsView.class)
                .handle(ctx -> ctx.json(reports.idleFunds(asOf(ctx))));
        api.get("/api/v1/alerts")
                .requires(Permission.REPORT_READ)
                .tag("reports")
                .summary("The alerts: authorisation expiry, idle funds, waiting requests, overdue documents, new hits")
                .query("as_of", "YYYY-MM-DD (default: today)")
                .response(AlertList.class)
                .handle(ctx -> {
                    LocalDate asOf = asOf(ctx);
                    ctx.json(new AlertList(asOf, reports.alerts(asOf, Api.actor(ctx))));
                });
    }

    /** Legal holds and the retention check. */
    private void registerRetention(Api api) {
        api.get("/api/v1/legal-holds")
                .requires(Permission.REPORT_READ)
                .tag("retention")
                .summary("Legal holds, active and released")
                .responseList(LegalHold.class)
                .handle(ctx -> ctx.json(reports.retention().holds()));
        api.post("/api/v1/legal-holds")
                .requires(Permission.RETENTION_MANAGE)
                .tag("retention")
                .summary("Place a legal hold on a subject (all, account:NAME, contract:REF, request:ID, ...)")
                .request(NewLegalHold.class)
                .response(LegalHold.class)
                .status(201)
                .handle(ctx -> {
                    NewLegalHold hold = Requests.body(ctx, NewLegalHold.class);
                    ctx.status(201).json(reports.retention().place(Api.actor(ctx), hold.subject(), hold.reason()));
                });
        api.post("/api/v1/legal-holds/{id}/release")
                .requires(Permission.RETENTION_MANAGE)
                .tag("retention")
                .summary("Release a legal hold, with the reason")
                .request(HoldRelease.class)
                .response(LegalHold.class)
                .handle(ctx -> {
                    UUID id = Requests.uuidPath(ctx, "id");
                    HoldRelease release = Requests.body(ctx, HoldRelease.class);
                    reports.retention().get(id);
                    ctx.json(reports.retention().release(Api.actor(ctx), id, release.reason()));
                });
        api.get("/api/v1/retention")
                .requires(Permission.REPORT_READ)
                .tag("retention")
                .summary("Retention: records past retention, eligible or kept by a legal hold (nothing is deleted)")
                .query("as_of", "YYYY-MM-DD (default: today)")
                .response(RetentionView.class)
                .handle(ctx -> ctx.json(reports.retention().check(asOf(ctx))));
    }

    private void report(Context ctx) {
        ReportName name = ReportName.parse(ctx.pathParam("name"));
        LocalDate from = Requests.dateQuery(ctx, "from")
                .orElseThrow(() -> new InvalidInputException("PARAMETER_INVALID", "from is required"));
        LocalDate to = Requests.dateQuery(ctx, "to")
                .orElseThrow(() -> new InvalidInputException("PARAMETER_INVALID", "to is required"));
        ReportFormat format = ReportFormat.parse(Requests.query(ctx, "format").orElse("json"));
        name.check(format);
        ReportDocument document = reports.report(name, from, to, Api.actor(ctx));
        byte[] bytes = ReportRenderer.render(document, format);
        String file = name.id() + "-" + from + "-" + to + "." + format.extension();
        ctx.contentType(format.mediaType() + (format == ReportFormat.PDF ? "" : "; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .result(bytes);
    }

    private LocalDate asOf(Context ctx) {
        return Requests.dateQuery(ctx, "as_of").orElseGet(reports::today);
    }
}
