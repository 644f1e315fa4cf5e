package org.corridor.screening;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the evasion and script table of docs/screening.md: {@code mvn -q test -Dtest=EvasionReport
 * -Dcorridor.evaluation.report=true} (about a minute), or {@link #main}.
 */
@Tag("evaluation")
class EvasionReport {

    static final long SEED = 17;
    static final int LISTED = 300;
    static final int INNOCENTS = 1000;

    @Test
    @EnabledIfSystemProperty(named = "corridor.evaluation.report", matches = "true")
    void print_the_evasion_table() {
        main(new String[0]);
    }

    public static void main(String[] arguments) {
        List<ListSnapshot> lists = ShippedLists.load();
        Screener screener = Screener.ofSnapshots(lists);
        List<ListedEntity> listed = EvasionEvaluations.listedSample(lists, LISTED, SEED);
        List<String> innocents = EvasionEvaluations.innocents(INNOCENTS, SEED);
        StringBuilder out = new StringBuilder("| disguise | listed names found | innocent names flagged |\n");
        out.append("| --- | ---: | ---: |\n");
        out.append(row("none", screener, listed, innocents, null));
        for (Map.Entry<String, BiFunction<String, Random, String>> disguise :
                Disguises.all().entrySet()) {
            out.append(row(disguise.getKey(), screener, listed, innocents, disguise.getValue()));
        }
        out.append("\n| script | listed people found |\n| --- | ---: |\n");
        EvasionEvaluations.scripts(screener)
                .forEach((script, rate) -> out.append("| ")
                        .append(script)
                        .append(" | ")
                        .append(rate.percent())
                        .append(" |\n"));
        System.out.println(out);
    }

    private static String row(
            String name,
            Screener screener,
            List<ListedEntity> listed,
            List<String> innocents,
            BiFunction<String, Random, String> disguise) {
        return "| " + name + " | "
                + EvasionEvaluations.disguisedListed(screener, listed, disguise, SEED)
                        .percent()
                + " | "
                + EvasionEvaluations.disguisedInnocents(screener, innocents, disguise, SEED)
                        .percent()
                + " |\n";
    }
}
