package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the assessment on random graphs of up to eight parties, cycles included: more
 * blocked ownership never lowers a party's blocked share or its status, and the cascade is never
 * below the path products.
 */
class BlockedSharesPropertiesTest {

    /** A random graph: edges (owner, owned, whole percent), who is listed, and whom to assess. */
    record Spec(int parties, List<int[]> edges, List<Boolean> listed, int target, int bumpEdge, int bumpPercent) {

        /** Edges with self-ownership and repeats dropped and each party's owners capped at 100%. */
        Map<List<Integer>, Integer> shares() {
            Map<List<Integer>, Integer> shares = new LinkedHashMap<>();
            Map<Integer, Integer> into = new HashMap<>();
            for (int[] edge : edges) {
                int owner = edge[0] % parties;
                int owned = edge[1] % parties;
                List<Integer> key = List.of(owner, owned);
                int room = 100 - into.getOrDefault(owned, 0);
                if (owner == owned || shares.containsKey(key) || room < edge[2]) {
                    continue;
                }
                shares.put(key, edge[2]);
                into.merge(owned, edge[2], Integer::sum);
            }
            return shares;
        }

        OwnershipAssessment assess(Map<List<Integer>, Integer> shares) {
            return assess(shares, OwnershipRules.DEFAULT);
        }

        OwnershipAssessment assess(Map<List<Integer>, Integer> shares, OwnershipRules rules) {
            OwnershipGraph.Builder builder = OwnershipGraph.builder(1);
            for (int party = 0; party < parties; party++) {
                builder.party(PartyRef.entity("p" + party, "P" + party));
            }
            shares.forEach((key, percent) -> builder.edge(
                    "p" + key.get(0),
                    "p" + key.get(1),
                    EdgeKind.OWNERSHIP,
                    Optional.of(new SharePercent(BigDecimal.valueOf(percent))),
                    false,
                    "generated",
                    TestGraph.AS_OF));
            for (int party = 0; party < parties; party++) {
                if (listed.get(party)) {
                    builder.designation(
                            "p" + party, Listing.designated(new ListingRef("DEMO", "P" + party), "P" + party));
                }
            }
            return new OwnershipAssessor(ListingLookup.NONE, BlockedShares.DEFAULT_CYCLE_BUDGET)
                    .assess(builder.build(), rules, PartyRef.entity("p" + target % parties, "T"));
        }

        /** The same graph with one edge's share raised as far as its party's owners allow. */
        Map<List<Integer>, Integer> bumped() {
            Map<List<Integer>, Integer> shares = new LinkedHashMap<>(shares());
            if (shares.isEmpty()) {
                return shares;
            }
            List<List<Integer>> keys = new ArrayList<>(shares.keySet());
            List<Integer> key = keys.get(bumpEdge % keys.size());
            int into = shares.entrySet().stream()
                    .filter(entry -> entry.getKey().get(1).equals(key.get(1)))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            shares.merge(key, Math.min(bumpPercent, 100 - into), Integer::sum);
            return shares;
        }
    }

    @Provide
    Arbitrary<Spec> graphs() {
        Arbitrary<Integer> parties = Arbitraries.integers().between(2, 8);
        Arbitrary<int[]> edge = Combinators.combine(
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(1, 70))
                .as((owner, owned, percent) -> new int[] {owner, owned, percent});
        return Combinators.combine(
                        parties,
                        edge.list().ofMinSize(1).ofMaxSize(20),
                        Arbitraries.of(true, false, false).list().ofSize(8),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(1, 50))
                .as(Spec::new);
    }

    @Property(tries = 300)
    void raising_any_share_never_lowers_the_blocked_shares_or_the_status(@ForAll("graphs") Spec spec) {
        OwnershipAssessment before = spec.assess(spec.shares());
        OwnershipAssessment after = spec.assess(spec.bumped());
        assertThat(after.listedPathSharePercent()).isGreaterThanOrEqualTo(before.listedPathSharePercent());
        assertThat(after.blockedSharePercent()).isGreaterThanOrEqualTo(before.blockedSharePercent());
        assertThat(after.status()).isGreaterThanOrEqualTo(before.status());
    }

    @Property(tries = 300)
    void listing_one_more_owner_never_lowers_the_blocked_shares_or_the_status(@ForAll("graphs") Spec spec) {
        OwnershipAssessment before = spec.assess(spec.shares());
        List<Boolean> more = new ArrayList<>(spec.listed());
        more.set(spec.bumpEdge() % spec.parties(), true);
        Spec listedMore =
                new Spec(spec.parties(), spec.edges(), more, spec.target(), spec.bumpEdge(), spec.bumpPercent());
        OwnershipAssessment after = listedMore.assess(listedMore.shares());
        assertThat(after.blockedSharePercent()).isGreaterThanOrEqualTo(before.blockedSharePercent());
        assertThat(after.status()).isGreaterThanOrEqualTo(before.status());
    }

    @Property(tries = 300)
    void the_cascade_is_never_below_the_path_products_and_never_above_100_percent(@ForAll("graphs") Spec spec) {
        OwnershipAssessment assessment =
                spec.assess(spec.shares(), OwnershipRules.DEFAULT.withOfacRule(OfacRule.CONSERVATIVE_CASCADE));
        RegimeAssessment ofac = assessment.regimes().get(0);
        assertThat(ofac.sharePercent()).isGreaterThanOrEqualTo(assessment.listedPathSharePercent());
        assertThat(ofac.sharePercent()).isLessThanOrEqualTo(BigDecimal.valueOf(100));
        BigDecimal shown =
                ofac.holdings().stream().map(OwnershipPath::sharePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
        // The cascade's paths are searched within a step budget, so those shown may fall short.
        assertThat(shown).isLessThanOrEqualTo(ofac.sharePercent());
    }

    @Property(tries = 300)
    void ofacs_own_rule_never_blocks_more_than_the_conservative_cascade(@ForAll("graphs") Spec spec) {
        RegimeAssessment own = spec.assess(spec.shares()).regimes().get(0);
        RegimeAssessment cascade = spec.assess(
                        spec.shares(), OwnershipRules.DEFAULT.withOfacRule(OfacRule.CONSERVATIVE_CASCADE))
                .regimes()
                .get(0);
        assertThat(own.sharePercent()).isLessThanOrEqualTo(cascade.sharePercent());
        assertThat(own.status()).isLessThanOrEqualTo(cascade.status());
    }

    @Property(tries = 300)
    void under_each_regimes_own_rule_the_holdings_shown_add_up_to_the_share_and_eu_never_blocks_where_ofac_does_not(
            @ForAll("graphs") Spec spec) {
        OwnershipAssessment assessment = spec.assess(spec.shares());
        for (RegimeAssessment regime : assessment.regimes()) {
            BigDecimal shown = regime.holdings().stream()
                    .map(OwnershipPath::sharePercent)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(shown).isEqualByComparingTo(regime.sharePercent());
        }
        // Without control edges and with every designation under every regime, more than 50% implies 50% or more.
        if (assessment.regimes().get(1).status().blocked()) {
            assertThat(assessment.regimes().get(0).status().blocked()).isTrue();
        }
    }
}
