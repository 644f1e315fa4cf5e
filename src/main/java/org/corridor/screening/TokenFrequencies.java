package org.corridor.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many listed names contain each phonetic key. A token shared by thousands of names
 * ("mohammad", "ali") identifies little, a rare one a lot; this turns counts into that weight.
 * Immutable and thread-safe once built.
 */
final class TokenFrequencies {

    /** Tokens in this many names or fewer count fully. */
    private static final int RARE_COUNT = 3;
    /** Even the most common token keeps this share of its weight. */
    private static final double FLOOR = 0.3;
    /** Names on the common-names list never count for more than this. */
    private static final double COMMON_NAME_CAP = 0.55;

    static final TokenFrequencies EMPTY = new TokenFrequencies(Map.of(), 0);

    private final Map<String, Integer> counts;
    private final int names;
    private final double rareInformation;

    private TokenFrequencies(Map<String, Integer> counts, int names) {
        this.counts = counts;
        this.names = names;
        this.rareInformation = Math.log((names + 1.0) / (RARE_COUNT + 1.0));
    }

    /** Counts the keys of every name of the entities, once per name. */
    static TokenFrequencies of(Collection<ListedEntity> entities) {
        Map<String, Integer> counts = new HashMap<>();
        int names = 0;
        Set<String> seen = new HashSet<>();
        for (ListedEntity entity : entities) {
            for (ListedName name : entity.names()) {
                names++;
                seen.clear();
                for (String word : NameSegmenter.words(name.text())) {
                    String key = PhoneticKey.of(word);
                    if (seen.add(key)) {
                        counts.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        return new TokenFrequencies(Map.copyOf(counts), names);
    }

    /** Informativeness of a token from 0.3 (very common) to 1 (rare or unseen). */
    double informativeness(String key, String text) {
        double value = 1.0;
        if (names > 0 && rareInformation > 0) {
            int count = counts.getOrDefault(key, 0);
            double information = Math.log((names + 1.0) / (count + 1.0));
            value = Math.max(FLOOR, Math.min(1.0, information / rareInformation));
        }
        if (NameVocabulary.STANDARD.commonNames.contains(key) || NameVocabulary.STANDARD.commonNames.contains(text)) {
            value = Math.min(value, COMMON_NAME_CAP);
        }
        return value;
    }
}
