package org.corridor.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.money.Money;

/**
 * The reports made from the release feature's records through {@link ReleaseRecords}: RPT-4,
 * RPT-5, RPT-7, RPT-8 and RPT-10. With {@link ReleaseRecords#NONE} they are empty tables.
 */
record ReleaseReports(ReleaseRecords releases) {

    /** RPT-4. */
    List<Section> hits(LocalDate from, LocalDate to) {
        List<ReleaseRecords.ScreeningHit> hits = releases.hits(from, to);
        return List.of(ReleaseTables.hits("Screening hits and dispositions", hits));
    }

    /** RPT-5: each event with the date its report is due (10 business days by default). */
    List<Section> rejections(LocalDate from, LocalDate to) {
        return List.of(ReleaseTables.rejections("Blocked and rejected transactions", releases.rejections(from, to)));
    }

    /** RPT-7: every line, then totals by category, HS chapter, vendor country and end-user type. */
    List<Section> register(LocalDate from, LocalDate to) {
        List<ReleaseRecords.Disbursement> disbursements = releases.disbursements(from, to);
        List<Section> sections = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        for (ReleaseRecords.Disbursement d : disbursements) {
            for (ReleaseRecords.GoodsLine line : d.lines()) {
                lines.add(List.of(
                        d.valueDate().toString(),
                        d.requestId(),
                        line.category(),
                        chapter(line.hsCode()),
                        line.hsCode(),
                        line.description(),
                        d.vendor(),
                        d.vendorCountry(),
                        d.endUserType(),
                        line.amount().currency().code(),
                        Cells.amount(line.amount())));
            }
        }
        sections.add(Cells.table(
                "Disbursed goods lines",
                Cells.columns(
                        "value_date",
                        "request",
                        "category",
                        "hs_chapter",
                        "hs_code",
                        "goods",
                        "vendor",
                        "vendor_country",
                        "end_user_type",
                        "currency",
                        "amount#"),
                lines));
        sections.add(totals("By category", "category", disbursements, (d, l) -> l.category()));
        sections.add(totals("By HS chapter", "hs_chapter", disbursements, (d, l) -> chapter(l.hsCode())));
        sections.add(totals("By vendor country", "vendor_country", disbursements, (d, l) -> d.vendorCountry()));
        sections.add(totals("By end-user type", "end_user_type", disbursements, (d, l) -> d.endUserType()));
        return sections;
    }

    private interface Key {
        String of(ReleaseRecords.Disbursement disbursement, ReleaseRecords.GoodsLine line);
    }

    private static Section.Table totals(
            String title, String keyColumn, List<ReleaseRecords.Disbursement> disbursements, Key key) {
        Map<List<String>, Money> sums = new TreeMap<>(
                (one, other) -> (one.get(0) + "\u0000" + one.get(1)).compareTo(other.get(0) + "\u0000" + other.get(1)));
        Map<List<String>, Integer> counts = new TreeMap<>(
                (one, other) -> (one.get(0) + "\u0000" + one.get(1)).compareTo(other.get(0) + "\u0000" + other.get(1)));
        for (ReleaseRecords.Disbursement d : disbursements) {
            for (ReleaseRecords.GoodsLine line : d.lines()) {
                List<String> group =
                        List.of(key.of(d, line), line.amount().currency().code());
                sums.merge(group, line.amount(), Money::plus);
                counts.merge(group, 1, Integer::sum);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        sums.forEach((group, sum) ->
                rows.add(List.of(group.get(0), group.get(1), Integer.toString(counts.get(group)), Cells.amount(sum))));
        return Cells.table(title, Cells.columns(keyColumn, "currency", "lines#", "amount#"), rows);
    }

    /** The HS chapter: the first two digits of the code. */
    static String chapter(String hsCode) {
        String digits = hsCode.replaceAll("[^0-9]", "");
        return digits.length() >= 2 ? digits.substring(0, 2) : digits;
    }

    /** RPT-8: documents due by {@code to} and not received, or received late. */
    List<Section> exceptions(LocalDate from, LocalDate to) {
        List<List<String>> rows = new ArrayList<>();
        for (ReleaseRecords.FollowUp followUp : releases.followUpsAsOf(to)) {
            String status;
            if (followUp.receivedOn().isPresent()) {
                if (!followUp.receivedOn().get().isAfter(followUp.dueOn())) {
                    continue;
                }
                status = "RECEIVED_LATE";
            } else if (followUp.dueOn().isBefore(from)) {
                status = "MISSING_OVERDUE_BEFORE_PERIOD";
            } else {
                status = followUp.dueOn().isAfter(to) ? "OPEN_NOT_YET_DUE" : "MISSING_OVERDUE";
            }
            rows.add(List.of(
                    followUp.requestId(),
                    followUp.document(),
                    followUp.dueOn().toString(),
                    Cells.text(followUp.receivedOn()),
                    status));
        }
        return List.of(Cells.table(
                "Post-payment exceptions",
                Cells.columns("request", "document", "due_on", "received_on", "status"),
                rows));
    }

    /** RPT-10: requests to the Authority and where each stands. */
    List<Section> priorApprovals(LocalDate from, LocalDate to) {
        return List.of(Cells.table(
                "Prior-approval and pre-notification requests",
                Cells.columns(
                        "request",
                        "kind",
                        "authority",
                        "sent_on",
                        "currency",
                        "amount#",
                        "status",
                        "answer_reference",
                        "answered_on"),
                releases.priorApprovals(from, to).stream()
                        .map(p -> List.of(
                                p.requestId(),
                                p.kind(),
                                p.authority(),
                                p.sentOn().toString(),
                                p.amount().currency().code(),
                                Cells.amount(p.amount()),
                                p.status(),
                                Cells.text(p.answerReference()),
                                Cells.text(p.answeredOn())))
                        .toList()));
    }
}
