package org.corridor.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables of the release feature's records, shared by the reports that show them: disbursements with
 * their goods lines (RPT-1), rejected or blocked attempts (RPT-1, RPT-5) and screening hits (RPT-1,
 * RPT-4).
 */
final class ReleaseTables {

    private ReleaseTables() {}

    static Section.Table disbursements(List<ReleaseRecords.Disbursement> disbursements) {
        return Cells.table(
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
                        .toList());
    }

    /** The goods lines of the disbursements, by request. */
    static Section.Table goodsLines(List<ReleaseRecords.Disbursement> disbursements) {
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
        return Cells.table(
                "Goods lines",
                Cells.columns(
                        "request", "goods", "hs_code", "category", "quantity#", "currency", "unit_price#", "amount#"),
                lines);
    }

    static Section.Table rejections(String title, List<ReleaseRecords.RejectedEvent> events) {
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

    static Section.Table hits(String title, List<ReleaseRecords.ScreeningHit> hits) {
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
}
