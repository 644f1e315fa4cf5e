package org.corridor.vessel;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.corridor.ownership.Listing;
import org.corridor.ownership.OwnershipAssessment;
import org.corridor.ownership.OwnershipStatus;
import org.corridor.ownership.SharePercent;

/**
 * Weighs what is known about a vessel under one version of the rules, as of one date, and names
 * every reason with the decision it calls for. Pure: no lookups, no clock. Thread-safe.
 */
final class VesselScreener {

    /** What the screening found out before weighing it. */
    record Facts(
            Optional<Imo> imo,
            Optional<String> name,
            Optional<String> flagState,
            Optional<Listing> imoListing,
            List<Listing> nameMatches,
            Optional<OwnershipAssessment> registeredOwner,
            Optional<OwnershipAssessment> manager,
            List<RiskIndicator> indicators) {}

    private VesselScreener() {}

    static List<VesselReason> reasons(Facts facts, VesselRules rules, LocalDate on) {
        List<VesselReason> reasons = new ArrayList<>();
        facts.imoListing()
                .ifPresent(listing -> reasons.add(new VesselReason(
                        VesselReason.Code.IMO_LISTED,
                        VesselDecision.BLOCKED,
                        facts.imo().orElseThrow() + " is listed: " + listing.describe())));
        facts.imo()
                .filter(imo -> !imo.checkDigitValid())
                .ifPresent(imo -> reasons.add(new VesselReason(
                        VesselReason.Code.IMO_CHECK_DIGIT,
                        VesselDecision.ESCALATE,
                        imo + " fails its check digit (" + imo.expectedCheckDigit()
                                + " expected): an altered or invented IMO number, one of the deceptive practices"
                                + " of the May 2020 advisory")));
        for (Listing match : facts.nameMatches()) {
            if (facts.imoListing()
                    .map(listing -> listing.ref().equals(match.ref()))
                    .orElse(false)) {
                continue;
            }
            reasons.add(new VesselReason(
                    VesselReason.Code.NAME_MATCH,
                    VesselDecision.ESCALATE,
                    "the name \"" + facts.name().orElse("") + "\" resembles a listed vessel, score "
                            + match.score().toPlainString() + ": " + match.describe()));
        }
        facts.registeredOwner()
                .ifPresent(assessment -> party(
                        reasons,
                        "registered owner",
                        assessment,
                        VesselReason.Code.REGISTERED_OWNER_BLOCKED,
                        VesselReason.Code.REGISTERED_OWNER_ESCALATED));
        facts.manager()
                .ifPresent(assessment -> party(
                        reasons,
                        "manager",
                        assessment,
                        VesselReason.Code.MANAGER_BLOCKED,
                        VesselReason.Code.MANAGER_ESCALATED));
        facts.flagState()
                .filter(rules.highRiskFlags()::contains)
                .ifPresent(flag -> reasons.add(new VesselReason(
                        VesselReason.Code.FLAG_HIGH_RISK,
                        VesselDecision.ESCALATE,
                        "flag state " + flag + " is on the high-risk list " + rules.highRiskFlags())));
        indicators(reasons, facts.indicators(), rules, on);
        return reasons;
    }

    static VesselDecision decision(List<VesselReason> reasons) {
        VesselDecision decision = VesselDecision.CLEAR;
        for (VesselReason reason : reasons) {
            decision = decision.atLeast(reason.effect());
        }
        return decision;
    }

    private static void party(
            List<VesselReason> reasons,
            String role,
            OwnershipAssessment assessment,
            VesselReason.Code blocked,
            VesselReason.Code escalated) {
        OwnershipStatus status = assessment.status();
        if (status == OwnershipStatus.CLEAR) {
            return;
        }
        String detail = role + " " + assessment.party().name() + " ("
                + assessment.party().id() + ") is " + status
                + ": blocked share " + SharePercent.format(assessment.blockedSharePercent()) + "%"
                + assessment.reasons().stream()
                        .map(reason -> "; " + reason.detail())
                        .reduce("", String::concat);
        if (status.blocked()) {
            reasons.add(new VesselReason(blocked, VesselDecision.BLOCKED, detail));
        } else {
            reasons.add(new VesselReason(escalated, VesselDecision.ESCALATE, detail));
        }
    }

