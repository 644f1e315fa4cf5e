package org.corridor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The quality targets of the screening engine, on the development half of the shared evaluation
 * sets. Runs in every build where ../shared/data/sanctions (or $CORRIDOR_SHARED_DATA) exists and
 * skips otherwise. Each test stays within about a minute on two cores.
 */
@Tag("evaluation")
class EvaluationTest {

    private static final double THRESHOLD = Screener.DEFAULT_THRESHOLD;

    private static List<ListSnapshot> lists;
    private static ListSnapshot un;
    private static Screener unScreener;
    private static Screener fullScreener;

    @BeforeAll
    static void build() {
        EvaluationData.require("eval");
        lists = Evaluations.fullLists();
        un = Evaluations.un(lists);
        unScreener = Screener.ofSnapshots(List.of(un));
        fullScreener = Screener.ofSnapshots(lists);
    }

    @Test
    void name_pairs_reach_f1_of_0_88_and_beat_logic_v2() {
        Evaluations.Confusion ours = Evaluations.namePairs(NameMatcher.standard(), THRESHOLD);
        Evaluations.Confusion logicV2 = Evaluations.logicV2();

        assertThat(ours.f1()).as("F1 %s", ours).isGreaterThanOrEqualTo(0.88);
        assertThat(ours.f1()).isGreaterThan(logicV2.f1());
    }

    @Test
    void un_names_with_typos_find_the_right_entity_98_percent_of_the_time() {
        Evaluations.Rate withDetails = Evaluations.unTreatedRecall(unScreener, un, true, THRESHOLD);
        Evaluations.Rate nameOnly = Evaluations.unTreatedRecall(unScreener, un, false, THRESHOLD);

        assertThat(withDetails.fraction()).as(withDetails.percent()).isGreaterThanOrEqualTo(0.98);
        assertThat(nameOnly.fraction()).as(nameOnly.percent()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void generated_negatives_are_rarely_flagged_against_the_un_list() {
        Evaluations.Rate global = Evaluations.negatives(unScreener, "negatives_global.csv", true, THRESHOLD);
        Evaluations.Rate us = Evaluations.negatives(unScreener, "negatives_us.csv", true, THRESHOLD);

        assertThat(global.fraction()).as(global.percent()).isLessThanOrEqualTo(0.005);
        assertThat(us.fraction()).as(us.percent()).isLessThanOrEqualTo(0.005);
    }

    @Test
    void global_negatives_are_rarely_flagged_against_the_full_lists() {
        Evaluations.Rate global = Evaluations.negatives(fullScreener, "negatives_global.csv", true, THRESHOLD);

        assertThat(global.fraction()).as(global.percent()).isLessThanOrEqualTo(0.005);
    }

    @Test
    void us_negatives_are_rarely_flagged_against_the_full_lists() {
        Evaluations.Rate us = Evaluations.negatives(fullScreener, "negatives_us.csv", true, THRESHOLD);

        assertThat(us.fraction()).as(us.percent()).isLessThanOrEqualTo(0.005);
    }

    @Test
    void arabic_script_names_find_their_latin_listing() {
        Evaluations.Rate recall = Evaluations.arabicScriptUnNames(un, THRESHOLD);

        assertThat(recall.fraction()).as(recall.percent()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void arabic_transliterations_of_single_names_match() {
        Evaluations.Rate recall = Evaluations.googleTransliterations(NameMatcher.standard(), THRESHOLD);

        assertThat(recall.fraction()).as(recall.percent()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void cross_script_pairs_in_arabic_and_cyrillic_all_match() {
        Map<String, Evaluations.Rate> byScript = Evaluations.watchmanCrossScript(NameMatcher.standard(), THRESHOLD);

        assertThat(byScript.get("Arabic").fraction())
                .as(byScript.get("Arabic").percent())
                .isEqualTo(1.0);
        assertThat(byScript.get("Cyrillic").fraction())
                .as(byScript.get("Cyrillic").percent())
                .isEqualTo(1.0);
    }
}
