package org.corridor.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.ExpiryWarning;
import org.corridor.authorisation.Gap;
import org.corridor.authorisation.PendingItem;
import org.corridor.money.Money;
import org.corridor.settlement.Conversion;
import org.corridor.settlement.ConversionExecution;
import org.corridor.settlement.Deposit;
import org.corridor.settlement.Flows;
import org.corridor.settlement.ReconciliationReport;
import org.corridor.settlement.RestrictedAccount;
import org.corridor.settlement.RestrictedTransfer;
import org.corridor.settlement.Settlement;

/** The reports made from settlement and the register: RPT-1, RPT-3 and RPT-6. Reads only; thread-safe. */
final class ChannelReports {

    private final Settlement settlement;
    private final Authorisations authorisations;
    private final ReleaseRecords releases;
    private final ReportSettings settings;

    ChannelReports(
            Settlement settlement, Authorisations authorisations, ReleaseRecords releases, ReportSettings settings) {
        this.settlement = settlement;
        this.authorisations = authorisations;
        this.releases = releases;
        this.settings = settings;
    }

    /** RPT-1: everything that moved in the period, the balances either side and the attempts refused. */
    List<Section> monthly(LocalDate from, LocalDate to) {
        List<Section> sections = new ArrayList<>();
        List<Deposit> deposits = settlement.deposits().list(Optional.empty()).stream()
                .filter(d -> within(d.valueDate(), from, to))
                .toList();
        List<ReleaseRecords.Disbursement> disbursements = releases.disbursements(from, to);
        List<ReleaseRecords.ScreeningHit> hits = releases.hits(from, to);
        List<ReleaseRecords.RejectedEvent> rejections = releases.rejections(from, to);
        long falsePositives = hits.stream()
                .filter(h -> h.decision().equals(Optional.of("FALSE_POSITIVE")))
                .count();
        long trueMatches = hits.stream()
                .filter(h -> h.decision().equals(Optional.of("TRUE_MATCH")))
                .count();
        List<List<String>> executions = conversionRows(from, to);
        sections.add(new Section.Figures(
                "Summary",
                List.of(
                        Section.Figure.of("Period", from + " to " + to),
                        Section.Figure.of("Deposits", Integer.toString(deposits.size())),
                        Section.Figure.of("Conversions and transfers", Integer.toString(executions.size())),
                        Section.Figure.of("Disbursements", Integer.toString(disbursements.size())),
                        Section.Figure.of("Screening hits", Integer.toString(hits.size())),
                        Section.Figure.of("False positives", Long.toString(falsePositives)),
                        Section.Figure.of("True matches", Long.toString(trueMatches)),
                        new Section.Figure(
                                "Rejected or blocked attempts",
                                Integer.toString(rejections.size()),
                                rejections.isEmpty() ? "ok" : "warn"))));
        sections.add(balances(from, to));
        sections.add(Cells.table(
                "Deposits",
                Cells.columns(
                        "value_date",
                        "deposit",
                        "reference",
                        "contract",
                        "account",
                        "currency",
                        "amount#",
                        "rate",
                        "rate_source",
                        "equivalent#",
                        "equivalent_currency",
                        "invoices",
                        "match",
                        "authorisation"),
                deposits.stream()
                        .map(d -> List.of(
                                d.valueDate().toString(),
                                d.id().toString(),
                                d.reference(),
                                d.contractReference(),
                                accountName(d.accountId()),
                                d.amount().currency().code(),
                                Cells.amount(d.amount()),
                                "1 " + d.rate().base() + " = "
                                        + d.rate().value().toPlainString() + " "
                                        + d.rate().quote(),
                                d.rate().source(),
                                Cells.amount(d.equivalent()),
                                d.equivalent().currency().code(),
                                String.join(
                                        " ",
                                        d.allocations().stream()
                                                .map(a -> String.valueOf(a.invoiceNumber()))
                                                .toList()),
                                d.match().name(),
                                d.authorisationReference()))
                        .toList()));
        sections.add(Cells.table(
                "Conversions and transfers",
                Cells.columns(
                        "value_date",
                        "kind",
                        "id",
                        "source",
                        "destination",
                        "currency",
                        "amount#",
                        "rate",
                        "spread_percent#",
                        "spread#",
                        "fee#",
                        "credited#",
                        "credited_currency",
                        "approval_reference",
                        "authorisation"),
                executions));
        disbursementSections(sections, disbursements);
        sections.add(heldTable(to));
        sections.add(rejectionsTable("Rejected or blocked attempts", rejections));
        sections.add(hitsTable(
                "False-positive log",
                hits.stream()
                        .filter(h -> h.decision().equals(Optional.of("FALSE_POSITIVE")))
                        .toList()));
        return sections;
    }

