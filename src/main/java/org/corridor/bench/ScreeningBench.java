package org.corridor.bench;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.corridor.screening.EntityType;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.ListedName;
import org.corridor.screening.OrderedBatch;
import org.corridor.screening.Party;
import org.corridor.screening.SanctionsList;
import org.corridor.screening.Screener;
import org.corridor.screening.ShippedLists;

/**
 * {@code corridor bench screening}: throughput and latency of screening against the full shipped
 * OFAC SDN, OFAC non-SDN, UN and UK lists, next to a brute-force baseline (Jaro-Winkler of the query
 * against every listed name). Every case runs several rounds after a warm-up and reports the median
 * round, because the build machine's cores are shared and noisy.
 */
public final class ScreeningBench {

    private static final String SECTION = "## Screening";

    private final Options options;

    /** The options of the benchmark; the command line gives their defaults. */
    public record Options(int rounds, int queries, int baselineQueries, boolean record, Path docs) {}

    public ScreeningBench(Options options) {
        this.options = options;
    }

    /** One case's median figures. */
    record Result(String name, double tps, double p50Millis, double p99Millis, double versusBaseline) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%s tps=%d p50_ms=%.3f p99_ms=%.3f vs_baseline=%.1f",
                    name,
                    Math.round(tps),
                    p50Millis,
                    p99Millis,
                    versusBaseline);
        }
    }

    private double loadAtStart;

    /**
     * Screening at scale ({@code --entities N}): the paths users run over the shipped lists and N
     * synthetic entities, with the index on disk; returns the exit code.
     */
    public static int atScale(int entities, int rows, int queries) throws Exception {
        return new ScaleScreeningBench(entities, rows, queries).run();
    }

    /** Runs the benchmark and prints one line per case; returns the exit code. */
    public int run() {
        loadAtStart = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        if (options.rounds() < 1 || options.queries() < 10 || options.baselineQueries() < 1) {
            System.err.println("bench screening: --rounds >= 1, --queries >= 10 and --baseline-queries >= 1");
            return 2;
        }
        long loadStart = System.nanoTime();
        List<ListSnapshot> snapshots = ShippedLists.load(
                EnumSet.of(SanctionsList.OFAC_SDN, SanctionsList.OFAC_NON_SDN, SanctionsList.UN, SanctionsList.UK));
        List<ListedEntity> entities = new ArrayList<>();
        snapshots.forEach(snapshot -> entities.addAll(snapshot.entities()));
        long indexStart = System.nanoTime();
        Screener screener = Screener.of(entities);
        long indexEnd = System.nanoTime();
        System.err.printf(
                Locale.ROOT,
                "bench screening: %d entities; lists parsed in %.1f s, index built in %.1f s%n",
                entities.size(),
                (indexStart - loadStart) / 1e9,
                (indexEnd - indexStart) / 1e9);
        List<Party> workload = workload(snapshots, options.queries(), new Random(42));
        List<String> baselineNames = normalisedNames(entities);

        // Warm-up: the JIT needs a few thousand queries before latencies mean anything.
        for (int i = 0; i < 2; i++) {
            workload.forEach(screener::screen);
        }
        Result baseline = median("baseline", options.rounds(), () -> baselineRound(workload, baselineNames), 1);
        Result single = median("single", options.rounds(), () -> singleRound(screener, workload), 0);
        Result batch = median("batch", options.rounds(), () -> batchRound(screener, workload), 0);
        single = new Result(
                "single",
                single.tps(),
                single.p50Millis(),
                single.p99Millis(),
                baseline.p50Millis() / single.p50Millis());
        batch = new Result("batch", batch.tps(), batch.p50Millis(), batch.p99Millis(), batch.tps() / baseline.tps());
        List<Result> results = List.of(single, batch, baseline);
        results.forEach(result -> System.out.println(result.line()));
        Recall recall = candidateRecall(screener, workload);
        System.out.println(recall.line());
        java.util.Optional<Recall> development = developmentSets().map(queries -> candidateRecall(screener, queries));
        development.ifPresent(found -> System.out.println("development_sets_" + found.line()));
        if (options.record()) {
            recordResults(results, recall, development, entities.size());
        }
        return 0;
    }

    /** Queries whose hits are compared with exhaustive scoring (each takes tens of milliseconds). */
    private static final int RECALL_QUERIES = 200;

    /** Hits the index found out of those scoring every listed name finds. */
    record Recall(int found, int exhaustive, int queries) {
        double fraction() {
            return exhaustive == 0 ? 1 : found / (double) exhaustive;
        }

        String line() {
            return String.format(
                    Locale.ROOT, "candidate_recall=%.4f hits=%d/%d queries=%d", fraction(), found, exhaustive, queries);
        }
    }

    /**
     * Candidate recall: of the hits that scoring the query against every listed name gives, the
     * share that screening through the index also gives. Retrieval must lose none of what the
     * scorer would accept.
     */
    static Recall candidateRecall(Screener screener, List<Party> workload) {
        int queries = Math.min(RECALL_QUERIES, workload.size());
        int found = 0;
        int exhaustive = 0;
        for (Party party : workload.subList(0, queries)) {
            java.util.Set<String> indexed = new java.util.HashSet<>();
            screener.screen(party, org.corridor.screening.ScreeningOptions.DEFAULT)
                    .hits()
                    .forEach(hit -> indexed.add(hit.entity().key()));
            for (org.corridor.screening.Hit hit : screener.screenExhaustively(
                            party, org.corridor.screening.ScreeningOptions.DEFAULT)
                    .hits()) {
                exhaustive++;
                if (indexed.contains(hit.entity().key())) {
                    found++;
                }
            }
        }
        return new Recall(found, exhaustive, queries);
    }

    /** Queries read from each development file for candidate recall: listed people, then innocents. */
    private static final int DEVELOPMENT_QUERIES = 100;

    /**
     * The development sets' queries when their folder is present ({@code CORRIDOR_SHARED_DATA}, else
     * {@code ../shared/data/sanctions}): the first UN people with typos and the first generated
     * innocent people, as persons. They are not shipped; without them only the workload is measured.
     */
    static java.util.Optional<List<Party>> developmentSets() {
        String configured = System.getenv("CORRIDOR_SHARED_DATA");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("..", "shared", "data", "sanctions");
        Path folder = root.resolve("eval").resolve("yente_candidate_generation");
        List<Party> parties = new ArrayList<>();
        for (String file : List.of("positives_un_treated.csv", "negatives_global.csv")) {
            Path path = folder.resolve(file);
            if (!java.nio.file.Files.isRegularFile(path)) {
                return java.util.Optional.empty();
            }
            try (org.corridor.csv.CsvReader reader = org.corridor.csv.CsvReader.of(
                    java.nio.file.Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8))) {
                reader.next();
                for (int i = 0; i < DEVELOPMENT_QUERIES; i++) {
                    java.util.Optional<org.corridor.csv.CsvRecord> row = reader.next();
                    if (row.isEmpty()) {
                        break;
                    }
                    parties.add(Party.named(row.get().field(0)).withType(EntityType.PERSON));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return java.util.Optional.of(parties);
    }

    private interface Round {
        Result run();
    }

    private static Result median(String name, int rounds, Round round, double versusBaseline) {
        double[] tps = new double[rounds];
        double[] p50 = new double[rounds];
        double[] p99 = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            Result result = round.run();
            tps[i] = result.tps();
            p50[i] = result.p50Millis();
            p99[i] = result.p99Millis();
        }
        return new Result(name, middle(tps), middle(p50), middle(p99), versusBaseline);
    }

    private static double middle(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static Result singleRound(Screener screener, List<Party> workload) {
        long[] latencies = new long[workload.size()];
        long start = System.nanoTime();
        for (int i = 0; i < workload.size(); i++) {
            long before = System.nanoTime();
            screener.screen(workload.get(i));
            latencies[i] = System.nanoTime() - before;
        }
        long elapsed = System.nanoTime() - start;
        return summary("single", latencies, elapsed);
    }

    private static Result batchRound(Screener screener, List<Party> workload) {
        List<Party> items = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            items.addAll(workload);
        }
        return batchOver("batch", screener, items);
    }

    /** The items on every core through {@link OrderedBatch}, as {@code screen names} runs them. */
    static Result batchOver(String name, Screener screener, List<Party> items) {
        int threads = Runtime.getRuntime().availableProcessors();
        long[] latencies = new long[items.size()];
        int[] next = {0};
        long start = System.nanoTime();
        OrderedBatch.<Party, Long>of(threads, 64)
                .run(
                        items.iterator(),
                        party -> {
                            long before = System.nanoTime();
                            screener.screen(party);
                            return System.nanoTime() - before;
                        },
                        latency -> latencies[next[0]++] = latency,
                        done -> {});
        long elapsed = System.nanoTime() - start;
        return summary(name, latencies, elapsed);
    }

    private Result baselineRound(List<Party> workload, List<String> names) {
        int count = Math.min(options.baselineQueries(), workload.size());
        long[] latencies = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            String query = normalise(workload.get(i).name());
            double best = 0;
            for (String name : names) {
                best = Math.max(best, jaroWinkler(query, name));
            }
            latencies[i] = System.nanoTime() - before;
            if (best > 1) {
                throw new IllegalStateException("Jaro-Winkler above 1");
            }
        }
        long elapsed = System.nanoTime() - start;
        return summary("baseline", latencies, elapsed);
    }

    static Result summary(String name, long[] latencies, long elapsedNanos) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double p50 = sorted[(int) Math.floor(0.50 * (sorted.length - 1))] / 1e6;
        double p99 = sorted[(int) Math.floor(0.99 * (sorted.length - 1))] / 1e6;
        return new Result(name, latencies.length / (elapsedNanos / 1e9), p50, p99, 0);
    }

    /**
     * Realistic queries, half of them listed people with the kinds of damage real input has (a
     * typo, swapped letters, "SURNAME, Given" order, a dropped middle name), half made-up people
     * from common international names. Deterministic for a given seed.
     */
    static List<Party> workload(List<ListSnapshot> snapshots, int size, Random random) {
        List<String> listed = new ArrayList<>();
        for (ListSnapshot snapshot : snapshots) {
            if (snapshot.list() != SanctionsList.UN) {
                continue;
            }
            for (ListedEntity entity : snapshot.entities()) {
                if (entity.type() == EntityType.PERSON) {
                    listed.add(entity.primaryName());
                }
            }
        }
        String[] given = {
            "James", "Maria", "Wei", "Olga", "Ahmed", "Fatima", "Hiroshi", "Priya", "Lukas", "Sofia", "Carlos", "Aisha",
            "Ivan", "Chen", "Elena", "Omar", "Anna", "David", "Mei", "Jorge", "Grace", "Tariq", "Ines", "Kwame",
            "Leila", "Pavel", "Yusuf", "Hana", "Miguel", "Zainab"
        };
        String[] family = {
            "Smith", "Garcia", "Mueller", "Kowalski", "Nguyen", "Okafor", "Rossi", "Haddad", "Tanaka", "Petrov",
            "Silva", "Johansson", "Khan", "Dubois", "Novak", "Yilmaz", "Sato", "Kim", "Ortiz", "Andersen",
            "Mensah", "Rahimi", "Costa", "Fischer", "Lindqvist", "Moreau", "Ibrahim", "Park", "Santos", "Hughes"
        };
        List<Party> parties = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (i % 2 == 0 && !listed.isEmpty()) {
                parties.add(Party.named(damage(listed.get(random.nextInt(listed.size())), random)));
            } else {
                String name = given[random.nextInt(given.length)] + " "
                        + (random.nextInt(4) == 0 ? given[random.nextInt(given.length)] + " " : "")
                        + family[random.nextInt(family.length)];
                parties.add(Party.named(name));
            }
        }
        Collections.shuffle(parties, random);
        return parties;
    }

    private static String damage(String name, Random random) {
        List<String> words = new ArrayList<>(Arrays.asList(name.split(" ")));
        switch (random.nextInt(5)) {
            case 0 -> {
                int w = random.nextInt(words.size());
                String word = words.get(w);
                if (word.length() > 3) {
                    int at = 1 + random.nextInt(word.length() - 2);
                    words.set(
                            w, word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2));
                }
            }
            case 1 -> {
                int w = random.nextInt(words.size());
                String word = words.get(w);
                if (word.length() > 4) {
                    int at = 1 + random.nextInt(word.length() - 2);
                    words.set(w, word.substring(0, at) + word.substring(at + 1));
                }
            }
            case 2 -> {
                if (words.size() > 1) {
                    String last = words.remove(words.size() - 1);
                    return last + ", " + String.join(" ", words);
                }
            }
            case 3 -> {
                if (words.size() > 2) {
                    words.remove(1);
                }
            }
            default -> {
                // Left as listed.
            }
        }
        return String.join(" ", words);
    }

    private static List<String> normalisedNames(List<ListedEntity> entities) {
        List<String> names = new ArrayList<>();
        for (ListedEntity entity : entities) {
            for (ListedName name : entity.names()) {
                names.add(normalise(name.text()));
            }
        }
        return names;
    }

    /** The baseline's normalisation: lower case, accents off, punctuation to spaces. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ');
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Jaro-Winkler similarity with the usual prefix scale 0.1 over at most four characters. */
    static double jaroWinkler(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.equals(b) ? 1 : 0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    private void recordResults(
            List<Result> results, Recall recall, java.util.Optional<Recall> development, int entityCount) {
        StringBuilder section = new StringBuilder();
        section.append(SECTION).append("\n\n");
        section.append("Recorded by `./corridor bench screening --record` (")
                .append(options.rounds())
                .append(" rounds of ")
                .append(options.queries())
                .append(" queries, median round) on ")
                .append(LocalDate.now())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(String.format(
                        Locale.ROOT,
                        ", system load average %.1f when the run started (the cores are shared, so figures vary"
                                + " with other work).%n%n",
                        loadAtStart));
        section.append("Lists: shipped OFAC SDN + OFAC non-SDN + UN + UK snapshot, ")
                .append(entityCount)
                .append(" entities. Queries: half listed UN people with typical damage, half made-up names.\n\n");
        section.append("| case | names/s | p50 ms | p99 ms | vs baseline |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (Result result : results) {
            section.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.3f | %.3f | %.1f |%n",
                    result.name(),
                    Math.round(result.tps()),
                    result.p50Millis(),
                    result.p99Millis(),
                    result.versusBaseline()));
        }
        section.append("\n`single`: one party at a time on one thread (targets p50 <= 1 ms, p99 <= 5 ms). `batch`: ")
                .append("`OrderedBatch` over all cores, as `screen names` runs (target >= 5,000 names/s); its vs ")
                .append("baseline is the throughput ratio. `baseline`: Jaro-Winkler of the query against every ")
                .append("listed name; single's vs baseline is the p50 ratio.\n");
        section.append(String.format(
                Locale.ROOT,
                "%nCandidate recall (the first %d queries' hits through the index, out of those found by scoring every"
                        + " listed name; target >= 99.5%%): %.2f%% (%d/%d).%n%n",
                recall.queries(),
                100 * recall.fraction(),
                recall.found(),
                recall.exhaustive()));
        development.ifPresent(found -> section.append(String.format(
                Locale.ROOT,
                "Candidate recall on the development sets (the first %d UN people with typos and the first %d"
                        + " generated innocent people, as persons): %.2f%% (%d/%d).%n%n",
                DEVELOPMENT_QUERIES,
                DEVELOPMENT_QUERIES,
                100 * found.fraction(),
                found.found(),
                found.exhaustive())));
        BenchReport.writeSection(options.docs(), "Screening", section.toString());
        System.err.println("bench screening: recorded in " + options.docs());
    }
}
