package org.corridor.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screens parties against an index built from a set of listed entities. Candidate names come from
 * a Lucene index ({@link NameIndex}); each is scored by token alignment ({@link NameScorer}) and the
 * other evidence ({@link EvidenceScorer}). Immutable and thread-safe: build one per set of lists
 * and share it; rebuild when the lists change.
 */
public final class Screener {

    /**
     * The default score a hit needs, calibrated on the development evaluation sets (see
     * docs/screening.md): the middle of the plateau of best F1 on labelled name pairs (0.575 to
     * 0.625), where generated negatives stay below 0.5% flagged.
     */
    public static final double DEFAULT_THRESHOLD = 0.60;

    /** Names retrieved from the index per query before precise scoring. */
    private static final int CANDIDATE_NAMES = 24;

    private static final int CROSS_SCRIPT_CANDIDATE_NAMES = 128;

    private final List<ListedEntity> entities;
    private final List<NameIndex.IndexedName> names;
    private final NameAnalyser analyser;
    private final NameIndex index;

    private Screener(List<ListedEntity> entities) {
        this.entities = List.copyOf(entities);
        this.analyser = new NameAnalyser(TokenFrequencies.of(this.entities));
        this.names = indexedNames(this.entities, analyser);
        this.index = new NameIndex(names, this.entities);
    }

    /** Builds the index over the given entities (from any lists). */
    public static Screener of(Collection<ListedEntity> entities) {
        return new Screener(new ArrayList<>(entities));
    }

    /** Builds the index over every entity of the given snapshots. */
    public static Screener ofSnapshots(Collection<ListSnapshot> snapshots) {
        List<ListedEntity> entities = new ArrayList<>();
        for (ListSnapshot snapshot : snapshots) {
            entities.addAll(snapshot.entities());
        }
        return new Screener(entities);
    }

    private static List<NameIndex.IndexedName> indexedNames(List<ListedEntity> entities, NameAnalyser analyser) {
        List<NameIndex.IndexedName> names = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            ListedEntity entity = entities.get(i);
            for (ListedName name : entity.names()) {
                for (String alternative : NameMatcher.alternatives(name.text())) {
                    AnalysedName analysed = analyser.analyse(alternative, entity.type());
                    if (!analysed.isEmpty()) {
                        names.add(new NameIndex.IndexedName(i, name, analysed, hasLatin(analysed)));
                    }
                }
            }
        }
        return names;
    }

    private static boolean isLatin(AnalysedName name) {
        for (NameToken token : name.tokens()) {
            if (token.origin() == TokenOrigin.ARABIC || token.origin() == TokenOrigin.OTHER_SCRIPT) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLatin(AnalysedName name) {
        for (NameToken token : name.tokens()) {
            if (token.isContent()
                    && (token.origin() == TokenOrigin.LATIN || token.origin() == TokenOrigin.CONFUSABLE)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return entities.size();
    }

    /** A name comparer that weighs tokens by this screener's lists. */
    public NameMatcher nameMatcher() {
        return NameMatcher.using(analyser);
    }

    public ScreeningOutcome screen(Party party) {
        return screen(party, ScreeningOptions.DEFAULT);
    }

    /** The hits at or above the threshold, best first, at most {@code options.limit()}. */
    public ScreeningOutcome screen(Party party, ScreeningOptions options) {
        List<NameSegmenter.Word> words = NameSegmenter.segment(party.name());
        Set<EntityType> types = party.type().map(EnumSet::of).orElse(EnumSet.noneOf(EntityType.class));
        // The query analysed per entity type it meets; persons and organisations read names differently.
        AnalysedName[] analyses = new AnalysedName[EntityType.values().length];
        List<AnalysedName> forRetrieval = new ArrayList<>(2);
        for (EntityType type : party.type().map(List::of).orElse(List.of(EntityType.PERSON, EntityType.ORGANISATION))) {
            analyses[type.ordinal()] = analyser.analyse(party.name(), words, type);
            forRetrieval.add(analyses[type.ordinal()]);
        }
        boolean latinQuery = isLatin(forRetrieval.get(0));
        // Across scripts many names share a vowel-less skeleton; more of them are worth a look.
        List<Integer> candidates = index.candidates(
                forRetrieval, types, party.identifiers(), latinQuery ? CANDIDATE_NAMES : CROSS_SCRIPT_CANDIDATE_NAMES);
        SimilarityCache[] caches = new SimilarityCache[analyses.length];
        Map<Integer, Best> best = new HashMap<>();
        for (int ordinal : candidates) {
            NameIndex.IndexedName name = names.get(ordinal);
            // A Latin query is compared with the entity's Latin names; its original-script name would
            // only add the looser cross-script comparison with nothing to gain.
            if (latinQuery && !name.latin()) {
                continue;
            }
            ListedEntity entity = entities.get(name.entity());
            int type = entity.type().ordinal();
            if (analyses[type] == null) {
                analyses[type] = analyser.analyse(party.name(), words, entity.type());
            }
            if (caches[type] == null) {
                caches[type] = new SimilarityCache(
                        analyses[type].tokens().size() + analyses[type].spans().size());
            }
            NameScorer.Alignment alignment = NameScorer.align(analyses[type], name.analysed(), caches[type]);
            Best previous = best.get(name.entity());
            if (previous == null || alignment.score() > previous.alignment().score()) {
                best.put(name.entity(), new Best(name, alignment));
            }
        }
        double floor = options.threshold() - EvidenceScorer.largestBoost();
        List<Hit> hits = new ArrayList<>();
        for (Best candidate : best.values()) {
            ListedEntity entity = entities.get(candidate.name().entity());
            boolean identifiers =
                    !party.identifiers().isEmpty() && !entity.identifiers().isEmpty();
            if (candidate.alignment().score() < floor && !identifiers) {
                continue;
            }
            Hit hit = EvidenceScorer.score(
                    party,
                    entity,
                    candidate.name().name(),
                    candidate.alignment().explain());
            if (hit.score() >= options.threshold()) {
                hits.add(hit);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparing(hit -> hit.entity().key()));
        return ScreeningOutcome.of(hits.size() > options.limit() ? hits.subList(0, options.limit()) : hits);
    }

    /** The best-scoring name of one entity so far. */
    private record Best(NameIndex.IndexedName name, NameScorer.Alignment alignment) {}
}
