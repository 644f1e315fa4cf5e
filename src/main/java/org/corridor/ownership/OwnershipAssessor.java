package org.corridor.ownership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Assesses one party against one snapshot of the graph under one version of the rules: asks the
 * listing port about everyone upstream at once, computes both blocked shares, finds the largest
 * paths and names the reasons. Thread-safe (no state of its own beyond its settings).
 */
record OwnershipAssessor(ListingLookup listings, long cycleBudget) {

    static final int PATH_LIMIT = 20;
    static final int PATH_SEARCH_STEPS = 50_000;

    OwnershipAssessment assess(OwnershipGraph graph, OwnershipRules rules, PartyRef asked) {
        Optional<Integer> found = graph.indexOf(asked.id());
        if (found.isEmpty()) {
            return outsideGraph(graph, rules, asked);
        }
        int target = found.get();
        PartyRef party = graph.party(target);
        Map<Integer, List<Listing>> listed = new HashMap<>();
        BlockedShares shares =
                BlockedShares.of(graph, target, nodes -> listedAmong(graph, nodes, target, asked, listed), cycleBudget);

        BigDecimal listedPercent = Proportion.toPercent(shares.listedShare(target));
        BigDecimal blockedPercent = Proportion.toPercent(shares.blockedShare(target));
        long worstShare = Math.max(shares.listedShare(target), shares.blockedShare(target));

        List<FoundPathView> listedFound = paths(graph, shares, target, PathFinder.Sources.LISTED, listed);
        List<FoundPathView> blockedFound = paths(graph, shares, target, PathFinder.Sources.BLOCKED, listed);

        List<ControlHolder> controllers = controllers(graph, shares, target);
        List<Listing> own = listed.getOrDefault(target, List.of());
        Verdict verdict = verdict(party, own, worstShare, rules, controllers, shares.searchLimited());
        Map<Integer, BlockedOwner> owners = new LinkedHashMap<>();
        for (FoundPathView path : concat(blockedFound, listedFound)) {
            int source = path.found().parties()[0];
            owners.computeIfAbsent(source, key -> blockedOwner(graph, shares, listed, source));
        }
        return new OwnershipAssessment(
                party,
                true,
                verdict.status(),
                verdict.reasons(),
                listedPercent,
                blockedPercent,
                own,
                listedFound.stream().map(FoundPathView::path).toList(),
                blockedFound.stream().map(FoundPathView::path).toList(),
                List.copyOf(owners.values()),
                controllers,
                !shares.searchLimited()
                        && covers(listedFound, shares.listedShare(target))
                        && covers(blockedFound, shares.blockedShare(target)),
                shares.upstreamSize() - 1,
                rules.minorityThresholdPercent(),
                graph.version(),
                rules.version());
    }

    /** The status of a party in the graph and the reasons for it, in the order they are checked. */
    private record Verdict(OwnershipStatus status, List<OwnershipReason> reasons) {}

