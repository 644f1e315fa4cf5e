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
        List<EntityType> types = type.map(List::of).orElse(List.of(EntityType.PERSON, EntityType.ORGANISATION));
        List<NameSegmenter.Segmented> readings = new ArrayList<>(2);
        readings.add(NameSegmenter.segmented(query));
        koreanReading(query).ifPresent(readings::add);
        NameScore best = NameScore.NONE;
        for (String alternative : alternatives(listed)) {
            // A listed name in Han reads in Korean too, so that the score does not depend on
            // which side of the pair is written in Han.
            List<List<NameSegmenter.Word>> listedReadings = new ArrayList<>(2);
            listedReadings.add(NameSegmenter.segment(alternative));
            koreanReading(alternative).ifPresent(korean -> listedReadings.add(korean.words()));
            for (EntityType each : types) {
                for (List<NameSegmenter.Word> listedWords : listedReadings) {
                    best = better(best, query, readings, analyser.analyse(alternative, listedWords, each), each);
                }
            }
        }
        return best;
    }

    private NameScore better(
            NameScore best,
            String query,
            List<NameSegmenter.Segmented> readings,
            AnalysedName listedName,
            EntityType type) {
        NameScore kept = best;
        for (NameSegmenter.Segmented reading : readings) {
            NameScore score = NameScorer.compare(analyser.analyse(query, reading, type), listedName);
            if (score.score() > kept.score()) {
                kept = score;
            }
        }
        return kept;
    }

    /**
     * A name written in Han characters read in Korean as well as in Chinese: 金正恩 is Kim Jong Un
     * to a Korean reader and Jin Zheng'en in pinyin. Empty when the name has no Han character with
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
