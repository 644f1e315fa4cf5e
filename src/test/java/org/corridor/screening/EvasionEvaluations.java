package org.corridor.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.corridor.csv.CsvRecord;

/**
 * Evasion and script evaluations: listed names under each {@link Disguises disguise} must still
 * find their listing, innocent names under the same disguises must stay clear, and listed people
 * written in other scripts ({@code /screening/scripts.tsv}) must find theirs. Samples are drawn with
 * fixed seeds from the shipped lists, so every run measures the same cases.
 */
final class EvasionEvaluations {

    private EvasionEvaluations() {}

    /** One row of scripts.tsv: a query in some script and the listing it must find. */
    record ScriptCase(String script, String query, String expected, String listed) {}

    static List<ScriptCase> scriptCases() {
        List<ScriptCase> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(EvasionEvaluations.class.getResourceAsStream("/screening/scripts.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                cases.add(new ScriptCase(columns[0], columns[1], columns[2], columns[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** Whether the screener finds the expected listing (list:id) for the query, screened untyped. */
    static boolean finds(Screener screener, String query, String expected) {
        return screener.screen(Party.named(query)).hits().stream()
                .anyMatch(hit -> hit.entity().key().equals(expected));
    }

    /** Found rate per script, in file order. */
    static Map<String, Evaluations.Rate> scripts(Screener screener) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (ScriptCase row : scriptCases()) {
            int[] count = counts.computeIfAbsent(row.script(), key -> new int[2]);
            count[1]++;
            if (finds(screener, row.query(), row.expected())) {
                count[0]++;
            }
        }
        Map<String, Evaluations.Rate> rates = new LinkedHashMap<>();
        counts.forEach((script, count) -> rates.put(script, new Evaluations.Rate(count[0], count[1])));
        return rates;
    }

    /**
     * Listed persons and organisations whose primary name is plain Latin of two to four words, a
     * fixed-seed sample of {@code size}.
     */
    static List<ListedEntity> listedSample(List<ListSnapshot> lists, int size, long seed) {
        List<ListedEntity> eligible = new ArrayList<>();
        for (ListSnapshot snapshot : lists) {
            for (ListedEntity entity : snapshot.entities()) {
                String name = entity.primaryName();
                int words = Disguises.words(name).size();
                if ((entity.type() == EntityType.PERSON || entity.type() == EntityType.ORGANISATION)
                        && name.matches("[A-Za-z ,.'-]+")
                        && words >= 2
                        && words <= 4
                        && name.replaceAll("[^A-Za-z]", "").length() >= 8) {
                    eligible.add(entity);
                }
            }
        }
        Collections.shuffle(eligible, new Random(seed));
        return List.copyOf(eligible.subList(0, Math.min(size, eligible.size())));
    }

    /** How many disguised listed names still find their own listing. */
    static Evaluations.Rate disguisedListed(
            Screener screener, List<ListedEntity> sample, BiFunction<String, Random, String> disguise, long seed) {
        List<String> queries =
                disguiseAll(sample.stream().map(ListedEntity::primaryName).toList(), disguise, seed);
        long found = IntStream.range(0, sample.size())
                .parallel()
                .filter(i -> finds(screener, queries.get(i), sample.get(i).key()))
                .count();
        return new Evaluations.Rate((int) found, sample.size());
    }

    /** How many disguised innocent names get any hit. */
    static Evaluations.Rate disguisedInnocents(
            Screener screener, List<String> innocents, BiFunction<String, Random, String> disguise, long seed) {
        List<String> queries = disguiseAll(innocents, disguise, seed);
        long flagged = queries.parallelStream()
                .filter(query -> !screener.screen(Party.named(query)).hits().isEmpty())
                .count();
        return new Evaluations.Rate((int) flagged, innocents.size());
    }

    private static List<String> disguiseAll(
            List<String> names, BiFunction<String, Random, String> disguise, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(disguise == null ? name : disguise.apply(name, random));
        }
        return out;
    }

    /**
     * Innocent names: a fixed-seed sample of the generated negatives when the shared data is present,
     * else made-up names from common given and family names.
     */
    static List<String> innocents(int size, long seed) {
        List<String> names = new ArrayList<>();
        if (EvaluationData.root().isPresent()) {
            for (CsvRecord row :
                    EvaluationData.csv(EvaluationData.require(Evaluations.YENTE + "negatives_global.csv"))) {
                if (row.field(0).matches("[\\p{IsLatin} .'-]+")) {
                    names.add(row.field(0));
                }
            }
            Collections.shuffle(names, new Random(seed));
            return List.copyOf(names.subList(0, Math.min(size, names.size())));
        }
        String[] given = {"James", "Maria", "Wei", "Olga", "Ahmed", "Fatima", "Hiroshi", "Priya", "Lukas", "Sofia"};
        String[] family = {"Smith", "Garcia", "Mueller", "Kowalski", "Nguyen", "Okafor", "Rossi", "Haddad", "Tanaka"};
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            names.add(given[random.nextInt(given.length)] + " " + family[random.nextInt(family.length)]);
        }
        return names;
    }
}
