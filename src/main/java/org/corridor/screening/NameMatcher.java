package org.corridor.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Compares two names directly, without an index: the scoring the {@link Screener} applies to each
 * candidate, for callers that already have both names (the {@code screen pairs} command, tests).
 * Thread-safe.
 */
public final class NameMatcher {

    private final NameAnalyser analyser;

    private NameMatcher(NameAnalyser analyser) {
        this.analyser = analyser;
    }

    /**
     * A matcher whose token weights come from the shipped lists (see {@link ShippedLists}); they are
     * parsed once, on first use.
     */
    public static NameMatcher standard() {
        return Standard.INSTANCE;
    }

    /** A matcher whose token weights come from the given entities. */
    public static NameMatcher forEntities(Collection<ListedEntity> entities) {
        return new NameMatcher(new NameAnalyser(TokenFrequencies.of(entities)));
    }

    static NameMatcher using(NameAnalyser analyser) {
        return new NameMatcher(analyser);
    }

    private static final class Standard {
        static final NameMatcher INSTANCE = forEntities(
                ShippedLists.load().stream().flatMap(s -> s.entities().stream()).toList());
    }

    /**
     * Scores {@code query} against {@code listed} as names of the given type; with no type, as a
     * person and as an organisation, keeping the better. A listed name written as alternatives
     * ("Polar Star Trading/Northern Star Co") also scores against each alternative.
     */
    public NameScore score(String query, String listed, Optional<EntityType> type) {
        NameScore[] best = {NameScore.NONE};
        eachPair(query, listed, type, (queryName, listedName) -> {
            NameScore score = NameScorer.compare(queryName, listedName);
            if (score.score() > best[0].score()) {
                best[0] = score;
            }
        });
        return best[0];
    }

    /**
     * The unweighed terms of every way {@link #score} compares the two names (its score is the best
     * of them weighed by {@link ScoreWeights#STANDARD}): what cross-validation of the weights reads.
     */
    List<NameScorer.Terms> terms(String query, String listed, Optional<EntityType> type) {
        List<NameScorer.Terms> terms = new ArrayList<>();
        eachPair(
                query,
                listed,
                type,
                (queryName, listedName) -> terms.add(NameScorer.align(queryName, listedName, SimilarityCache.NONE)
                        .terms()));
        return terms;
    }

    /** Every reading of the query as each type, against every reading of each listed alternative. */
    private void eachPair(
            String query,
            String listed,
            Optional<EntityType> type,
            java.util.function.BiConsumer<AnalysedName, AnalysedName> pair) {
        List<EntityType> types = type.map(List::of).orElse(List.of(EntityType.PERSON, EntityType.ORGANISATION));
        List<NameSegmenter.Segmented> readings = new ArrayList<>(2);
        readings.add(NameSegmenter.segmented(query));
        koreanReading(query).ifPresent(readings::add);
        for (String alternative : alternatives(listed)) {
            // A listed name in Han reads in Korean too, so that the score does not depend on
            // which side of the pair is written in Han.
            List<List<NameSegmenter.Word>> listedReadings = new ArrayList<>(2);
            listedReadings.add(NameSegmenter.segment(alternative));
            koreanReading(alternative).ifPresent(korean -> listedReadings.add(korean.words()));
            for (EntityType each : types) {
                for (List<NameSegmenter.Word> listedWords : listedReadings) {
                    AnalysedName listedName = analyser.analyse(alternative, listedWords, each);
                    for (NameSegmenter.Segmented reading : readings) {
                        pair.accept(analyser.analyse(query, reading, each), listedName);
                    }
                }
            }
        }
    }

    /**
     * A name written in Han characters read in Korean as well as in Chinese: 朴東浩 is Pak Tong Ho
     * (Park Dong Ho) to a Korean reader and Piao Donghao in pinyin. Empty when the name has no Han character with
     * a Korean reading.
     */
    static Optional<NameSegmenter.Segmented> koreanReading(String name) {
        String korean = Hangul.readHanja(name);
        if (korean.equals(name)) {
            return Optional.empty();
        }
        NameSegmenter.Segmented segmented = NameSegmenter.segmented(korean);
        java.util.EnumSet<NameCleaner.Undone> undone = java.util.EnumSet.of(NameCleaner.Undone.KOREAN_READING);
        undone.addAll(segmented.undone());
        return Optional.of(new NameSegmenter.Segmented(segmented.words(), undone));
    }

    /** The name itself and, when it is written "A/B", each side of the slash. */
    static List<String> alternatives(String name) {
        List<String> names = new ArrayList<>(3);
        names.add(name);
        if (name.indexOf('/') > 0) {
            for (String part : name.split("/")) {
                if (part.strip().length() >= 2 && !part.strip().equals(name.strip())) {
                    names.add(part.strip());
                }
            }
        }
        return names;
    }
}
