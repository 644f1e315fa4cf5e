package org.corridor.ownership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the ownership graph says about one party: its status, both blocked-share figures, and the
 * paths, blocked owners and controllers that explain them.
 *
 * @param inGraph false when the graph knows nothing of the party (then only its own listings count)
 * @param listedPathSharePercent the sum over simple paths from listed owners of the product of
 *     shares along each path, through owners that are not listed themselves
 * @param blockedSharePercent the share blocked persons hold under the deciding regime's rule
 * @param listings the party's own list entries (then the status is LISTED)
 * @param listedPaths the largest paths from listed owners, largest first
 * @param blockedPaths the holdings of blocked owners under the deciding regime's rule, largest first
 * @param blockedOwners the blocked owners at the start of those paths
 * @param blockedControllers listed or blocked persons holding control of the party
 * @param pathsComplete false when more paths contribute than are listed here
 * @param upstreamParties how many parties lie upstream of this one (the size of the question)
 * @param regime the regime whose answer decided the status (the most severe)
 * @param rule the rule that regime applied, named and stated
 * @param regimes every regime's answer: OFAC, the EU and the UK, each under its own rule
 */
public record OwnershipAssessment(
        PartyRef party,
        boolean inGraph,
        OwnershipStatus status,
        List<OwnershipReason> reasons,
        BigDecimal listedPathSharePercent,
        BigDecimal blockedSharePercent,
        List<Listing> listings,
        List<OwnershipPath> listedPaths,
        List<OwnershipPath> blockedPaths,
        List<BlockedOwner> blockedOwners,
        List<ControlHolder> blockedControllers,
        boolean pathsComplete,
        int upstreamParties,
        BigDecimal minorityThresholdPercent,
        long graphVersion,
        long rulesVersion,
        Regime regime,
        String rule,
        List<RegimeAssessment> regimes) {

    public OwnershipAssessment {
        reasons = List.copyOf(reasons);
        listings = List.copyOf(listings);
        listedPaths = List.copyOf(listedPaths);
        blockedPaths = List.copyOf(blockedPaths);
        blockedOwners = List.copyOf(blockedOwners);
        blockedControllers = List.copyOf(blockedControllers);
        regimes = List.copyOf(regimes);
    }

    /** The versions an audit entry should record for a decision that used this assessment. */
    public Map<String, String> versions() {
        return Map.of("ownership_graph", Long.toString(graphVersion), "ownership_rules", Long.toString(rulesVersion));
    }

    /** The assessment as lines of text for a reviewer, status first. */
    public List<String> explanation() {
        List<String> lines = new ArrayList<>();
        lines.add(party.name() + " (" + party.id() + "): " + status);
        lines.add("blocked share " + SharePercent.format(blockedSharePercent) + "% under " + regime + " ("
                + RegimeAssessment.nameOf(rule) + "); listed path share "
                + SharePercent.format(listedPathSharePercent) + "%; escalation at "
                + SharePercent.format(minorityThresholdPercent) + "%");
        for (RegimeAssessment each : regimes) {
            lines.add("regime " + each.regime() + ": " + each.status() + ", " + SharePercent.format(each.sharePercent())
                    + "% under " + each.rule());
        }
        if (!inGraph) {
            lines.add("the ownership graph holds no data on this party");
        }
        listings.forEach(listing -> lines.add("listed: " + listing.describe()));
        reasons.forEach(reason -> lines.add("reason " + reason.code() + ": " + reason.detail()));
        if (!listedPaths.isEmpty()) {
            lines.add("paths from listed owners:");
            listedPaths.forEach(path -> lines.add("  " + path.text()));
        }
        if (!blockedPaths.equals(listedPaths) && !blockedPaths.isEmpty()) {
            lines.add("holdings of blocked owners (" + regime + "):");
            blockedPaths.forEach(path -> lines.add("  " + path.text()));
        }
        if (!blockedOwners.isEmpty()) {
            lines.add("blocked owners:");
            for (BlockedOwner owner : blockedOwners) {
                String basis = owner.status() == OwnershipStatus.LISTED
                        ? "listed "
                                + owner.listings().stream()
                                        .map(Listing::describe)
                                        .toList()
                        : "blocked by ownership, its own blocked share "
                                + SharePercent.format(owner.blockedSharePercent()) + "%";
                lines.add("  " + owner.party().name() + " (" + owner.party().id() + "): " + basis);
            }
        }
        if (!blockedControllers.isEmpty()) {
            lines.add("control held by blocked persons:");
            blockedControllers.forEach(
                    control -> lines.add("  " + control.holder().name() + " (" + control.status() + "), source "
                            + control.source() + " as of " + control.asOf()));
        }
        if (!pathsComplete) {
            lines.add("more paths contribute than are listed; the figures above count them all");
        }
        lines.add("graph version " + graphVersion + ", rules version " + rulesVersion + ", " + upstreamParties
                + " parties upstream");
        return lines;
    }
}
