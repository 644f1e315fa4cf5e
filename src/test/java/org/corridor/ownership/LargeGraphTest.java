package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated graph of 100,000 ownership edges, in memory: the deepest question (a party with
 * almost the whole graph upstream, cycles included) is answered with its figures and largest paths.
 * The time per query is measured by {@code ./corridor ownership bench}, not asserted here.
 */
class LargeGraphTest {

    private static SyntheticOwnership synthetic;
    private static OwnershipGraph graph;

    @BeforeAll
    static void build() {
        synthetic = SyntheticOwnership.generate(100_000, 42);
        List<GraphImport.Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < synthetic.rows().size(); i++) {
            numbered.add(new GraphImport.Numbered("row " + i, synthetic.rows().get(i)));
        }
        List<GraphImport.GraphRow> rows = GraphImport.validate(numbered, LocalDate.parse("2024-07-05"));
        GraphImport.Writes writes = GraphImport.plan(
                rows, new GraphImport.Current(java.util.Map.of(), java.util.Map.of(), java.util.Set.of()));
        OwnershipGraph.Builder builder = OwnershipGraph.builder(1);
        writes.parties().forEach(builder::party);
        writes.edges()
                .forEach(edge -> builder.edge(
                        edge.key().ownerId(),
                        edge.key().ownedId(),
                        edge.key().kind(),
                        edge.share(),
                        edge.ended(),
                        edge.source(),
                        edge.asOf()));
        writes.designations()
                .forEach(designation -> builder.designation(
                        designation.key().partyId(),
                        Listing.designated(
                                designation.key().ref(), designation.key().partyId())));
        graph = builder.build();
    }

    @Test
    void the_generated_graph_has_100000_edges_and_stays_within_100_percent_per_party() {
        assertThat(synthetic.edgeCount()).isEqualTo(100_000);
        assertThat(graph.edgeCount()).isEqualTo(100_000);
    }

    @Test
    void a_party_with_the_whole_graph_upstream_is_assessed_with_its_largest_paths() {
        OwnershipAssessor assessor = new OwnershipAssessor(ListingLookup.NONE, BlockedShares.DEFAULT_CYCLE_BUDGET);
        for (int i = 0; i < 5; i++) {
            String target = synthetic.bottomParty(i * 37);
            long started = System.nanoTime();
            OwnershipAssessment assessment = assessor.assess(
                    graph,
                    OwnershipRules.DEFAULT,
                    graph.party(graph.indexOf(target).orElseThrow()));
            long micros = (System.nanoTime() - started) / 1_000;
            System.out.println("100,000-edge graph: " + target + " with " + assessment.upstreamParties()
                    + " parties upstream assessed in " + micros / 1000 + " ms: " + assessment.status() + " "
                    + SharePercent.format(assessment.blockedSharePercent()) + "%");

            assertThat(assessment.upstreamParties()).isGreaterThan(15_000);
            assertThat(assessment.blockedSharePercent()).isGreaterThanOrEqualTo(assessment.listedPathSharePercent());
            assertThat(assessment.listedPaths()).isNotEmpty().hasSizeLessThanOrEqualTo(OwnershipAssessor.PATH_LIMIT);
            assertThat(assessment.listedPaths().get(0).hops()).hasSize(SyntheticOwnership.LAYERS - 1);
            // Paths come largest first.
            for (int p = 1; p < assessment.listedPaths().size(); p++) {
                assertThat(assessment.listedPaths().get(p).sharePercent())
                        .isLessThanOrEqualTo(assessment.listedPaths().get(p - 1).sharePercent());
            }
        }
    }
}