    private Section.Table balances(LocalDate from, LocalDate to) {
        List<List<String>> rows = new ArrayList<>();
        for (RestrictedAccount account : settlement.accounts().list()) {
            Money opening = settlement.lots().balanceAsOf(account.id(), from.minusDays(1));
            Money closing = settlement.lots().balanceAsOf(account.id(), to);
            Flows flows = settlement.lots().flows(account.id(), from, to);
            rows.add(List.of(
                    account.name(),
                    account.holder(),
                    account.currency().code(),
                    Cells.amount(opening),
                    Cells.amount(flows.openingBalancesRecorded()),
                    Cells.amount(flows.deposited()),
                    Cells.amount(flows.convertedIn()),
                    Cells.amount(flows.transferredIn()),
                    Cells.amount(flows.convertedOut()),
                    Cells.amount(flows.transferredOut()),
                    Cells.amount(flows.disbursed()),
                    Cells.amount(closing)));
        }
        return Cells.table(
                "Opening and closing balances",
                Cells.columns(
                        "account",
                        "holder",
                        "currency",
                        "opening#",
                        "legacy_balances_recorded#",
                        "deposited#",
                        "converted_in#",
                        "transferred_in#",
                        "converted_out#",
                        "transferred_out#",
                        "disbursed#",
                        "closing#"),
                rows);
    }

    private List<List<String>> conversionRows(LocalDate from, LocalDate to) {
        List<List<String>> rows = new ArrayList<>();
        for (Conversion conversion : settlement.conversions().list()) {
            for (ConversionExecution execution : conversion.executions()) {
                if (!within(execution.valueDate(), from, to)) {
                    continue;
                }
                rows.add(List.of(
                        execution.valueDate().toString(),
                        "CONVERSION",
                        execution.id().toString(),
                        accountName(conversion.sourceAccountId()),
                        accountName(conversion.destinationAccountId()),
                        execution.quote().amount().currency().code(),
                        Cells.amount(execution.quote().amount()),
                        "1 " + execution.rate().base() + " = "
                                + execution.rate().value().toPlainString() + " "
                                + execution.rate().quote(),
                        conversion.spreadPercent().toPlainString(),
                        Cells.amount(execution.quote().spread()),
                        Cells.amount(execution.quote().fee()),
                        Cells.amount(execution.quote().target()),
                        execution.quote().target().currency().code(),
                        conversion.approvalReference().orElse(""),
                        execution.authorisationReference()));
            }
        }
        for (RestrictedTransfer transfer : settlement.transfers().list()) {
            if (!within(transfer.valueDate(), from, to)) {
                continue;
            }
            rows.add(List.of(
                    transfer.valueDate().toString(),
                    "TRANSFER",
                    transfer.id().toString(),
                    accountName(transfer.sourceAccountId()),
                    accountName(transfer.destinationAccountId()),
                    transfer.amount().currency().code(),
                    Cells.amount(transfer.amount()),
                    "",
                    "",
                    "",
                    "",
                    Cells.amount(transfer.amount()),
                    transfer.amount().currency().code(),
                    transfer.approvalReference().orElse(""),
                    transfer.authorisationReference()));
        }
        rows.sort((one, other) -> one.get(0).compareTo(other.get(0)));
        return rows;
    }

