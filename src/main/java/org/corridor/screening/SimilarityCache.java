package org.corridor.screening;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers token comparisons for one query, so that "mohammad" in a hundred candidate names is
 * compared with each query token once. A comparison depends only on the listed token's text and
 * script (its key, role and weight follow from them or do not matter). Not thread-safe: one cache
 * per query.
 */
final class SimilarityCache {

    /** A cache that remembers nothing, for one-off comparisons. */
    static final SimilarityCache NONE = new SimilarityCache(0);

    private final int slots;
    private final Map<String, TokenSimilarity.Similarity[]> remembered;

    /** @param slots the number of query tokens plus query spans that will be compared */
    SimilarityCache(int slots) {
        this.slots = slots;
        this.remembered = new HashMap<>(slots == 0 ? 1 : 256);
    }

    /** Compares the query token at {@code slot} with a listed token, once per listed text. */
    TokenSimilarity.Similarity compare(int slot, NameToken query, NameToken listed) {
        if (slots == 0) {
            return TokenSimilarity.compare(query, listed);
        }
        String key = listed.origin() == TokenOrigin.LATIN || listed.origin() == TokenOrigin.CONFUSABLE
                ? listed.text()
                : listed.origin().name() + ':' + listed.text();
        TokenSimilarity.Similarity[] row = remembered.get(key);
        if (row == null) {
            row = new TokenSimilarity.Similarity[slots];
            remembered.put(key, row);
        }
        TokenSimilarity.Similarity similarity = row[slot];
        if (similarity == null) {
            similarity = TokenSimilarity.compare(query, listed);
            row[slot] = similarity;
        }
        return similarity;
    }
}
