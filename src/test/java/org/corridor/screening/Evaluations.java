package org.corridor.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.corridor.csv.CsvRecord;

/**
 * The evaluations of docs/screening.md, shared by {@link EvaluationTest} (which asserts the targets)
 * and {@link EvaluationReport} (which prints the table). They read the development half of the
 * shared evaluation sets; labels are only read here, never by the engine.
 */
final class Evaluations {

    private Evaluations() {}

    /** Counts of a binary decision against labels. */
    record Confusion(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {
        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        int total() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        static Confusion of(List<Boolean> labels, List<Boolean> predictions) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int tn = 0;
            for (int i = 0; i < labels.size(); i++) {
                boolean label = labels.get(i);
                boolean predicted = predictions.get(i);
                if (label && predicted) {
                    tp++;
                } else if (predicted) {
                    fp++;
                } else if (label) {
                    fn++;
                } else {
                    tn++;
                }
            }
            return new Confusion(tp, fp, fn, tn);
        }
    }

    /** How many of a set met a condition. */
    record Rate(int count, int total) {
        double fraction() {
            return count / (double) Math.max(1, total);
        }

        String percent() {
            return String.format(Locale.ROOT, "%.2f%% (%d/%d)", 100 * fraction(), count, total);
        }
    }

    static final String NAME_BENCH = "eval/nomenklatura_name_bench/cases.csv";
    static final String LOGIC_V2 = "eval/nomenklatura_name_bench/logicv2-frozen.csv";
    static final String YENTE = "eval/yente_candidate_generation/";

    /** Every labelled pair of the name bench scored at {@code threshold}. */
    static Confusion namePairs(NameMatcher matcher, double threshold) {
        List<CsvRecord> cases = EvaluationData.csv(EvaluationData.require(NAME_BENCH));
        List<Boolean> labels = new ArrayList<>();
        List<Boolean> predictions = new ArrayList<>();
        for (CsvRecord row : cases) {
            labels.add(row.field(4).equals("true"));
            double score = matcher.score(row.field(2), row.field(3), EntityType.fromSchema(row.field(1)))
                    .score();
            predictions.add(score >= threshold);
        }
        return Confusion.of(labels, predictions);
    }

    /** OpenSanctions logic-v2's frozen predictions on the same table (its rows that are here). */
    static Confusion logicV2() {
        List<CsvRecord> rows = EvaluationData.csv(EvaluationData.require(LOGIC_V2));
        List<Boolean> labels = new ArrayList<>();
        List<Boolean> predictions = new ArrayList<>();
        for (CsvRecord row : rows) {
            labels.add(row.field(5).equals("true"));
            predictions.add(row.field(10).equals("true"));
        }
        return Confusion.of(labels, predictions);
    }

    /** A row of the yente fixtures as a person to screen, optionally with birth date and nationality. */
    static Party person(CsvRecord row, boolean withDetails) {
        Party party = Party.named(row.field(0)).withType(EntityType.PERSON);
        if (!withDetails) {
            return party;
        }
        if (!row.field(5).isBlank()) {
            try {
                party = party.withBirthDate(PartialDate.parse(row.field(5)));
            } catch (IllegalArgumentException e) {
                // A date the fixture writes another way is left out, as a customer file would be.
            }
        }
        if (!row.field(7).isBlank()) {
            try {
                party = party.withNationality(row.field(7));
            } catch (IllegalArgumentException e) {
                // An unrecognised country is left out.
            }
        }
        return party;
    }

    /**
     * The UN individuals with typos and reordering, screened against the UN list: how often the
     * right entity is among the hits. Rows of the untreated file name the entity (by exact name).
     */
    static Rate unTreatedRecall(Screener un, ListSnapshot unList, boolean withDetails, double threshold) {
        List<CsvRecord> untreated = EvaluationData.csv(EvaluationData.require(YENTE + "positives_un_untreated.csv"));
        List<CsvRecord> treated = EvaluationData.csv(EvaluationData.require(YENTE + "positives_un_treated.csv"));
        Map<String, Set<String>> idsByName = new HashMap<>();
        for (ListedEntity entity : unList.entities()) {
            for (ListedName name : entity.names()) {
                idsByName
                        .computeIfAbsent(name.text().strip().toLowerCase(Locale.ROOT), key -> new java.util.HashSet<>())
                        .add(entity.id());
            }
        }
        ScreeningOptions options = new ScreeningOptions(threshold, ScreeningOptions.DEFAULT_LIMIT);
        List<Integer> rows = IntStream.range(0, treated.size())
                .filter(i ->
                        idsByName.containsKey(untreated.get(i).field(0).strip().toLowerCase(Locale.ROOT)))
                .boxed()
                .toList();
        long found = rows.parallelStream()
                .filter(i -> {
                    Set<String> expected =
                            idsByName.get(untreated.get(i).field(0).strip().toLowerCase(Locale.ROOT));
                    return un.screen(person(treated.get(i), withDetails), options).hits().stream()
                            .anyMatch(hit -> expected.contains(hit.entityId()));
                })
                .count();
        return new Rate((int) found, rows.size());
    }

    /** How many generated negatives (people who are on no list) get at least one hit. */
    static Rate negatives(Screener screener, String file, boolean withDetails, double threshold) {
        List<CsvRecord> rows = EvaluationData.csv(EvaluationData.require(YENTE + file));
        ScreeningOptions options = new ScreeningOptions(threshold, 1);
        long flagged = rows.parallelStream()
                .filter(row -> !screener.screen(person(row, withDetails), options)
                        .hits()
                        .isEmpty())
                .count();
        return new Rate((int) flagged, rows.size());
    }