    static void disbursementSections(List<Section> sections, List<ReleaseRecords.Disbursement> disbursements) {
        sections.add(Cells.table(
                "Disbursements",
                Cells.columns(
                        "value_date",
                        "request",
                        "source_account",
                        "vendor",
                        "vendor_country",
                        "vendor_bank",
                        "purchaser",
                        "end_user",
                        "end_user_type",
                        "currency",
                        "amount#",
                        "authorisation",
                        "approval_reference",
                        "approvals",
                        "shipment"),
                disbursements.stream()
                        .map(d -> List.of(
                                d.valueDate().toString(),
                                d.requestId(),
                                d.sourceAccount(),
                                d.vendor(),
                                d.vendorCountry(),
                                d.vendorBank(),
                                d.purchaser(),
                                d.endUser(),
                                d.endUserType(),
                                d.amount().currency().code(),
                                Cells.amount(d.amount()),
                                d.authorisationReference(),
                                d.approvalReference().orElse(""),
                                d.approvals(),
                                d.shipment()))
                        .toList()));
        List<List<String>> lines = new ArrayList<>();
        for (ReleaseRecords.Disbursement disbursement : disbursements) {
            for (ReleaseRecords.GoodsLine line : disbursement.lines()) {
                lines.add(List.of(
                        disbursement.requestId(),
                        line.description(),
                        line.hsCode(),
                        line.category(),
                        line.quantity(),
                        line.unitPrice().currency().code(),
                        Cells.amount(line.unitPrice()),
                        Cells.amount(line.amount())));
            }
        }
        sections.add(Cells.table(
                "Goods lines",
                Cells.columns(
                        "request", "goods", "hs_code", "category", "quantity#", "currency", "unit_price#", "amount#"),
                lines));
    }

    private Section.Table heldTable(LocalDate asOf) {
        return Cells.table(
                "Held requests at the end of the period",
                Cells.columns("request", "reason", "currency", "amount#", "since", "days#"),
                releases.heldAsOf(asOf).stream()
                        .map(h -> List.of(
                                h.requestId(),
                                h.reason(),
                                h.amount().currency().code(),
                                Cells.amount(h.amount()),
                                h.since().toString(),
                                Long.toString(ChronoUnit.DAYS.between(h.since(), asOf))))
                        .toList());
    }

    static Section.Table rejectionsTable(String title, List<ReleaseRecords.RejectedEvent> events) {
        return Cells.table(
                title,
                Cells.columns(
                        "event",
                        "request",
                        "party",
                        "reason",
                        "currency",
                        "amount#",
                        "occurred_on",
                        "report_due_on",
                        "reported_on"),
                events.stream()
                        .map(e -> List.of(
                                e.eventId(),
                                e.requestId(),
                                e.party(),
                                e.reason(),
                                e.amount().map(m -> m.currency().code()).orElse(""),
                                Cells.amount(e.amount()),
                                e.occurredOn().toString(),
                                e.reportDueOn().toString(),
                                Cells.text(e.reportedOn())))
                        .toList());
    }

    static Section.Table hitsTable(String title, List<ReleaseRecords.ScreeningHit> hits) {
        return Cells.table(
                title,
                Cells.columns(
                        "hit",
                        "request",
                        "party",
                        "list",
                        "listed_name",
                        "score#",
                        "analyst",
                        "reviewer",
                        "decision",
                        "rationale",
                        "raised_at",
                        "decided_at",
                        "minutes_to_decision#"),
                hits.stream()
                        .map(h -> List.of(
                                h.hitId(),
                                h.requestId(),
                                h.party(),
                                h.listName(),
                                h.listedName(),
                                h.score().toPlainString(),
                                Cells.text(h.analyst()),
                                Cells.text(h.reviewer()),
                                Cells.text(h.decision()),
                                h.rationale(),
                                h.raisedAt().toString(),
                                Cells.text(h.decidedAt()),
                                h.decidedAt()
                                        .map(at -> Long.toString(ChronoUnit.MINUTES.between(h.raisedAt(), at)))
                                        .orElse("")))
                        .toList());
    }

