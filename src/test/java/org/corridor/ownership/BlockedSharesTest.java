package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 50 Percent Rule on graphs built in memory: paths, products, the cascade, cycles, thresholds. */
class BlockedSharesTest {

    private static String percent(BigDecimal value) {
        return SharePercent.format(value);
    }

    @Test
    void the_forwarder_of_scenario_step_5_is_blocked_by_two_listed_owners_and_both_paths_are_named() {
        OwnershipAssessment assessment = new TestGraph()
                .listed("Entity X")
                .listed("Entity Y")
                .owns("Entity X", "30", "Gulf Star Logistics FZE")
                .owns("Entity Y", "25", "Gulf Star Logistics FZE")
                .owns("Harbour Nominees Ltd", "45", "Gulf Star Logistics FZE")
                .assess("Gulf Star Logistics FZE");

        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("55");
        assertThat(percent(assessment.blockedSharePercent())).isEqualTo("55");
        assertThat(assessment.listedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly(
                        "Entity X [DEMO:ENTITY-X] -[30%]-> Gulf Star Logistics FZE = 30%",
                        "Entity Y [DEMO:ENTITY-Y] -[25%]-> Gulf Star Logistics FZE = 25%");
        assertThat(assessment.blockedOwners())
                .extracting(owner -> owner.party().name())
                .containsExactly("Entity X", "Entity Y");
        assertThat(assessment.pathsComplete()).isTrue();
        assertThat(assessment.reasons())
                .extracting(OwnershipReason::code)
                .containsExactly(OwnershipReason.Code.BLOCKED_BY_OWNERSHIP);
    }

    @Test
    void shares_multiply_along_a_chain_and_add_across_paths() {
        OwnershipAssessment assessment = new TestGraph()
                .listed("X")
                .owns("X", "80", "A")
                .owns("A", "50", "B")
                .owns("B", "60", "C")
                .owns("X", "10", "C")
                .assess("C");

        // 80% x 50% x 60% = 24%, plus 10% held directly.
        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("34");
        assertThat(assessment.listedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly("X [DEMO:X] -[80%]-> A -[50%]-> B -[60%]-> C = 24%", "X [DEMO:X] -[10%]-> C = 10%");
        // A is 80% held by X, so blocked itself; B is then 50% held by blocked A, blocked too; and
        // the cascade counts B's 60% of C in full.
        assertThat(percent(assessment.blockedSharePercent())).isEqualTo("70");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(assessment.blockedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly("B [blocked by ownership] -[60%]-> C = 60%", "X [DEMO:X] -[10%]-> C = 10%");
    }

    @Test
    void the_domain_example_of_the_cascade_blocks_c_although_the_path_products_sum_to_25_percent() {
        OwnershipAssessment assessment = new TestGraph()
                .listed("X")
                .owns("X", "50", "A")
                .owns("X", "50", "B")
                .owns("A", "25", "C")
                .owns("B", "25", "C")
                .assess("C");

        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("25");
        assertThat(percent(assessment.blockedSharePercent())).isEqualTo("50");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(assessment.listedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly(
                        "X [DEMO:X] -[50%]-> A -[25%]-> C = 12.5%", "X [DEMO:X] -[50%]-> B -[25%]-> C = 12.5%");
        assertThat(assessment.blockedOwners())
                .filteredOn(owner -> owner.status() == OwnershipStatus.BLOCKED_BY_OWNERSHIP)
                .extracting(owner -> owner.party().name() + " " + percent(owner.blockedSharePercent()))
                .containsExactly("A 50", "B 50");
        assertThat(String.join("\n", assessment.explanation()))
                .contains("A (a): blocked by ownership, its own blocked share 50%");
    }

    @ParameterizedTest(name = "{0}% + {1}% held by listed owners is {2}")
    @CsvSource({
        "25, 25, BLOCKED_BY_OWNERSHIP",
        "50, 0, BLOCKED_BY_OWNERSHIP",
        "49.9999, 0, ESCALATE",
        "24.9999, 25.0001, BLOCKED_BY_OWNERSHIP",
        "24.9999, 25, ESCALATE",
        "25, 0, ESCALATE",
        "24.9999, 0, CLEAR",
        "0, 0, CLEAR"
    })
    void exactly_50_percent_blocks_and_just_under_does_not(String first, String second, OwnershipStatus expected) {
        OwnershipAssessment assessment = new TestGraph()
                .listed("X")
                .listed("Y")
                .owns("X", first, "Target")
                .owns("Y", second, "Target")
                .assess("Target");
        assertThat(assessment.status()).isEqualTo(expected);
    }

    @Test
    void exactly_50_percent_through_a_chain_blocks() {
        OwnershipAssessment assessment = new TestGraph()
                .listed("X")
                .owns("X", "100", "Holding")
                .owns("Holding", "50", "Target")
                .assess("Target");
        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("50");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
    }

    @Test
    void a_share_just_under_50_percent_reads_as_just_under() {
        OwnershipAssessment assessment = new TestGraph()
                .listed("X")
                .owns("X", "99.9999", "Holding")
                .owns("Holding", "50", "Target")
                .assess("Target");
        // 99.9999% x 50% = 49.99995%: shown rounded down, and not blocked through the path products;
        // the cascade blocks Holding (99.9999%) and counts its 50% in full.
        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("49.9999");
        assertThat(percent(assessment.blockedSharePercent())).isEqualTo("50");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
    }

    @Test
    void the_minority_threshold_is_configurable() {
        TestGraph graph = new TestGraph().listed("X").owns("X", "20", "Target");
        assertThat(graph.assess("Target").status()).isEqualTo(OwnershipStatus.CLEAR);
        OwnershipAssessment stricter =
                graph.assess("Target", OwnershipRules.DEFAULT.withMinorityThreshold(new BigDecimal("20")));
        assertThat(stricter.status()).isEqualTo(OwnershipStatus.ESCALATE);
        assertThat(stricter.reasons())
                .extracting(OwnershipReason::detail)
                .contains("OFAC: blocked persons hold 20% in aggregate, at or above the 20% minority threshold");
    }

    @Test
    void control_by_an_ofac_listed_person_escalates_but_does_not_block() {
        OwnershipAssessment assessment = new TestGraph()
                .listedOn("X", "OFAC_SDN:1")
                .controls("X", "Target")
                .assess("Target");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.ESCALATE);
        assertThat(assessment.reasons())
                .extracting(OwnershipReason::code)
                .containsExactly(OwnershipReason.Code.CONTROL_BY_BLOCKED_PERSON);
        assertThat(assessment.blockedControllers())
                .extracting(control -> control.holder().name())
                .containsExactly("X");
        assertThat(percent(assessment.blockedSharePercent())).isEqualTo("0");
    }

    @Test
    void control_by_a_party_blocked_by_ownership_under_ofac_escalates_too() {
        OwnershipAssessment assessment = new TestGraph()
                .listedOn("X", "OFAC_SDN:1")
                .owns("X", "60", "Front Co")
                .controls("Front Co", "Target")
                .assess("Target");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.ESCALATE);
        assertThat(assessment.blockedControllers())
                .extracting(ControlHolder::status)
                .containsExactly(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
    }

    @Test
    void a_listed_party_is_listed_whatever_its_owners() {
        OwnershipAssessment assessment = new TestGraph()
                .listed("Target")
                .owns("Clean Co", "100", "Target")
                .assess("Target");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.LISTED);
        assertThat(assessment.listings())
                .extracting(listing -> listing.ref().toString())
                .containsExactly("DEMO:TARGET");
    }

    @Test
    void a_listed_owners_own_holders_are_not_counted_twice() {
        OwnershipAssessment assessment = new TestGraph()
                .listed("Parent")
                .listed("Child")
                .owns("Parent", "100", "Child")
                .owns("Child", "30", "Target")
                .assess("Target");
        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("30");
        assertThat(percent(assessment.blockedSharePercent())).isEqualTo("30");
    }

    @Test
    void cross_holdings_terminate_and_count_only_simple_paths() {
        // A and B hold each other; X holds 40% of A; B holds 30% of Target, A holds 20%.
        OwnershipAssessment assessment = new TestGraph()
                .listed("X")
                .owns("X", "40", "A")
                .owns("A", "50", "B")
                .owns("B", "10", "A")
                .owns("B", "30", "Target")
                .owns("A", "20", "Target")
                .assess("Target");
        // Into A: X 40%. Into B: X->A->B 20%. Into Target: X->A->Target 8%, X->A->B->Target 6%.
        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("14");
        assertThat(assessment.listedPaths())
                .extracting(OwnershipPath::text)
                .containsExactly(
                        "X [DEMO:X] -[40%]-> A -[20%]-> Target = 8%",
                        "X [DEMO:X] -[40%]-> A -[50%]-> B -[30%]-> Target = 6%");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.CLEAR);
    }

    @Test
    void the_cascade_runs_inside_a_cycle_until_nothing_changes() {
        // X holds 30% of A and 30% of B; A and B each hold 25% of the other. Neither reaches 50%
        // alone (30% + 25% x 30% = 37.5%); with an extra 20% from Y into A, A reaches 50% (30 + 20),
        // is blocked, and then B has 30% + 25% = 55%.
        OwnershipAssessment assessment = new TestGraph()
                .listed("X")
                .listed("Y")
                .owns("X", "30", "A")
                .owns("Y", "20", "A")
                .owns("X", "30", "B")
                .owns("A", "25", "B")
                .owns("B", "25", "A")
                .owns("B", "50", "Target")
                .assess("Target");
        assertThat(assessment.blockedOwners())
                .extracting(owner -> owner.party().name())
                .contains("B");
        assertThat(percent(assessment.blockedSharePercent())).isEqualTo("50");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
    }

    @Test
    void a_party_owned_in_a_ring_of_unlisted_owners_is_clear() {
        OwnershipAssessment assessment = new TestGraph()
                .owns("A", "50", "B")
                .owns("B", "50", "C")
                .owns("C", "50", "A")
                .assess("A");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.CLEAR);
        assertThat(assessment.upstreamParties()).isEqualTo(2);
    }

