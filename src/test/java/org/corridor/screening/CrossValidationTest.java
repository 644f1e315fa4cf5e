package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scorer's weights are the ones five-fold cross-validation chooses on the development name
 * pairs, and the cross-validated F1 is reported beside the in-sample one (docs/screening.md
 * section 7). Runs where the evaluation data is present and skips otherwise; a few seconds.
 */
@Tag("evaluation")
class CrossValidationTest {

    private static final double THRESHOLD = Screener.DEFAULT_THRESHOLD;
    private static List<CrossValidation.Pair> pairs;

    @BeforeAll
    static void align() {
        pairs = CrossValidation.pairs(NameMatcher.standard());
    }

    @Test
    void the_standard_weights_are_the_ones_the_whole_development_set_chooses() {
        ScoreWeights chosen = CrossValidation.fit(pairs, CrossValidation.grid(), THRESHOLD);

        assertThat(ScoreWeights.STANDARD).isEqualTo(chosen);
    }

    @Test
    void the_folds_are_fixed_and_each_holds_a_fifth_of_the_pairs() {
        int[] folds = CrossValidation.folds(pairs.size());

        assertThat(CrossValidation.folds(pairs.size())).isEqualTo(folds);
        for (int k = 0; k < CrossValidation.FOLDS; k++) {
            int fold = k;
            long size = java.util.Arrays.stream(folds).filter(f -> f == fold).count();
            assertThat(size).isBetween((long) pairs.size() / 5, (long) pairs.size() / 5 + 1);
        }
    }

    @Test
    void cross_validated_f1_is_reported_beside_the_in_sample_one() {
        CrossValidation.Result result = CrossValidation.crossValidate(pairs, CrossValidation.grid(), THRESHOLD);
        Evaluations.Confusion inSample = CrossValidation.confusion(pairs, ScoreWeights.STANDARD, THRESHOLD);
        Map<String, Evaluations.Confusion> ablations = CrossValidation.ablations(pairs, THRESHOLD);

        StringBuilder report = new StringBuilder();
        report.append(line("in-sample, standard weights", inSample));
        report.append(line("cross-validated (5 folds)", result.heldOut()));
        ablations.forEach((term, confusion) -> report.append(line("cross-validated without " + term, confusion)));
        result.chosen()
                .forEach(weights ->
                        report.append("  fold chose ").append(weights).append('\n'));
        System.out.print(report);

        assertThat(result.heldOut().f1()).as(report.toString()).isGreaterThan(0.85);
        assertThat(inSample.f1()).isGreaterThanOrEqualTo(result.heldOut().f1());
    }

    private static String line(String label, Evaluations.Confusion c) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", label, c.precision(), c.recall(), c.f1());
    }
}