    static boolean hasArabicScript(String text) {
        return text.codePoints().anyMatch(ArabicRomaniser::isArabicScript);
    }

    /**
     * UN individuals whose name the list also gives in Arabic script, screened by that name against
     * the UN list with every original-script name withheld: found only through transliteration.
     */
    static Rate arabicScriptUnNames(ListSnapshot unList, double threshold) {
        Screener latinOnly = Screener.of(unList.entities().stream()
                .map(entity -> entity.withoutNames(NameKind.ORIGINAL_SCRIPT))
                .toList());
        List<ListedEntity> withArabic = unList.entities().stream()
                .filter(entity -> entity.type() == EntityType.PERSON)
                .filter(entity -> entity.names().stream()
                        .anyMatch(name -> name.kind() == NameKind.ORIGINAL_SCRIPT && hasArabicScript(name.text())))
                .toList();
        ScreeningOptions options = new ScreeningOptions(threshold, ScreeningOptions.DEFAULT_LIMIT);
        long found = withArabic.parallelStream()
                .filter(entity -> {
                    String script = entity.names().stream()
                            .filter(name -> name.kind() == NameKind.ORIGINAL_SCRIPT)
                            .findFirst()
                            .orElseThrow()
                            .text();
                    return latinOnly.screen(Party.named(script).withType(EntityType.PERSON), options).hits().stream()
                            .anyMatch(hit -> hit.entityId().equals(entity.id()));
                })
                .count();
        return new Rate((int) found, withArabic.size());
    }

    /** Arabic-script words and their English transliterations (Wikipedia-mined), scored as pairs. */
    static Rate googleTransliterations(NameMatcher matcher, double threshold) {
        List<String[]> pairs = new ArrayList<>();
        for (String file : List.of("ar2en-train.txt", "ar2en-eval.txt")) {
            for (String line :
                    EvaluationData.lines(EvaluationData.require("eval/google_transliteration_ar2en/" + file))) {
                String[] columns = line.split("\t");
                if (columns.length == 2 && !columns[0].isBlank() && !columns[1].isBlank()) {
                    pairs.add(columns);
                }
            }
        }
        long matched = pairs.parallelStream()
                .filter(pair -> matcher.score(pair[0], pair[1], Optional.of(EntityType.PERSON))
                                .score()
                        >= threshold)
                .count();
        return new Rate((int) matched, pairs.size());
    }

    /** moov-io/watchman's cross-script pairs (several scripts), scored as pairs. */
    static Map<String, Rate> watchmanCrossScript(NameMatcher matcher, double threshold) {
        List<String> lines =
                EvaluationData.lines(EvaluationData.require("eval/watchman_cross_script/cross_script_pairs.csv"));
        Map<String, int[]> byScript = new java.util.LinkedHashMap<>();
        String script = "other";
        for (String line : lines) {
            if (line.startsWith("# ") && line.contains(" to Latin")) {
                script = line.substring(2, line.indexOf(" to Latin")).replace(" (Hangul)", "");
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split(",");
            int[] counts = byScript.computeIfAbsent(script, key -> new int[2]);
            counts[1]++;
            if (matcher.score(columns[0], columns[1], Optional.of(EntityType.PERSON))
                            .score()
                    >= threshold) {
                counts[0]++;
            }
        }
        return byScript.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> new Rate(entry.getValue()[0], entry.getValue()[1]),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** What OFAC's own search tool returned, next to our decision on the same pairs. */
    record OfacAgreement(Rate strongFound, Rate weakFound, Rate notReturnedRejected) {}

    static OfacAgreement ofacFixtures(NameMatcher matcher, double threshold) {
        List<CsvRecord> rows =
                EvaluationData.csv(EvaluationData.require("eval/nomenklatura_ofac_fixtures/ofac_fixtures.csv"));
        int[] strong = new int[2];
        int[] weak = new int[2];
        int[] absent = new int[2];
        for (CsvRecord row : rows) {
            int ofac = Integer.parseInt(row.field(2).strip());
            boolean ours =
                    matcher.score(row.field(0), row.field(1), Optional.empty()).score() >= threshold;
            int[] bucket = ofac < 0 ? absent : ofac >= 95 ? strong : weak;
            bucket[1]++;
            if (ofac < 0 ? !ours : ours) {
                bucket[0]++;
            }
        }
        return new OfacAgreement(
                new Rate(strong[0], strong[1]), new Rate(weak[0], weak[1]), new Rate(absent[0], absent[1]));
    }

    /** The shipped OFAC SDN, OFAC non-SDN, UN and UK lists, as the bench and the targets use them. */
    static List<ListSnapshot> fullLists() {
        return ShippedLists.load(
                EnumSet.of(SanctionsList.OFAC_SDN, SanctionsList.OFAC_NON_SDN, SanctionsList.UN, SanctionsList.UK));
    }

    static ListSnapshot un(List<ListSnapshot> lists) {
        return lists.stream()
                .filter(list -> list.list() == SanctionsList.UN)
                .findFirst()
                .orElseThrow();
    }

    static Path root() {
        return EvaluationData.root().orElseThrow();
    }
}