    private static void indicators(
            List<VesselReason> reasons, List<RiskIndicator> all, VesselRules rules, LocalDate on) {
        // Screening speaks as of a date: observations after it are not yet known.
        List<RiskIndicator> known = all.stream()
                .filter(indicator -> !indicator.observedOn().isAfter(on))
                .sorted(Comparator.comparing(RiskIndicator::observedOn))
                .toList();
        LocalDate aisFrom = on.minusDays(rules.aisLookbackDays());
        LocalDate stsFrom = on.minusDays(rules.stsLookbackDays());
        LocalDate flagFrom = on.minusMonths(rules.flagChangeMonths());
        LocalDate hoppingFrom = on.minusMonths(rules.flagHoppingMonths());
        List<RiskIndicator> hops = new ArrayList<>();
        for (RiskIndicator indicator : known) {
            LocalDate date = indicator.observedOn();
            switch (indicator.kind()) {
                case AIS_GAP -> {
                    if (!date.isBefore(aisFrom)
                            && indicator.durationHours().orElseThrow().compareTo(rules.aisGapHours()) >= 0) {
                        reasons.add(aisGap(indicator, rules));
                    }
                }
                case STS_TRANSFER -> {
                    if (!date.isBefore(stsFrom)) {
                        reasons.add(stsTransfer(indicator, rules));
                    }
                }
                case FLAG_CHANGE -> {
                    if (!date.isBefore(flagFrom)) {
                        reasons.add(flagChange(indicator, rules));
                    }
                    if (!date.isBefore(hoppingFrom)) {
                        hops.add(indicator);
                    }
                }
            }
        }
        if (hops.size() >= rules.flagHoppingChanges()) {
            reasons.add(flagHopping(hops, rules));
        }
    }

    private static VesselReason aisGap(RiskIndicator indicator, VesselRules rules) {
        return new VesselReason(
                VesselReason.Code.AIS_GAP,
                VesselDecision.ESCALATE,
                "AIS gap of "
                        + indicator
                                .durationHours()
                                .orElseThrow()
                                .stripTrailingZeros()
                                .toPlainString()
                        + " hours" + where(indicator.area(), rules) + " on " + indicator.observedOn()
                        + ", within the last "
                        + rules.aisLookbackDays() + " days (gaps of "
                        + rules.aisGapHours().stripTrailingZeros().toPlainString()
                        + " hours or more escalate); source: " + indicator.source());
    }

    private static VesselReason stsTransfer(RiskIndicator indicator, VesselRules rules) {
        return new VesselReason(
                VesselReason.Code.STS_TRANSFER,
                VesselDecision.ESCALATE,
                "ship-to-ship transfer"
                        + (indicator.counterpart().isEmpty() ? "" : " with " + indicator.counterpart())
                        + where(indicator.area(), rules) + " on " + indicator.observedOn() + ", within the last "
                        + rules.stsLookbackDays() + " days; source: " + indicator.source());
    }

    private static VesselReason flagChange(RiskIndicator indicator, VesselRules rules) {
        return new VesselReason(
                VesselReason.Code.FLAG_CHANGE,
                VesselDecision.ESCALATE,
                "flag changed" + (indicator.fromFlag().isEmpty() ? "" : " from " + indicator.fromFlag())
                        + " to " + indicator.toFlag() + " on " + indicator.observedOn() + ", within the last "
                        + rules.flagChangeMonths() + " months; source: " + indicator.source());
    }

    private static VesselReason flagHopping(List<RiskIndicator> hops, VesselRules rules) {
        return new VesselReason(
                VesselReason.Code.FLAG_HOPPING,
                VesselDecision.ESCALATE,
                hops.size() + " flag changes within " + rules.flagHoppingMonths() + " months ("
                        + hops.stream()
                                .map(hop -> (hop.fromFlag().isEmpty() ? "?" : hop.fromFlag()) + "->" + hop.toFlag()
                                        + " " + hop.observedOn())
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("")
                        + "): flag hopping");
    }

    /** " in Gulf of Oman (a known ship-to-ship transfer area)", or nothing without an area. */
    private static String where(String area, VesselRules rules) {
        if (area.isEmpty()) {
            return "";
        }
        String folded = fold(area);
        boolean known = rules.knownStsAreas().stream().map(VesselScreener::fold).anyMatch(folded::contains);
        return " in " + area + (known ? " (a known ship-to-ship transfer area)" : "");
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