    @Test
    void a_budget_exhausted_inside_a_cycle_escalates_rather_than_clears() {
        TestGraph graph = new TestGraph().listed("X");
        List<String> ring = List.of("A", "B", "C", "D", "E", "F");
        for (String owner : ring) {
            graph.owns("X", "1", owner);
            for (String owned : ring) {
                if (!owner.equals(owned)) {
                    graph.owns(owner, "1", owned);
                }
            }
        }
        OwnershipAssessment limited = new OwnershipAssessor(ListingLookup.NONE, 50)
                .assess(graph.build(), OwnershipRules.DEFAULT, PartyRef.entity("a", "A"));
        assertThat(limited.status()).isEqualTo(OwnershipStatus.ESCALATE);
        assertThat(limited.reasons())
                .extracting(OwnershipReason::code)
                .contains(OwnershipReason.Code.PATH_SEARCH_LIMITED);
        assertThat(graph.assess("A").status()).isEqualTo(OwnershipStatus.CLEAR);
    }

    @Test
    void a_chain_of_100000_owners_is_walked_without_running_out_of_stack() {
        OwnershipGraph.Builder builder = OwnershipGraph.builder(1);
        int length = 100_000;
        for (int i = 0; i <= length; i++) {
            builder.party(PartyRef.entity("p" + i, "P" + i));
        }
        for (int i = 0; i < length; i++) {
            builder.edge(
                    "p" + i,
                    "p" + (i + 1),
                    EdgeKind.OWNERSHIP,
                    java.util.Optional.of(SharePercent.HUNDRED),
                    false,
                    "chain",
                    TestGraph.AS_OF);
        }
        builder.designation("p0", Listing.designated(new ListingRef("DEMO", "P0"), "P0"));
        OwnershipAssessment assessment = new OwnershipAssessor(ListingLookup.NONE, BlockedShares.DEFAULT_CYCLE_BUDGET)
                .assess(builder.build(), OwnershipRules.DEFAULT, PartyRef.entity("p" + length, "End"));
        assertThat(percent(assessment.listedPathSharePercent())).isEqualTo("100");
        assertThat(assessment.status()).isEqualTo(OwnershipStatus.BLOCKED_BY_OWNERSHIP);
        assertThat(assessment.upstreamParties()).isEqualTo(length);
    }
}
