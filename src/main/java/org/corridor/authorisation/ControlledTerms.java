package org.corridor.authorisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The curated controlled-goods terms: weapons, munitions, nuclear material, chemical weapons and
 * their precursors, pathogens, military and dual-use goods. A description naming one is DENIED or
 * ESCALATEd whatever its HS code, since a code is only what the declarant typed. Terms match by
 * stems, a phrase by its words in a row, so "assault-rifle cartridges" names "rifle". Immutable.
 */
final class ControlledTerms {

    static final String RESOURCE = "/authorisation/goods/controlled-goods-terms.tsv";

    /** One term with its class (WEAPON, NUCLEAR, ...), its verdict and the list it comes from. */
    record Term(String text, List<String> stems, String kind, Verdict verdict, String source) {}

    private final List<Term> terms;

    private ControlledTerms(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    static ControlledTerms shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final ControlledTerms INSTANCE = load();
    }

    private static ControlledTerms load() {
        List<Term> terms = new ArrayList<>();
        for (String[] row : GoodsVocabulary.rows(RESOURCE)) {
            if (row.length != 4) {
                throw new IllegalStateException(RESOURCE + ": a term needs 4 cells: " + String.join(" | ", row));
            }
            Verdict verdict = Verdict.valueOf(row[2].trim());
            if (verdict == Verdict.ALLOWED) {
                throw new IllegalStateException(RESOURCE + ": a controlled term cannot be ALLOWED: " + row[0]);
            }
            terms.add(new Term(row[0].trim(), GoodsText.allStems(row[0]), row[1].trim(), verdict, row[3].trim()));
        }
        return new ControlledTerms(terms);
    }

    /**
     * The terms a description names, one per term and the longest where one phrase contains
     * another of the same class ("assault rifle" rather than also "rifle").
     */
    List<Term> named(String description) {
        List<String> stems = GoodsText.allStems(description);
        Map<String, Term> found = new LinkedHashMap<>();
        for (Term term : terms) {
            if (contains(stems, term.stems())) {
                found.put(term.text(), term);
            }
        }
        List<Term> named = new ArrayList<>(found.values());
        named.removeIf(shorter -> named.stream()
                .anyMatch(longer -> longer != shorter
                        && longer.kind().equals(shorter.kind())
                        && longer.verdict() == shorter.verdict()
                        && contains(longer.stems(), shorter.stems())));
        return List.copyOf(named);
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return true;
            }
        }
        return false;
    }
}