    /** RPT-3: the register over the period, its gaps, what expires soon and what it affects. */
    List<Section> calendar(LocalDate from, LocalDate to) {
        List<Authorisation> register = authorisations.list();
        List<Gap> gaps = authorisations.gaps(Optional.of(to)).stream()
                .filter(g -> !g.to().isBefore(from) && !g.from().isAfter(to))
                .toList();
        List<ExpiryWarning> warnings = authorisations.expiryWarnings(to, settings.expiryLeadDays());
        long gapDays = gaps.stream()
                .mapToLong(g -> ChronoUnit.DAYS.between(
                                g.from().isBefore(from) ? from : g.from(), g.to().isAfter(to) ? to : g.to())
                        + 1)
                .sum();
        Map<String, String> renewals = new TreeMap<>();
        for (Authorisation authorisation : register) {
            authorisation
                    .predecessorId()
                    .ifPresent(id -> register.stream()
                            .filter(a -> a.id().equals(id))
                            .findFirst()
                            .ifPresent(
                                    predecessor -> renewals.put(predecessor.reference(), authorisation.reference())));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section.Figures(
                "Summary",
                List.of(
                        Section.Figure.of("Period", from + " to " + to),
                        Section.Figure.of(
                                "Valid on " + to,
                                Integer.toString(authorisations.validOn(to).size())),
                        new Section.Figure(
                                "Gap days in the period", Long.toString(gapDays), gapDays > 0 ? "bad" : "ok"),
                        new Section.Figure(
                                "Expiring within " + maxLead() + " days",
                                Integer.toString(warnings.size()),
                                warnings.isEmpty() ? "ok" : "warn"))));
        sections.add(new Section.Timeline(
                "Authorisation timeline",
                from,
                to,
                register.stream()
                        .filter(a ->
                                !a.validTo().isBefore(from) && !a.validFrom().isAfter(to))
                        .map(a -> new Section.Span(a.reference(), a.validFrom(), a.validTo(), tone(a, to)))
                        .toList(),
                gaps.stream()
                        .map(g -> new Section.Span("gap " + g.series(), g.from(), g.to(), "bad"))
                        .toList()));
        sections.add(Cells.table(
                "Authorisations",
                Cells.columns(
                        "reference",
                        "type",
                        "series",
                        "issuer",
                        "valid_from",
                        "valid_to",
                        "days#",
                        "status_on_" + to,
                        "renewed_by",
                        "conditions"),
                register.stream()
                        .map(a -> List.of(
                                a.reference(),
                                a.type().name(),
                                a.series(),
                                a.issuer(),
                                a.validFrom().toString(),
                                a.validTo().toString(),
                                Long.toString(a.days()),
                                status(a, to),
                                renewals.getOrDefault(a.reference(), ""),
                                a.conditions()))
                        .toList()));
        sections.add(Cells.table(
                "Gaps",
                Cells.columns("series", "from", "to", "days#", "preceding", "following", "open"),
                gaps.stream()
                        .map(g -> List.of(
                                g.series(),
                                g.from().toString(),
                                g.to().toString(),
                                Long.toString(g.days()),
                                g.precedingReference(),
                                g.followingReference().orElse(""),
                                Boolean.toString(g.open())))
                        .toList()));
        List<List<String>> affected = new ArrayList<>();
        for (ExpiryWarning warning : warnings) {
            for (PendingItem item : warning.affectedItems()) {
                affected.add(List.of(
                        warning.authorisation().reference(),
                        warning.authorisation().validTo().toString(),
                        item.kind(),
                        item.reference(),
                        item.amount().map(m -> m.currency().code()).orElse(""),
                        Cells.amount(item.amount()),
                        Cells.text(item.plannedDate())));
            }
        }
        sections.add(Cells.table(
                "Expiring authorisations",
                Cells.columns(
                        "reference", "valid_to", "days_remaining#", "lead_days#", "renewed_by", "affected_items#"),
                warnings.stream()
                        .map(w -> List.of(
                                w.authorisation().reference(),
                                w.authorisation().validTo().toString(),
                                Long.toString(w.daysRemaining()),
                                Integer.toString(w.leadDays()),
                                w.renewedBy().orElse(""),
                                Integer.toString(w.affectedItems().size())))
                        .toList()));
        sections.add(Cells.table(
                "Items affected by expiry",
                Cells.columns("authorisation", "valid_to", "kind", "item", "currency", "amount#", "planned_date"),
                affected));
        sections.add(Cells.table(
                "Items held for want of an authorisation",
                Cells.columns("request", "currency", "amount#", "since"),
                releases.heldAsOf(to).stream()
                        .filter(h -> h.reason().equals("AUTHORISATION_GAP"))
                        .map(h -> List.of(
                                h.requestId(),
                                h.amount().currency().code(),
                                Cells.amount(h.amount()),
                                h.since().toString()))
                        .toList()));
        return sections;
    }

