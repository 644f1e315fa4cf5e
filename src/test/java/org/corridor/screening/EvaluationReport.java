package org.corridor.screening;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the evaluation table of docs/screening.md. Run it with
 * {@code mvn -q test -Dtest=EvaluationReport -Dcorridor.evaluation.report=true} (about five minutes
 * on two cores), or call {@link #main} from an IDE.
 */
@Tag("evaluation")
class EvaluationReport {

    @Test
    @EnabledIfSystemProperty(named = "corridor.evaluation.report", matches = "true")
    void print_the_evaluation_table() {
        main(new String[0]);
    }

    public static void main(String[] arguments) {
        double threshold = arguments.length > 0 ? Double.parseDouble(arguments[0]) : Screener.DEFAULT_THRESHOLD;
        List<ListSnapshot> lists = Evaluations.fullLists();
        ListSnapshot un = Evaluations.un(lists);
        Screener unScreener = Screener.ofSnapshots(List.of(un));
        Screener fullScreener = Screener.ofSnapshots(lists);
        NameMatcher matcher = NameMatcher.standard();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Threshold %.2f, data %s%n%n", threshold, Evaluations.root()));

        Evaluations.Confusion ours = Evaluations.namePairs(matcher, threshold);
        Evaluations.Confusion logicV2 = Evaluations.logicV2();
        out.append("| name pairs (nomenklatura name_bench) | pairs | precision | recall | F1 |\n");
        out.append("| --- | ---: | ---: | ---: | ---: |\n");
        out.append(confusionRow("Corridor, threshold " + threshold, ours));
        out.append(confusionRow("OpenSanctions logic-v2 (frozen run, 0.70)", logicV2));
        out.append('\n');
        for (double t = 0.60; t <= 0.801; t += 0.05) {
            out.append(
                    confusionRow(String.format(Locale.ROOT, "Corridor at %.2f", t), Evaluations.namePairs(matcher, t)));
        }
        out.append('\n');

        out.append("| screening | result |\n| --- | ---: |\n");
        out.append(row(
                "UN treated positives vs UN list, with birth date and nationality: right entity among hits",
                Evaluations.unTreatedRecall(unScreener, un, true, threshold)));
        out.append(row(
                "UN treated positives vs UN list, name only: right entity among hits",
                Evaluations.unTreatedRecall(unScreener, un, false, threshold)));
        for (String file : List.of("negatives_global.csv", "negatives_us.csv")) {
            for (boolean details : List.of(true, false)) {
                String how = details ? "with birth date and nationality" : "name only";
                out.append(row(
                        file + " vs UN list, " + how + ": flagged",
                        Evaluations.negatives(unScreener, file, details, threshold)));
                out.append(row(
                        file + " vs OFAC+UN+UK, " + how + ": flagged",
                        Evaluations.negatives(fullScreener, file, details, threshold)));
            }
        }
        out.append(row(
                "UN Arabic-script names vs UN Latin listing (original script withheld): found",
                Evaluations.arabicScriptUnNames(un, threshold)));
        out.append(row(
                "google/transliteration ar2en train+eval pairs: matched",
                Evaluations.googleTransliterations(matcher, threshold)));
        for (Map.Entry<String, Evaluations.Rate> entry :
                Evaluations.watchmanCrossScript(matcher, threshold).entrySet()) {
            out.append(row("watchman cross-script pairs, " + entry.getKey() + ": matched", entry.getValue()));
        }
        Evaluations.OfacAgreement ofac = Evaluations.ofacFixtures(matcher, threshold);
        out.append(row("OFAC search fixtures, OFAC score >= 95: we match too", ofac.strongFound()));
        out.append(row("OFAC search fixtures, OFAC score 50-94: we match too", ofac.weakFound()));
        out.append(
                row("OFAC search fixtures, not returned by OFAC: we do not match either", ofac.notReturnedRejected()));
        System.out.println(out);
    }

    private static String confusionRow(String label, Evaluations.Confusion c) {
        return String.format(
                Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", label, c.total(), c.precision(), c.recall(), c.f1());
    }

    private static String row(String label, Evaluations.Rate rate) {
        return "| " + label + " | " + rate.percent() + " |\n";
    }
}
