package org.corridor.report;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.InvalidInputException;
import org.corridor.http.Api;
import org.corridor.http.Requests;
import org.corridor.http.Routes;
import org.corridor.identity.Permission;
import org.corridor.money.Money;

/** Reports, idle funds, alerts, legal holds and retention over HTTP. */
public final class ReportRoutes implements Routes {

    /** An amount on the wire: a decimal string and its currency code. */
    public record Amount(String amount, String currency) {
        static Amount of(Money money) {
            return new Amount(money.toDecimalString(), money.currency().code());
        }
    }

    public record ReportInfo(String id, String code, String name, String title, List<String> formats) {}

    public record RateView(String currency, String perEur, String source, LocalDate date) {}

    public record AccountView(
            String account,
            String holder,
            String bank,
            String country,
            Amount balance,
            Optional<Amount> balanceEur,
            Amount days0To30,
            Amount days31To90,
            Amount days91To365,
            Amount over365Days,
            Optional<LocalDate> oldestValueDate,
            long oldestDays,
            String status,
            Amount idle,
            Amount approachingIdle) {}

    public record UtilisationView(
            String period, Amount depositedEur, Amount disbursedEur, Optional<BigDecimal> utilisationPercent) {}

    public record HeldView(
            String reference,
            String reason,
            Amount amount,
            Optional<Amount> amountEur,
            LocalDate since,
            long days,
            String source) {}

    public record HeldTotalView(String reason, Amount amountEur, int items) {}

    public record GapView(
            String series,
            LocalDate from,
            LocalDate to,
            long days,
            String precedingReference,
            Optional<String> followingReference) {}

    public record IdleFundsResponse(
            LocalDate asOf,
            LocalDate periodFrom,
            LocalDate periodTo,
            List<RateView> rates,
            List<AccountView> accounts,
            Amount totalEur,
            Amount olderThan90DaysEur,
            Optional<BigDecimal> olderThan90DaysPercent,
            Amount depositedEur,
            Amount disbursedEur,
            Optional<BigDecimal> utilisationPercent,
            List<UtilisationView> utilisation,
            List<HeldView> held,
            List<HeldTotalView> heldByReason,
            long gapDays,
            List<GapView> gaps,
            Optional<String> note) {

        static IdleFundsResponse of(IdleFundsView v) {
            return new IdleFundsResponse(
                    v.asOf(),
                    v.periodFrom(),
                    v.periodTo(),
                    v.rates().stream()
                            .map(r ->
                                    new RateView(r.currency().code(), r.perEur().toPlainString(), r.source(), r.date()))
                            .toList(),
                    v.accounts().stream()
                            .map(a -> new AccountView(
                                    a.account(),
                                    a.holder(),
                                    a.bank(),
                                    a.country(),
                                    Amount.of(a.balance()),
                                    a.balanceEur().map(Amount::of),
                                    Amount.of(a.days0To30()),
                                    Amount.of(a.days31To90()),
                                    Amount.of(a.days91To365()),
                                    Amount.of(a.over365Days()),
                                    a.oldestValueDate(),
                                    a.oldestDays(),
                                    a.status(),
                                    Amount.of(a.idle()),
                                    Amount.of(a.approachingIdle())))
                            .toList(),
                    Amount.of(v.totalEur()),
                    Amount.of(v.olderThan90DaysEur()),
                    v.olderThan90DaysPercent(),
                    Amount.of(v.depositedEur()),
                    Amount.of(v.disbursedEur()),
                    v.utilisationPercent(),
                    v.utilisation().stream()
                            .map(u -> new UtilisationView(
                                    u.period(),
                                    Amount.of(u.depositedEur()),
                                    Amount.of(u.disbursedEur()),
                                    u.utilisationPercent()))
                            .toList(),
                    v.held().stream()
                            .map(h -> new HeldView(
                                    h.reference(),
                                    h.reason(),
                                    Amount.of(h.amount()),
                                    h.amountEur().map(Amount::of),
                                    h.since(),
                                    h.days(),
                                    h.source()))
                            .toList(),
                    v.heldByReason().stream()
                            .map(t -> new HeldTotalView(t.reason(), Amount.of(t.amountEur()), t.items()))
                            .toList(),
                    v.gapDays(),
                    v.gaps().stream()
                            .map(g -> new GapView(
                                    g.series(),
                                    g.from(),
                                    g.to(),
                                    g.days(),
                                    g.precedingReference(),
                                    g.followingReference()))
                            .toList(),
                    v.note());
        }
    }

    public record AlertView(
            String kind,
            String severity,
            String subject,
            String message,
            Optional<LocalDate> since,
            Optional<Amount> amount) {
        static AlertView of(Alert alert) {
            return new AlertView(
                    alert.kind(),
                    alert.severity(),
                    alert.subject(),
                    alert.message(),
                    alert.since(),
                    alert.amount().map(Amount::of));
        }
    }

    public record AlertList(LocalDate asOf, List<AlertView> alerts) {}

    public record NewLegalHold(String subject, String reason) {}

    public record HoldRelease(String reason) {}

    private final Reports reports;

    public ReportRoutes(Reports reports) {
        this.reports = reports;
    }

    @Override
    public void register(Api api) {
        api.get("/api/v1/reports")
                .requires(Permission.REPORT_READ)
                .tag("reports")
                .summary("The reports RPT-1 to RPT-10, with their names and formats")
                .responseList(ReportInfo.class)
                .handle(ctx -> ctx.json(List.of(ReportName.values()).stream()
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
                .summary("One report over [from, to] as a file: json (default), csv, or pdf for RPT-1 to RPT-3")
                .requiredQuery("from", "YYYY-MM-DD, first business date covered")
                .requiredQuery("to", "YYYY-MM-DD, last business date covered")
                .query("format", "json, csv or pdf")
                .produces("application/octet-stream")
                .handle(this::report);
        api.get("/api/v1/idle-funds")
                .requires(Permission.REPORT_READ)
                .tag("reports")
                .summary("FR-31: balances aged by deposit date, utilisation, amounts held by reason, gap days")
                .query("as_of", "YYYY-MM-DD (default: today); the flows cover its calendar quarter")
                .response(IdleFundsResponse.class)
                .handle(ctx -> ctx.json(IdleFundsResponse.of(reports.idleFunds(asOf(ctx)))));
        api.get("/api/v1/alerts")
                .requires(Permission.REPORT_READ)
                .tag("reports")
                .summary("FR-32: authorisation expiry, idle funds, waiting requests, overdue documents, new hits")
                .query("as_of", "YYYY-MM-DD (default: today)")
                .response(AlertList.class)
                .handle(ctx -> {
                    LocalDate asOf = asOf(ctx);
                    ctx.json(new AlertList(
                            asOf,
                            reports.alerts(asOf).stream().map(AlertView::of).toList()));
                });
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
                .summary("FR-34: records past retention, eligible or kept by a legal hold (nothing is deleted)")
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
        ReportDocument document = reports.report(name, from, to, Api.user(ctx).name());
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
