package org.corridor.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each regime's ownership rule as a table of graphs, with the answer computed by hand per regime:
 * OFAC under its 2014 guidance (holdings of blocked persons only), OFAC under the conservative
 * cascade a channel may choose, and the EU and UK rules (more than 50%, or control). DEMO entries
 * count under every regime; OFAC_SDN, EU, UK and UN entries under their own.
 */
class RegimeRulesTest {

    /**
     * One graph, the party to assess, and the hand-computed answers: "STATUS share" under OFAC's own
     * rule, under the conservative cascade, under the EU's and the UK's rules, then the overall status.
     */
    record Case(String name, UnaryOperator<TestGraph> graph, String target, String answers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "finding 5: A 49% of B, B 98% of C, A 2% of C; B is not blocked, so nothing is multiplied through it",
                        g -> g.listed("A")
                                .owns("A", "49", "B")
                                .owns("B", "98", "C")
                                .owns("A", "2", "C"),
                        "C",
                        "CLEAR 2 | BLOCKED_BY_OWNERSHIP 50.02 | CLEAR 2 | CLEAR 2 | ESCALATE"),
                new Case(
                        "exactly 50% blocks under OFAC but is not more than 50% for the EU and the UK",
                        g -> g.listed("X").owns("X", "50", "C"),
                        "C",
                        "BLOCKED_BY_OWNERSHIP 50 | BLOCKED_BY_OWNERSHIP 50 | ESCALATE 50 | ESCALATE 50 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "50.0001% blocks everywhere",
                        g -> g.listed("X").owns("X", "50.0001", "C"),
                        "C",
                        "BLOCKED_BY_OWNERSHIP 50.0001 | BLOCKED_BY_OWNERSHIP 50.0001 | BLOCKED_BY_OWNERSHIP 50.0001 | BLOCKED_BY_OWNERSHIP 50.0001 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "two listed owners aggregate: 30% + 25%",
                        g -> g.listed("X").listed("Y").owns("X", "30", "C").owns("Y", "25", "C"),
                        "C",
                        "BLOCKED_BY_OWNERSHIP 55 | BLOCKED_BY_OWNERSHIP 55 | BLOCKED_BY_OWNERSHIP 55 | BLOCKED_BY_OWNERSHIP 55 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "the domain's example: A and B are 50% held by X, so blocked under OFAC; C 25% + 25%",
                        g -> g.listed("X")
                                .owns("X", "50", "A")
                                .owns("X", "50", "B")
                                .owns("A", "25", "C")
                                .owns("B", "25", "C"),
                        "C",
                        "BLOCKED_BY_OWNERSHIP 50 | BLOCKED_BY_OWNERSHIP 50 | CLEAR 0 | CLEAR 0 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "a chain of 60% holdings: each link is blocked, so C is 60% held by a blocked person",
                        g -> g.listed("X")
                                .owns("X", "60", "A")
                                .owns("A", "60", "B")
                                .owns("B", "60", "C"),
                        "C",
                        "BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "a chain of 50% holdings blocks under OFAC only",
                        g -> g.listed("X")
                                .owns("X", "50", "A")
                                .owns("A", "50", "B")
                                .owns("B", "50", "C"),
                        "C",
                        "BLOCKED_BY_OWNERSHIP 50 | BLOCKED_BY_OWNERSHIP 50 | CLEAR 0 | CLEAR 0 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "an EU designation counts under the EU rule only",
                        g -> g.listedOn("X", "EU:EU.1.1").owns("X", "60", "C"),
                        "C",
                        "CLEAR 0 | CLEAR 0 | BLOCKED_BY_OWNERSHIP 60 | CLEAR 0 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "a UN designation counts under the EU and UK rules, which implement it",
                        g -> g.listedOn("X", "UN:QDe.1").owns("X", "60", "C"),
                        "C",
                        "CLEAR 0 | CLEAR 0 | BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "an OFAC designation with 30%: the minority threshold escalates under OFAC only",
                        g -> g.listedOn("X", "OFAC_SDN:1").owns("X", "30", "C"),
                        "C",
                        "ESCALATE 30 | ESCALATE 30 | CLEAR 0 | CLEAR 0 | ESCALATE"),
                new Case(
                        "finding 5: listed A controls B, B owns 60% of C; OFAC reviews what B owns",
                        g -> g.listedOn("A", "OFAC_SDN:1").controls("A", "B").owns("B", "60", "C"),
                        "C",
                        "ESCALATE 0 | ESCALATE 0 | CLEAR 0 | CLEAR 0 | ESCALATE"),
                new Case(
                        "control by a person designated everywhere: B is subject under EU and UK, so C is 60% held",
                        g -> g.listed("A").controls("A", "B").owns("B", "60", "C"),
                        "C",
                        "ESCALATE 0 | ESCALATE 0 | BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP 60 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "control of the party itself: escalates under OFAC, subjects it under the UK rule",
                        g -> g.listedOn("A", "UK:UK.1")
                                .listedOn("B", "OFAC_SDN:2")
                                .controls("A", "C")
                                .controls("B", "C"),
                        "C",
                        "ESCALATE 0 | ESCALATE 0 | CLEAR 0 | BLOCKED_BY_OWNERSHIP 0 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "a cycle: A is 50% held by X so blocked under OFAC, B is then 30% + 25% held",
                        g -> g.listed("X")
                                .owns("X", "50", "A")
                                .owns("A", "30", "B")
                                .owns("X", "25", "B")
                                .owns("B", "10", "A"),
                        "B",
                        "BLOCKED_BY_OWNERSHIP 55 | BLOCKED_BY_OWNERSHIP 55 | ESCALATE 25 | ESCALATE 25 | BLOCKED_BY_OWNERSHIP"),
                new Case(
                        "the party itself on the OFAC list",
                        g -> g.listedOn("C", "OFAC_SDN:3").owns("Z", "10", "C"),
                        "C",
                        "LISTED 0 | LISTED 0 | CLEAR 0 | CLEAR 0 | LISTED"),
                new Case(
                        "nobody listed",
                        g -> g.owns("A", "60", "C").owns("B", "40", "C"),
                        "C",
                        "CLEAR 0 | CLEAR 0 | CLEAR 0 | CLEAR 0 | CLEAR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void each_regime_applies_its_own_rule_and_names_it(Case c) {
        TestGraph graph = c.graph().apply(new TestGraph());
        OwnershipAssessment assessment = graph.assess(c.target());
        OwnershipAssessment cascade =
                graph.assess(c.target(), OwnershipRules.DEFAULT.withOfacRule(OfacRule.CONSERVATIVE_CASCADE));

        Map<Regime, String> answers = answers(assessment);
        assertThat(String.join(
                        " | ",
                        answers.get(Regime.OFAC),
                        answers(cascade).get(Regime.OFAC),
                        answers.get(Regime.EU),
                        answers.get(Regime.UK),
                        assessment.status().name()))
                .isEqualTo(c.answers());
        assertThat(assessment.regimes())
                .extracting(RegimeAssessment::ruleName)
                .containsExactly("OFAC_BLOCKED_HOLDINGS", "EU_OWNED_OR_CONTROLLED", "UK_OWNED_OR_CONTROLLED");
        assertThat(cascade.regimes().get(0).ruleName()).isEqualTo("OFAC_CONSERVATIVE_CASCADE");
        assertThat(assessment.rule())
                .startsWith(assessment.regime() == Regime.OFAC ? "OFAC_" : assessment.regime() + "_");
        assertThat(assessment.reasons())
                .allSatisfy(reason -> assertThat(reason.detail())
                        .matches("^(OFAC|EU|UK): .*|^listed persons hold .*|^cross-holdings .*"));
    }

    private static Map<Regime, String> answers(OwnershipAssessment assessment) {
        Map<Regime, String> answers = new LinkedHashMap<>();
        assessment
                .regimes()
                .forEach(regime -> answers.put(
                        regime.regime(), regime.status() + " " + SharePercent.format(regime.sharePercent())));
        return answers;
    }
}
