package org.corridor.screening;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * Counts the keys of every name of the entities, once per name. Names are read on every core:
     * a list of a million entities has millions of names, each cleaned and keyed.
     */
    static TokenFrequencies of(Collection<ListedEntity> entities) {
        Map<String, Integer> counts = entities.parallelStream()
                .flatMap(entity -> entity.names().stream())
                .flatMap(name -> keys(name.text()).stream())
                .collect(Collectors.toConcurrentMap(key -> key, key -> 1, Integer::sum));
        int names = entities.stream().mapToInt(entity -> entity.names().size()).sum();
        return new TokenFrequencies(Map.copyOf(counts), names);
    }

    /** The distinct keys of one name's words. */
    private static Set<String> keys(String name) {
        Set<String> keys = new HashSet<>();
        for (String word : NameSegmenter.words(name)) {
            keys.add(PhoneticKey.of(word));
        }
        return keys;
    }

    /** The counts as read back from an index on disk. */
    static TokenFrequencies of(Map<String, Integer> counts, int names) {
        return new TokenFrequencies(Map.copyOf(counts), names);
    }

    /** How many names contain each key (for an index on disk). */
    Map<String, Integer> counts() {
        return counts;
    }

    /** How many names were counted. */
    int names() {
        return names;
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
