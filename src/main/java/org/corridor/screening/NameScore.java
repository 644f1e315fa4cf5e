package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison of one query name with one listed name: a score from 0 to 1 and the alignment
 * that explains it.
 *
 * @param matches aligned token pairs, best first
 * @param unmatchedQuery query tokens that carry weight but found no partner
 * @param unmatchedListed listed tokens that carry weight but found no partner
 * @param normalised what was undone to read the query, in words ("letter spacing removed")
 */
public record NameScore(
        double score,
        List<TokenMatch> matches,
        List<String> unmatchedQuery,
        List<String> unmatchedListed,
        List<String> normalised) {

    public static final NameScore NONE = new NameScore(0, List.of(), List.of(), List.of());

    public NameScore(
            double score, List<TokenMatch> matches, List<String> unmatchedQuery, List<String> unmatchedListed) {
        this(score, matches, unmatchedQuery, unmatchedListed, List.of());
    }

    public NameScore {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within [0, 1]: " + score);
        }
        matches = List.copyOf(matches);
        unmatchedQuery = List.copyOf(unmatchedQuery);
        unmatchedListed = List.copyOf(unmatchedListed);
        normalised = List.copyOf(normalised);
    }

    /** The line saying what was undone to read the query ("letter spacing removed"), if anything. */
    List<String> normalisationLine() {
        return normalised.isEmpty() ? List.of() : List.of("query read as written: " + String.join(", ", normalised));
    }

    /** The explanation as short lines: one per matched pair, then the unmatched tokens. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>(normalisationLine());
        for (TokenMatch match : matches) {
            lines.add(match.describe());
        }
        if (!unmatchedQuery.isEmpty()) {
            lines.add("query only: " + String.join(" ", unmatchedQuery));
        }
        if (!unmatchedListed.isEmpty()) {
            lines.add("listed only: " + String.join(" ", unmatchedListed));
        }
        lines.add(String.format(Locale.ROOT, "name score %.3f", score));
        return lines;
    }
}
