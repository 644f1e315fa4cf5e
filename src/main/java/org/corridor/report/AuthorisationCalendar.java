package org.corridor.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.corridor.authorisation.Authorisation;
import org.corridor.authorisation.Authorisations;
import org.corridor.authorisation.ExpiryWarning;
import org.corridor.authorisation.Gap;
import org.corridor.authorisation.PendingItem;

/**
 * RPT-3, the authorisation calendar: the register over the period, its gaps, what expires soon and
 * what it affects. Reads only; thread-safe.
 */
record AuthorisationCalendar(Authorisations authorisations, ReleaseRecords releases, ReportSettings settings) {

    List<Section> sections(LocalDate from, LocalDate to) {
        List<Authorisation> register = authorisations.list();
        List<Gap> gaps = authorisations.gaps(Optional.of(to)).stream()
                .filter(g -> !g.to().isBefore(from) && !g.from().isAfter(to))
                .toList();
        List<ExpiryWarning> warnings = authorisations.expiryWarnings(to, settings.expiryLeadDays());
        List<Section> sections = new ArrayList<>();
        sections.add(summary(from, to, gaps, warnings));
        sections.add(timeline(from, to, register, gaps));
        sections.add(register(to, register));
        sections.add(gaps(gaps));
        sections.add(expiring(warnings));
        sections.add(affected(warnings));
        sections.add(heldForGaps(to));
        return sections;
    }

    private Section.Figures summary(LocalDate from, LocalDate to, List<Gap> gaps, List<ExpiryWarning> warnings) {
        long gapDays = gaps.stream()
                .mapToLong(g -> ChronoUnit.DAYS.between(
                                g.from().isBefore(from) ? from : g.from(), g.to().isAfter(to) ? to : g.to())
                        + 1)
                .sum();
        return new Section.Figures(
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
                                warnings.isEmpty() ? "ok" : "warn")));
    }

    private Section.Timeline timeline(LocalDate from, LocalDate to, List<Authorisation> register, List<Gap> gaps) {
        return new Section.Timeline(
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
                        .toList());
    }

    private Section.Table register(LocalDate to, List<Authorisation> register) {
        Map<String, String> renewals = renewals(register);
        return Cells.table(
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
                        .toList());
    }

    /** Which authorisation renewed which: predecessor reference to successor reference. */
    private static Map<String, String> renewals(List<Authorisation> register) {
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
        return renewals;
    }

    private static Section.Table gaps(List<Gap> gaps) {
        return Cells.table(
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
                        .toList());
    }

    private static Section.Table expiring(List<ExpiryWarning> warnings) {
        return Cells.table(
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
                        .toList());
    }

    private static Section.Table affected(List<ExpiryWarning> warnings) {
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
        return Cells.table(
                "Items affected by expiry",
                Cells.columns("authorisation", "valid_to", "kind", "item", "currency", "amount#", "planned_date"),
                affected);
    }

    private Section.Table heldForGaps(LocalDate asOf) {
        return Cells.table(
                "Items held for want of an authorisation",
                Cells.columns("request", "currency", "amount#", "since"),
                releases.heldAsOf(asOf).stream()
                        .filter(h -> h.reason().equals("AUTHORISATION_GAP"))
                        .map(h -> List.of(
                                h.requestId(),
                                h.amount().currency().code(),
                                Cells.amount(h.amount()),
                                h.since().toString()))
                        .toList());
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
}
