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
record OwnershipAssessor(ListingLookup listings, ListingLookup ownerHits, long cycleBudget) {

    /** An assessor that knows of no owner screening hits (tests of the rules alone). */
    OwnershipAssessor(ListingLookup listings, long cycleBudget) {
        this(listings, ListingLookup.NONE, cycleBudget);
    }

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
        Map<Integer, List<Listing>> onHits = new LinkedHashMap<>();
        IntPredicate isListed =
                listedAmong(graph, RegimeShares.upstreamOf(graph, target), target, asked, listed, onHits);
        // Every list together, multiplied along paths: the listed path share (shown, and reviewed
        // when large), and the conservative cascade.
        BlockedShares shares = BlockedShares.of(graph, target, nodes -> isListed, cycleBudget);
        RegimeVerdicts verdicts = new RegimeVerdicts(graph, rules, listed);
        List<RegimeAssessment> regimes = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            if (regime == Regime.OFAC && rules.ofacRule() == OfacRule.CONSERVATIVE_CASCADE) {
                IntPredicate ofac = verdicts.designatedUnder(Regime.OFAC);
                regimes.add(verdicts.cascade(target, BlockedShares.of(graph, target, nodes -> ofac, cycleBudget)));
            } else {
                regimes.add(verdicts.assess(regime, target));
            }
        }
        RegimeAssessment deciding = deciding(regimes);
        List<FoundPathView> listedFound = paths(graph, shares, target, listed);
        List<OwnershipReason> reasons = new ArrayList<>(deciding.reasons());
        OwnershipStatus status = deciding.status();
        long listedShare = shares.listedShare(target);
        if (status.compareTo(OwnershipStatus.ESCALATE) <= 0
                && Proportion.reaches(listedShare, Proportion.ofPercent(rules.minorityThresholdPercent()))
                && Proportion.toPercent(listedShare).compareTo(deciding.sharePercent()) > 0) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(new OwnershipReason(
                    OwnershipReason.Code.INDIRECT_INTEREST,
                    "listed persons hold " + SharePercent.format(Proportion.toPercent(listedShare)) + "% of "
                            + party.name() + " multiplied along paths through owners that are not blocked; no"
                            + " regime's rule blocks on it, so a reviewer decides"));
        }
        if (status != OwnershipStatus.CLEAR) {
            onHits.forEach((node, hits) -> reasons.add(new OwnershipReason(
                    OwnershipReason.Code.OWNER_SCREENING_HIT,
                    graph.party(node).name() + " (" + graph.party(node).id() + ") counts as listed on screening hits"
                            + " of its name until a four-eyes review clears them: "
                            + hits.stream().map(Listing::describe).toList())));
        }
        if (shares.searchLimited()) {
            status = status.atLeast(OwnershipStatus.ESCALATE);
            reasons.add(new OwnershipReason(
                    OwnershipReason.Code.PATH_SEARCH_LIMITED,
                    "cross-holdings upstream hold more paths than the search allows; the listed path share is a"
                            + " lower bound, so a reviewer must decide"));
        }
        return new OwnershipAssessment(
                party,
                true,
                status,
                reasons,
                Proportion.toPercent(listedShare),
                deciding.sharePercent(),
                listed.getOrDefault(target, List.of()),
                listedFound.stream().map(FoundPathView::path).toList(),
                deciding.holdings(),
                deciding.blockedOwners(),
                controllers(regimes),
                !shares.searchLimited() && covers(listedFound, listedShare),
                RegimeShares.upstreamOf(graph, target).length - 1,
                rules.minorityThresholdPercent(),
                graph.version(),
                rules.version(),
                deciding.regime(),
                deciding.rule(),
                regimes);
    }

    /** The regime whose answer is the most severe; between equals, the larger share, then OFAC, EU, UK. */
    private static RegimeAssessment deciding(List<RegimeAssessment> regimes) {
        RegimeAssessment deciding = regimes.get(0);
        for (RegimeAssessment regime : regimes) {
            int severity = regime.status().compareTo(deciding.status());
            if (severity > 0 || (severity == 0 && regime.sharePercent().compareTo(deciding.sharePercent()) > 0)) {
                deciding = regime;
            }
        }
        return deciding;
    }

    /** Every regime's blocked controllers, each holder once. */
    private static List<ControlHolder> controllers(List<RegimeAssessment> regimes) {
        Map<String, ControlHolder> byHolder = new LinkedHashMap<>();
        regimes.forEach(regime -> regime.controllers()
                .forEach(holder -> byHolder.putIfAbsent(holder.holder().id(), holder)));
        return List.copyOf(byHolder.values());
    }

    /** A party the graph does not know: only its own listings can speak, under the regimes that list it. */
    private OwnershipAssessment outsideGraph(OwnershipGraph graph, OwnershipRules rules, PartyRef asked) {
        List<Listing> own = listings.listingsFor(asked);
        List<RegimeAssessment> regimes = new ArrayList<>();
        for (Regime regime : Regime.values()) {
            List<Listing> under = own.stream()
                    .filter(listing -> Regime.of(listing.ref()).contains(regime))
                    .toList();
            regimes.add(new RegimeAssessment(
                    regime,
                    regime.rule(rules.ofacRule()),
                    under.isEmpty() ? OwnershipStatus.CLEAR : OwnershipStatus.LISTED,
                    BigDecimal.ZERO,
                    List.of(),
                    List.of(),
                    List.of(),
                    under.isEmpty()
                            ? List.of()
                            : List.of(RegimeVerdicts.reason(
                                    regime,
                                    OwnershipReason.Code.LISTED,
                                    asked.name() + " is listed: "
                                            + under.stream()
                                                    .map(Listing::describe)
                                                    .toList()))));
        }
        RegimeAssessment deciding = deciding(regimes);
        return new OwnershipAssessment(
                asked,
                false,
                deciding.status(),
                deciding.reasons(),
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
                rules.version(),
                deciding.regime(),
                deciding.rule(),
                regimes);
    }

    /**
     * Who among the upstream parties is listed: designations in the data, then the port, then the
     * owner screening hits not cleared (also noted in {@code onHits}), one call each.
     */
    private IntPredicate listedAmong(
            OwnershipGraph graph,
            int[] nodes,
            int target,
            PartyRef asked,
            Map<Integer, List<Listing>> listed,
            Map<Integer, List<Listing>> onHits) {
        for (int node : nodes) {
            List<Listing> designated = graph.designations(node);
            if (!designated.isEmpty()) {
                listed.put(node, new ArrayList<>(designated));
            }
        }
        Map<String, Integer> byId = new HashMap<>();
        List<PartyRef> refs = new ArrayList<>(nodes.length);
        for (int node : nodes) {
            PartyRef ref = node == target ? asked : graph.party(node);
            refs.add(ref);
            byId.put(ref.id(), node);
        }
        merge(listings, refs, byId, listed, new HashMap<>());
        merge(ownerHits, refs, byId, listed, onHits);
        return listed::containsKey;
    }

    private static void merge(
            ListingLookup lookup,
            List<PartyRef> refs,
            Map<String, Integer> byId,
            Map<Integer, List<Listing>> listed,
            Map<Integer, List<Listing>> noted) {
        if (lookup == ListingLookup.NONE) {
            return;
        }
        lookup.listingsForAll(refs).forEach((id, entries) -> {
            Integer node = byId.get(id);
            if (node != null && !entries.isEmpty()) {
                List<Listing> merged = listed.computeIfAbsent(node, key -> new ArrayList<>());
                entries.stream()
                        .filter(entry ->
                                merged.stream().noneMatch(known -> known.ref().equals(entry.ref())))
                        .forEach(entry -> {
                            merged.add(entry);
                            noted.computeIfAbsent(node, key -> new ArrayList<>())
                                    .add(entry);
                        });
            }
        });
    }

    /** A found path with its public form. */
    private record FoundPathView(PathFinder.FoundPath found, OwnershipPath path) {}

    /** The largest paths from listed owners through owners that are not listed, multiplied. */
    private static List<FoundPathView> paths(
            OwnershipGraph graph, BlockedShares shares, int target, Map<Integer, List<Listing>> listed) {
        List<FoundPathView> views = new ArrayList<>();
        for (PathFinder.FoundPath found :
                PathFinder.largest(graph, shares, target, PathFinder.Sources.LISTED, PATH_LIMIT, PATH_SEARCH_STEPS)) {
            views.add(new FoundPathView(
                    found,
                    new OwnershipPath(
                            graph.hops(found.edges()),
                            Proportion.toPercent(found.product()),
                            OwnershipStatus.LISTED,
                            listed.getOrDefault(found.parties()[0], List.of()))));
        }
        return views;
    }

    /** Whether the listed paths add up to the whole share (to within rounding far below display). */
    private static boolean covers(List<FoundPathView> paths, long total) {
        long shown = 0;
        for (FoundPathView path : paths) {
            shown += path.found().product();
        }
        return Math.abs(total - shown) <= Proportion.TOLERANCE;
    }
}
