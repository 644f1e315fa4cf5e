package org.corridor.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits words written without their spaces ("MahanAir", "OSAMABINLADEN") into words of the listed
 * names' vocabulary. A word is split only when it is long, is not itself a listed word, and falls
 * apart completely into listed words; of several splits the one with fewest parts wins, then the
 * one of commoner words. A part of two letters ("co", "al") must be a listed word; a part of one
 * letter ("i" in Lashkar-i-Jhangvi) must stand alone in many listed names, so that a stray letter
 * never makes a split.
 * Immutable and thread-safe.
 */
final class GluedWords {

    /** Shorter words are left alone: a glued name of two short words is found by joining instead. */
    static final int SHORTEST_GLUED = 8;

    private static final int SHORTEST_PART = 3;
    /** A word of one or two letters must appear in this many listed names to be a part. */
    private static final int SHORT_WORD_COUNT = 20;

    private static final int MOST_PARTS = 5;

    private final Map<String, Integer> counts;

    private GluedWords(Map<String, Integer> counts) {
        this.counts = counts;
    }

    /** The vocabulary of the given analysed listed names (their Latin words). */
    static GluedWords of(Collection<AnalysedName> names) {
        Map<String, Integer> counts = new HashMap<>();
        for (AnalysedName name : names) {
            count(name, counts);
        }
        return ofCounts(counts);
    }

    /** Adds the Latin words of one listed name to {@code counts} (to build the vocabulary name by name). */
    static void count(AnalysedName name, Map<String, Integer> counts) {
        for (NameToken token : name.tokens()) {
            if (token.origin() == TokenOrigin.LATIN) {
                counts.merge(token.text(), 1, Integer::sum);
            }
        }
    }

    /** The vocabulary of these word counts. */
    static GluedWords ofCounts(Map<String, Integer> counts) {
        return new GluedWords(Map.copyOf(counts));
    }

    /** How many listed names use each word (for an index on disk). */
    Map<String, Integer> counts() {
        return counts;
    }

    /** The words with every glued word split, or empty when none was. */
    Optional<List<NameSegmenter.Word>> split(List<NameSegmenter.Word> words) {
        List<NameSegmenter.Word> out = null;
        for (int i = 0; i < words.size(); i++) {
            NameSegmenter.Word word = words.get(i);
            Optional<List<String>> parts = word.origin() == TokenOrigin.LATIN || word.origin() == TokenOrigin.CONFUSABLE
                    ? parts(word.text())
                    : Optional.empty();
            if (parts.isPresent()) {
                if (out == null) {
                    out = new ArrayList<>(words.subList(0, i));
                }
                for (String part : parts.get()) {
                    out.add(new NameSegmenter.Word(part, word.display(), word.origin(), false));
                }
            } else if (out != null) {
                out.add(word);
            }
        }
        return Optional.ofNullable(out);
    }

    /** The best split of one word into listed words, if it is glued. */
    Optional<List<String>> parts(String text) {
        int n = text.length();
        if (n < SHORTEST_GLUED || counts.containsKey(text) || !text.chars().allMatch(Character::isLetter)) {
            return Optional.empty();
        }
        // best[i]: fewest parts for text[0, i), then the largest sum of log counts.
        int[] parts = new int[n + 1];
        double[] commonness = new double[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(parts, Integer.MAX_VALUE);
        parts[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - n); start < end; start++) {
                if (parts[start] == Integer.MAX_VALUE || parts[start] + 1 > MOST_PARTS) {
                    continue;
                }
                String part = text.substring(start, end);
                if (part.equals(text) || !isWord(part)) {
                    continue;
                }
                int count = parts[start] + 1;
                double common = commonness[start] + Math.log(1 + counts.getOrDefault(part, 1));
                if (count < parts[end] || (count == parts[end] && common > commonness[end])) {
                    parts[end] = count;
                    commonness[end] = common;
                    from[end] = start;
                }
            }
        }
        if (parts[n] == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            out.add(0, text.substring(from[end], end));
        }
        return Optional.of(out);
    }

    private boolean isWord(String part) {
        if (part.length() >= SHORTEST_PART) {
            return counts.containsKey(part);
        }
        int count = counts.getOrDefault(part, 0);
        return part.length() == 2 ? count > 0 : count >= SHORT_WORD_COUNT;
    }
}