    private int maxLead() {
        return settings.expiryLeadDays().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
    }

    private String status(Authorisation authorisation, LocalDate on) {
        if (on.isBefore(authorisation.validFrom())) {
            return "NOT_YET_VALID";
        }
        if (on.isAfter(authorisation.validTo())) {
            return "EXPIRED";
        }
        return ChronoUnit.DAYS.between(on, authorisation.validTo()) <= maxLead() ? "EXPIRING" : "ACTIVE";
    }

    private String tone(Authorisation authorisation, LocalDate on) {
        return switch (status(authorisation, on)) {
            case "EXPIRING" -> "warn";
            case "EXPIRED" -> "";
            default -> "ok";
        };
    }

    /** RPT-6: settlement's reconciliation as report tables. */
    List<Section> reconciliation(LocalDate from, LocalDate to) {
        ReconciliationReport report = settlement.reconciliation().report(from, to);
        List<Section> sections = new ArrayList<>();
        sections.add(Cells.table(
                "Reconciliation per contract and month",
                Cells.columns(
                        "contract",
                        "seller",
                        "buyer",
                        "commodity",
                        "month",
                        "invoice",
                        "metered_quantity#",
                        "disputed_quantity#",
                        "unit",
                        "invoiced_quantity#",
                        "price_unit",
                        "unit_price#",
                        "currency",
                        "invoiced#",
                        "credit_notes#",
                        "debit_notes#",
                        "net_invoiced#",
                        "paid#",
                        "paid_in_deposit_currency#",
                        "deposit_currency",
                        "deposit_rates",
                        "outstanding#",
                        "status",
                        "dispute",
                        "flags"),
                report.rows().stream()
                        .map(r -> List.of(
                                r.contract(),
                                r.seller(),
                                r.buyer(),
                                r.commodity().name(),
                                r.month(),
                                r.invoice(),
                                r.meteredQuantity().toPlainString(),
                                r.disputedQuantity().toPlainString(),
                                r.unit().name(),
                                r.invoicedQuantity().toPlainString(),
                                r.priceUnit().name(),
                                r.unitPrice().toPlainString(),
                                r.invoiced().currency().code(),
                                Cells.amount(r.invoiced()),
                                Cells.amount(r.creditNotes()),
                                Cells.amount(r.debitNotes()),
                                Cells.amount(r.netInvoiced()),
                                Cells.amount(r.paid()),
                                Cells.amount(r.paidInDepositCurrency()),
                                r.paidInDepositCurrency().currency().code(),
                                String.join(" ", r.depositRates()),
                                Cells.amount(r.outstanding()),
                                r.status(),
                                r.dispute(),
                                String.join(" ", r.flags())))
                        .toList()));
        sections.add(Cells.table(
                "Arrears per contract",
                Cells.columns(
                        "contract", "as_of", "currency", "net_invoiced#", "paid#", "unapplied_credit#", "arrears#"),
                report.contracts().stream()
                        .map(c -> List.of(
                                c.contract(),
                                c.asOf().toString(),
                                c.netInvoiced().currency().code(),
                                Cells.amount(c.netInvoiced()),
                                Cells.amount(c.paid()),
                                Cells.amount(c.unappliedCredit()),
                                Cells.amount(c.arrears())))
                        .toList()));
        return sections;
    }

    private String accountName(UUID id) {
        return settlement.accounts().list().stream()
                .filter(a -> a.id().equals(id))
                .map(RestrictedAccount::name)
                .findFirst()
                .orElse(id.toString());
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
