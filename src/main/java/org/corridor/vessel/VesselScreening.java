package org.corridor.vessel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.ownership.Listing;
import org.corridor.ownership.OwnershipAssessment;

/**
 * The answer of a vessel screening: the decision, every reason with the decision it calls for, and
 * the facts behind them (list hits, the owner's and manager's ownership assessments, the risk
 * indicators considered).
 *
 * @param registered whether Corridor holds particulars for this IMO number
 * @param on the date the screening speaks for: indicators are weighed as of that date
 */
public record VesselScreening(
        Optional<Imo> imo,
        Optional<String> name,
        Optional<String> flagState,
        boolean registered,
        LocalDate on,
        VesselDecision decision,
        List<VesselReason> reasons,
        Optional<Listing> imoListing,
        List<Listing> nameMatches,
        Optional<OwnershipAssessment> registeredOwner,
        Optional<OwnershipAssessment> manager,
        List<RiskIndicator> indicators,
        long rulesVersion,
        Map<String, String> versions) {

    public VesselScreening {
        reasons = List.copyOf(reasons);
        nameMatches = List.copyOf(nameMatches);
        indicators = List.copyOf(indicators);
        versions = Map.copyOf(versions);
    }

    /** True when a reason of this code was given. */
    public boolean has(VesselReason.Code code) {
        return reasons.stream().anyMatch(reason -> reason.code() == code);
    }

    /** The screening as lines for a reviewer, decision first. */
    public List<String> explanation() {
        List<String> lines = new ArrayList<>();
        lines.add(imo.map(Imo::toString).orElse("no IMO")
                + name.map(text -> " \"" + text + "\"").orElse("")
                + flagState.map(flag -> ", flag " + flag).orElse("") + ": " + decision + " (as of " + on + ")");
        if (!registered) {
            lines.add("no registered particulars or indicators for this IMO number; screened on what was given");
        }
        reasons.forEach(reason -> lines.add(reason.effect() + " " + reason.code() + ": " + reason.detail()));
        if (reasons.isEmpty()) {
            lines.add("no reasons to escalate: IMO and name not listed, owner and manager clear, no risk indicators");
        }
        lines.add("rules version " + rulesVersion);
        return lines;
    }
}
