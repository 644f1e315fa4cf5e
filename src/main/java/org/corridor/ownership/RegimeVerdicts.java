package org.corridor.ownership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Applies one regime's ownership rule to one party and says what it finds, with reasons that name
 * the regime and the rule. The listings of the upstream parties are given (graph index to entries);
 * each regime counts only the entries that designate under it ({@link Regime#of}).
 */
record RegimeVerdicts(OwnershipGraph graph, OwnershipRules rules, Map<Integer, List<Listing>> listed) {

    /** Whether a party is designated under {@code regime}. */
    IntPredicate designatedUnder(Regime regime) {
        return node -> listed.getOrDefault(node, List.of()).stream()
                .anyMatch(listing -> Regime.of(listing.ref()).contains(regime));
    }

    List<Listing> listingsUnder(Regime regime, int node) {
        return listed.getOrDefault(node, List.of()).stream()
                .filter(listing -> Regime.of(listing.ref()).contains(regime))
                .toList();
    }

    /** The regime's own rule: holdings of blocked persons only, nothing multiplied through others. */
    RegimeAssessment assess(Regime regime, int target) {
        RegimeShares shares = RegimeShares.of(graph, target, regime, designatedUnder(regime));
        PartyRef party = graph.party(target);
        String rule = regime.rule(rules.ofacRule());
        List<OwnershipReason> reasons = new ArrayList<>();
        OwnershipStatus status = listedStatus(regime, target, reasons);
        long share = shares.share(target);
        String threshold = regime == Regime.OFAC ? "50% or more blocks" : "more than 50% makes it subject";
        if (shares.cause(target) == RegimeShares.Cause.OWNERSHIP) {
            status = status.atLeast(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
            reasons.add(reason(
                    regime,
                    OwnershipReason.Code.BLOCKED_BY_OWNERSHIP,
                    "blocked persons hold " + percent(share) + "% of " + party.name() + " in aggregate: " + threshold));
        } else if (Proportion.reaches(share, Proportion.ofPercent(rules.minorityThresholdPercent()))) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(minority(regime, share));
        }
        List<ControlHolder> controllers = new ArrayList<>();
        for (OwnershipGraph.Edge control : shares.blockedControllers(target)) {
            ControlHolder holder = holder(shares, control);
            controllers.add(holder);
            boolean subject = regime.controlBlocks();
            status = status.atLeast(subject ? OwnershipStatus.BLOCKED_BY_OWNERSHIP : OwnershipStatus.ESCALATE);
            reasons.add(reason(
                    regime,
                    OwnershipReason.Code.CONTROL_BY_BLOCKED_PERSON,
                    holder.holder().name() + " (" + holder.status() + ") controls " + party.name() + " (source: "
                            + holder.source() + ", as of " + holder.asOf() + "); "
                            + (subject
                                    ? "control by a designated person makes it subject"
                                    : "control alone does not" + " block")));
        }
        for (int edge : shares.controlledHoldings(target)) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(controlledOwner(regime, shares, edge));
        }
        List<OwnershipPath> holdings = new ArrayList<>();
        Map<Integer, BlockedOwner> owners = new LinkedHashMap<>();
        for (int edge : shares.blockedHoldings(target)) {
            int owner = graph.edge(edge).owner();
            BlockedOwner blocked = blockedOwner(regime, owner, shares.cause(owner), shares.share(owner));
            owners.put(owner, blocked);
            holdings.add(path(new int[] {edge}, graph.proportion(edge), blocked));
        }
        return new RegimeAssessment(
                regime,
                rule,
                status,
                Proportion.toPercent(share),
                holdings,
                List.copyOf(owners.values()),
                controllers,
                reasons);
    }

    /**
     * OFAC under the conservative cascade a channel may choose: the figures of {@link BlockedShares}
     * over the persons OFAC designates, paths multiplied through owners that are not blocked.
     */
    RegimeAssessment cascade(int target, BlockedShares shares) {
        PartyRef party = graph.party(target);
        List<OwnershipReason> reasons = new ArrayList<>();
        OwnershipStatus status = listedStatus(Regime.OFAC, target, reasons);
        long share = Math.max(shares.listedShare(target), shares.blockedShare(target));
        if (Proportion.reaches(share, Proportion.HALF)) {
            status = status.atLeast(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
            reasons.add(reason(
                    Regime.OFAC,
                    OwnershipReason.Code.BLOCKED_BY_OWNERSHIP,
                    "blocked persons own " + percent(share) + "% of " + party.name()
                            + " in aggregate, directly or indirectly (conservative cascade): 50% or more blocks"));
        } else if (Proportion.reaches(share, Proportion.ofPercent(rules.minorityThresholdPercent()))) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(minority(Regime.OFAC, share));
        }
        List<ControlHolder> controllers = new ArrayList<>();
        for (OwnershipGraph.Edge control : graph.controlInto(target)) {
            if (shares.blocked(control.owner())) {
                ControlHolder holder = new ControlHolder(
                        graph.party(control.owner()),
                        shares.listed(control.owner()) ? OwnershipStatus.LISTED : OwnershipStatus.BLOCKED_BY_OWNERSHIP,
                        control.source(),
                        control.asOf());
                controllers.add(holder);
                status = status.atLeast(OwnershipStatus.ESCALATE);
                reasons.add(reason(
                        Regime.OFAC,
                        OwnershipReason.Code.CONTROL_BY_BLOCKED_PERSON,
                        holder.holder().name() + " (" + holder.status() + ") controls " + party.name()
                                + " (source: " + holder.source() + ", as of " + holder.asOf()
                                + "); control alone does not block"));
            }
        }
        // Control carries down under the cascade as under OFAC's own rule: what a controlled owner holds is reviewed.
        RegimeShares direct = RegimeShares.of(graph, target, Regime.OFAC, designatedUnder(Regime.OFAC));
        for (int edge : direct.controlledHoldings(target)) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(controlledOwner(Regime.OFAC, direct, edge));
        }
        List<OwnershipPath> holdings = new ArrayList<>();
        Map<Integer, BlockedOwner> owners = new LinkedHashMap<>();
        for (PathFinder.FoundPath found : PathFinder.largest(
                graph,
                shares,
                target,
                PathFinder.Sources.BLOCKED,
                OwnershipAssessor.PATH_LIMIT,
                OwnershipAssessor.PATH_SEARCH_STEPS)) {
            int owner = found.parties()[0];
            BlockedOwner blocked = owners.computeIfAbsent(
                    owner,
                    key -> blockedOwner(
                            Regime.OFAC,
                            owner,
                            shares.listed(owner) ? RegimeShares.Cause.DESIGNATED : RegimeShares.Cause.OWNERSHIP,
                            shares.blockedShare(owner)));
            holdings.add(path(found.edges(), found.product(), blocked));
        }
        return new RegimeAssessment(
                Regime.OFAC,
                Regime.OFAC.rule(rules.ofacRule()),
                status,
                Proportion.toPercent(share),
                holdings,
                List.copyOf(owners.values()),
                controllers,
                reasons);
    }

    private OwnershipStatus listedStatus(Regime regime, int target, List<OwnershipReason> reasons) {
        List<Listing> own = listingsUnder(regime, target);
        if (own.isEmpty()) {
            return OwnershipStatus.CLEAR;
        }
        reasons.add(reason(
                regime,
                OwnershipReason.Code.LISTED,
                graph.party(target).name() + " is listed: "
                        + own.stream().map(Listing::describe).toList()));
        return OwnershipStatus.LISTED;
    }

    private OwnershipReason minority(Regime regime, long share) {
        return reason(
                regime,
                OwnershipReason.Code.MINORITY_BLOCKED_INTEREST,
                "blocked persons hold " + percent(share) + "% in aggregate, at or above the "
                        + SharePercent.format(rules.minorityThresholdPercent()) + "% minority threshold");
    }

    private OwnershipReason controlledOwner(Regime regime, RegimeShares shares, int edge) {
        OwnershipGraph.Edge holding = graph.edge(edge);
        OwnershipGraph.Edge control = shares.blockedControllers(holding.owner()).get(0);
        return reason(
                regime,
                OwnershipReason.Code.CONTROLLED_OWNER,
                graph.party(holding.owner()).name() + ", controlled by "
                        + graph.party(control.owner()).name()
                        + " (source: " + control.source() + ", as of " + control.asOf() + "), holds "
                        + holding.share().orElseThrow() + " of "
                        + graph.party(holding.owned()).name()
                        + "; control does not block under this rule, so what the controlled entity owns is"
                        + " reviewed");
    }

    private ControlHolder holder(RegimeShares shares, OwnershipGraph.Edge control) {
        RegimeShares.Cause cause = shares.cause(control.owner());
        return new ControlHolder(
                graph.party(control.owner()),
                cause == RegimeShares.Cause.DESIGNATED ? OwnershipStatus.LISTED : OwnershipStatus.BLOCKED_BY_OWNERSHIP,
                control.source(),
                control.asOf());
    }

    private BlockedOwner blockedOwner(Regime regime, int owner, RegimeShares.Cause cause, long share) {
        boolean designated = cause == RegimeShares.Cause.DESIGNATED;
        return new BlockedOwner(
                graph.party(owner),
                designated ? OwnershipStatus.LISTED : OwnershipStatus.BLOCKED_BY_OWNERSHIP,
                designated ? listingsUnder(regime, owner) : List.of(),
                Proportion.toPercent(share));
    }

    private OwnershipPath path(int[] edges, long product, BlockedOwner owner) {
        return new OwnershipPath(graph.hops(edges), Proportion.toPercent(product), owner.status(), owner.listings());
    }

    static OwnershipReason reason(Regime regime, OwnershipReason.Code code, String detail) {
        return new OwnershipReason(code, regime + ": " + detail);
    }

    private static String percent(long share) {
        return SharePercent.format(Proportion.toPercent(share));
    }
}
