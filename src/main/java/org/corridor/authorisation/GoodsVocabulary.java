package org.corridor.authorisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The curated words that the nomenclature's terse texts lack but declarants use: dosage forms for
 * chapter 30 ("tablets", "vials"), device names for 90.18 ("patient monitor", "syringe"), common
 * names for 02 ("beef", "chicken"). Each entry adds words to the context of an HS prefix. Medicine
 * names are recognised by the WHO INN stems (imatinib by -tinib, amoxicillin by -cillin) and read as
 * a medicinal substance of the chapters the stem names. The files ship in the jar (see PROVENANCE).
 */
final class GoodsVocabulary {

    static final String WORDS = "/authorisation/goods/goods-vocabulary.tsv";
    static final String STEMS = "/authorisation/goods/medicinal-stems.tsv";

    /** The stem a recognised medicine name stands for; no description word can produce it. */
    static final String MEDICINAL = "medicinal_substance";

    /** The shortest word an INN stem is matched in, so short ordinary words are never medicines. */
    private static final int MIN_MEDICINE_NAME = 7;

    private final Map<String, Set<String>> words = new HashMap<>();
    private final List<String> medicineSuffixes = new ArrayList<>();

    private GoodsVocabulary() {}

    static GoodsVocabulary shipped() {
        GoodsVocabulary vocabulary = new GoodsVocabulary();
        for (String[] row : rows(WORDS)) {
            Set<String> stems = vocabulary.words.computeIfAbsent(digits(row[0]), k -> new HashSet<>());
            for (String phrase : row[1].split(",")) {
                GoodsText.contentWords(phrase).stream().map(GoodsText::stem).forEach(stems::add);
            }
        }
        for (String[] row : rows(STEMS)) {
            vocabulary.medicineSuffixes.add(row[0].replace("-", "").trim());
            for (String prefix : row[1].split(",")) {
                vocabulary
                        .words
                        .computeIfAbsent(digits(prefix), k -> new HashSet<>())
                        .add(MEDICINAL);
            }
        }
        return vocabulary;
    }

    /** The curated stems for one HS prefix (2, 4 or 6 digits). */
    Set<String> words(String prefix) {
        return words.getOrDefault(prefix, Set.of());
    }

    /** The INN stem a word ends in, if the word is long enough to be a medicine's name. */
    Optional<String> medicineStem(String word) {
        if (word.length() < MIN_MEDICINE_NAME) {
            return Optional.empty();
        }
        return medicineSuffixes.stream().filter(word::endsWith).findFirst();
    }

    private static String digits(String prefix) {
        return HsCode.digits(prefix.trim())
                .orElseThrow(() -> new IllegalStateException("not an HS prefix in the goods vocabulary: " + prefix));
    }

    /** The tab-separated rows of a shipped file, without comments and blank lines. */
    static List<String[]> rows(String resource) {
        try (InputStream in = GoodsVocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] cells = trimmed.split("\t");
                    if (cells.length < 3) {
                        throw new IllegalStateException(resource + ": a row needs 3 tab-separated cells: " + line);
                    }
                    rows.add(cells);
                }
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