    private static Verdict verdict(
            PartyRef party,
            List<Listing> own,
            long worstShare,
            OwnershipRules rules,
            List<ControlHolder> controllers,
            boolean searchLimited) {
        BigDecimal worst = Proportion.toPercent(worstShare);
        List<OwnershipReason> reasons = new ArrayList<>();
        OwnershipStatus status = OwnershipStatus.CLEAR;
        if (!own.isEmpty()) {
            status = OwnershipStatus.LISTED;
            reasons.add(new OwnershipReason(
                    OwnershipReason.Code.LISTED,
                    party.name() + " is listed: "
                            + own.stream().map(Listing::describe).toList()));
        }
        if (Proportion.reaches(worstShare, Proportion.HALF)) {
            status = status.atLeast(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
            reasons.add(new OwnershipReason(
                    OwnershipReason.Code.BLOCKED_BY_OWNERSHIP,
                    "blocked persons own " + SharePercent.format(worst)
                            + "% in aggregate, directly or indirectly: 50% or more blocks"));
        } else if (Proportion.reaches(worstShare, Proportion.ofPercent(rules.minorityThresholdPercent()))) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(new OwnershipReason(
                    OwnershipReason.Code.MINORITY_BLOCKED_INTEREST,
                    "blocked persons own " + SharePercent.format(worst) + "% in aggregate, at or above the "
                            + SharePercent.format(rules.minorityThresholdPercent()) + "% minority threshold"));
        }
        for (ControlHolder controller : controllers) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(new OwnershipReason(
                    OwnershipReason.Code.CONTROL_BY_BLOCKED_PERSON,
                    controller.holder().name() + " (" + controller.status() + ") controls " + party.name()
                            + " (source: " + controller.source() + ", as of " + controller.asOf()
                            + "); control alone does not block"));
        }
        if (searchLimited) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(new OwnershipReason(
                    OwnershipReason.Code.PATH_SEARCH_LIMITED,
                    "cross-holdings upstream hold more paths than the search allows; the shares are lower"
                            + " bounds, so a reviewer must decide"));
        }
        return new Verdict(status, reasons);
    }

    /** Listed or blocked persons holding control of {@code target}. */
    private static List<ControlHolder> controllers(OwnershipGraph graph, BlockedShares shares, int target) {
        List<ControlHolder> controllers = new ArrayList<>();
        for (OwnershipGraph.Edge control : graph.controlInto(target)) {
            int holder = control.owner();
            if (shares.blocked(holder)) {
                controllers.add(new ControlHolder(
                        graph.party(holder),
                        shares.listed(holder) ? OwnershipStatus.LISTED : OwnershipStatus.BLOCKED_BY_OWNERSHIP,
                        control.source(),
                        control.asOf()));
            }
        }
        return controllers;
    }

    /** A party the graph does not know: only its own listings can speak. */
    private OwnershipAssessment outsideGraph(OwnershipGraph graph, OwnershipRules rules, PartyRef asked) {
        List<Listing> own = listings.listingsFor(asked);
        List<OwnershipReason> reasons = own.isEmpty()
                ? List.of()
                : List.of(new OwnershipReason(
                        OwnershipReason.Code.LISTED,
                        asked.name() + " is listed: "
                                + own.stream().map(Listing::describe).toList()));
        return new OwnershipAssessment(
                asked,
                false,
                own.isEmpty() ? OwnershipStatus.CLEAR : OwnershipStatus.LISTED,
                reasons,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                own,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                true,
                0,
                rules.minorityThresholdPercent(),
                graph.version(),
                rules.version());
    }

    /** Who among the upstream parties is listed: designations in the data, then the port, in one call. */
    private IntPredicate listedAmong(
            OwnershipGraph graph, int[] nodes, int target, PartyRef asked, Map<Integer, List<Listing>> listed) {
        for (int node : nodes) {
            List<Listing> designated = graph.designations(node);
            if (!designated.isEmpty()) {
                listed.put(node, new ArrayList<>(designated));
            }
        }
        if (listings != ListingLookup.NONE) {
            Map<String, Integer> byId = new HashMap<>();
            List<PartyRef> refs = new ArrayList<>(nodes.length);
            for (int node : nodes) {
                PartyRef ref = node == target ? asked : graph.party(node);
                refs.add(ref);
                byId.put(ref.id(), node);
            }
            listings.listingsForAll(refs).forEach((id, entries) -> {
                Integer node = byId.get(id);
                if (node != null && !entries.isEmpty()) {
                    List<Listing> merged = listed.computeIfAbsent(node, key -> new ArrayList<>());
                    entries.stream()
                            .filter(entry -> merged.stream()
                                    .noneMatch(known -> known.ref().equals(entry.ref())))
                            .forEach(merged::add);
                }
            });
        }
        return listed::containsKey;
    }

    /** A found path with its public form. */
    private record FoundPathView(PathFinder.FoundPath found, OwnershipPath path) {}

    private static List<FoundPathView> paths(
            OwnershipGraph graph,
            BlockedShares shares,
            int target,
            PathFinder.Sources sources,
            Map<Integer, List<Listing>> listed) {
        List<FoundPathView> views = new ArrayList<>();
        for (PathFinder.FoundPath found :
                PathFinder.largest(graph, shares, target, sources, PATH_LIMIT, PATH_SEARCH_STEPS)) {
            List<OwnershipPath.Hop> hops = new ArrayList<>();
            for (int i = 0; i < found.edges().length; i++) {
                OwnershipGraph.Edge edge = graph.edge(found.edges()[i]);
                hops.add(new OwnershipPath.Hop(
                        graph.party(edge.owner()),
                        graph.party(edge.owned()),
                        edge.share().orElseThrow(),
                        edge.source(),
                        edge.asOf()));
            }
            int source = found.parties()[0];
            boolean sourceListed = shares.listed(source);
            views.add(new FoundPathView(
                    found,
                    new OwnershipPath(
                            hops,
                            Proportion.toPercent(found.product()),
                            sourceListed ? OwnershipStatus.LISTED : OwnershipStatus.BLOCKED_BY_OWNERSHIP,
                            sourceListed ? listed.getOrDefault(source, List.of()) : List.of())));
        }
        return views;
    }

    private static BlockedOwner blockedOwner(
            OwnershipGraph graph, BlockedShares shares, Map<Integer, List<Listing>> listed, int party) {
        boolean isListed = shares.listed(party);
        return new BlockedOwner(
                graph.party(party),
                isListed ? OwnershipStatus.LISTED : OwnershipStatus.BLOCKED_BY_OWNERSHIP,
                listed.getOrDefault(party, List.of()),
                Proportion.toPercent(shares.blockedShare(party)));
    }

    /** Whether the listed paths add up to the whole share (to within rounding far below display). */
    private static boolean covers(List<FoundPathView> paths, long total) {
        long shown = 0;
        for (FoundPathView path : paths) {
            shown += path.found().product();
        }
        return Math.abs(total - shown) <= Proportion.TOLERANCE;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
