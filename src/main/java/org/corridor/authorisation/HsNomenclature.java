package org.corridor.authorisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.corridor.csv.CsvReader;
import org.corridor.csv.CsvRecord;

/**
 * The HS 2022 nomenclature's own texts (chapters, headings, six-digit subheadings), shipped in the
 * jar with its provenance, plus the curated goods vocabulary, indexed for reading a description
 * against them. Each subheading's context is its own text, its heading's and its chapter's, split
 * into the words the texts include and the words they only name to exclude ("excluding chewing
 * gum", "other than durum wheat"). Immutable and thread-safe once loaded.
 */
final class HsNomenclature {

    static final String RESOURCE = "/authorisation/goods/hs2022-harmonized-system.csv.gz";
    static final String SOURCE = "HS 2022 nomenclature texts (github.com/datasets/harmonized-system, ODC-PDDL-1.0)";

    /** Words after which a clause of a heading text names what the heading does not cover. */
    private static final Pattern EXCLUSION =
            Pattern.compile("\\b(excluding|other than|not|except|without)\\b(.*)$", Pattern.CASE_INSENSITIVE);

    /** One six-digit subheading with the words of its context. */
    record Subheading(String code, String text, Set<String> included, Set<String> excluded) {
        String heading() {
            return code.substring(0, 4);
        }
    }

    /** A subheading and how much of a description it explains. */
    record Reading(Subheading subheading, double score, Set<String> explained) {}

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Subheading> subheadings = new HashMap<>();
    private final List<Subheading> all = new ArrayList<>();
    /** For each stem, the positions in {@code all} of the subheadings whose context includes it. */
    private final Map<String, List<Integer>> index = new HashMap<>();

    private final Map<String, Double> idf = new HashMap<>();
    private final GoodsVocabulary vocabulary;

    private HsNomenclature(List<CsvRecord> rows, GoodsVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (CsvRecord row : rows) {
            texts.put(row.field(1), row.field(2));
        }
        Map<String, Set<String>> headingWords = new HashMap<>();
        for (CsvRecord row : rows) {
            String code = row.field(1);
            if (code.length() == 6 && code.matches("\\d{6}")) {
                Subheading sub = context(code);
                subheadings.put(code, sub);
                headingWords
                        .computeIfAbsent(sub.heading(), k -> new HashSet<>())
                        .addAll(sub.included());
                for (String stem : sub.included()) {
                    index.computeIfAbsent(stem, k -> new ArrayList<>()).add(all.size());
                }
                all.add(sub);
            }
        }
        Map<String, Integer> df = new HashMap<>();
        headingWords.values().forEach(words -> words.forEach(w -> df.merge(w, 1, Integer::sum)));
        double headings = headingWords.size();
        df.forEach((stem, count) -> idf.put(stem, Math.log(headings / count)));
    }

    /** The nomenclature that ships in the jar. */
    static HsNomenclature shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final HsNomenclature INSTANCE = load();
    }

    private static HsNomenclature load() {
        try (InputStream in = HsNomenclature.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the HS nomenclature is missing from the jar: " + RESOURCE);
            }
            String csv = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            List<CsvRecord> rows = CsvReader.ofUtf8(csv.replace("\uFEFF", "").getBytes(StandardCharsets.UTF_8))
                    .readAll();
            return new HsNomenclature(rows.subList(1, rows.size()), GoodsVocabulary.shipped());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GoodsVocabulary vocabulary() {
        return vocabulary;
    }

    Optional<Subheading> subheading(String digits) {
        return digits.length() < 6 ? Optional.empty() : Optional.ofNullable(subheadings.get(digits.substring(0, 6)));
    }

    /** The nomenclature's text for a chapter (2 digits), heading (4) or subheading (6). */
    Optional<String> text(String code) {
        return Optional.ofNullable(texts.get(code));
    }

    /** True when the stem occurs in some heading's context, so a description word can be judged. */
    boolean knows(String stem) {
        return idf.containsKey(stem);
    }

    /** How specific a stem is: the log of the share of headings whose context does not include it. */
    double weight(String stem) {
        return idf.getOrDefault(stem, 0.0);
    }

    /** How much of {@code stems} the subheading explains. */
    Reading read(Subheading sub, Collection<String> stems) {
        Set<String> explained = new HashSet<>();
        double score = 0;
        for (String stem : stems) {
            if (sub.included().contains(stem)) {
                explained.add(stem);
                score += weight(stem);
            }
        }
        return new Reading(sub, score, explained);
    }

    /**
     * The subheading other than {@code declared} that explains most of {@code stems}; among equals,
     * the one closest to the declared code, then the lowest code.
     */
    Optional<Reading> bestOtherThan(Subheading declared, Collection<String> stems) {
        double[] scores = new double[all.size()];
        for (String stem : stems) {
            double weight = weight(stem);
            for (int position : index.getOrDefault(stem, List.of())) {
                scores[position] += weight;
            }
        }
        int best = -1;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > 0
                    && !all.get(i).code().equals(declared.code())
                    && (best < 0 || better(i, best, scores, declared))) {
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(read(all.get(best), stems));
    }

    /** A higher score wins; among equals the code closer to the declared one, then the lower code (the earlier). */
    private boolean better(int candidate, int best, double[] scores, Subheading declared) {
        if (scores[candidate] != scores[best]) {
            return scores[candidate] > scores[best];
        }
        return sharedPrefix(all.get(candidate).code(), declared.code())
                > sharedPrefix(all.get(best).code(), declared.code());
    }

    private static int sharedPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private Subheading context(String code) {
        Set<String> included = new HashSet<>();
        Set<String> excluded = new HashSet<>();
        Set<String> curated = new HashSet<>();
        for (String level : List.of(code.substring(0, 2), code.substring(0, 4), code)) {
            split(texts.getOrDefault(level, ""), included, excluded);
            curated.addAll(vocabulary.words(level));
        }
        // The curated words widen a chapter; they never undo what the nomenclature's text excludes.
        curated.removeAll(excluded);
        included.addAll(curated);
        return new Subheading(code, texts.get(code), Set.copyOf(included), Set.copyOf(excluded));
    }

    /** Splits a text into clauses; words after an exclusion word in a clause are excluded. */
    private static void split(String text, Set<String> included, Set<String> excluded) {
        String plain = text.replaceAll("(?i)\\b(whether )?or not\\b", " ");
        for (String clause : plain.split("[,;()\\[\\]:]")) {
            Matcher m = EXCLUSION.matcher(clause);
            String kept = m.find() ? clause.substring(0, m.start()) : clause;
            stems(kept).forEach(included::add);
            if (kept.length() < clause.length()) {
                stems(m.group(2)).forEach(excluded::add);
            }
        }
    }

    private static List<String> stems(String text) {
        return GoodsText.contentWords(text).stream().map(GoodsText::stem).toList();
    }
}
