package org.corridor.screening;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Entities whose retrieved names go on to precise scoring, per query. */
    private static final int CANDIDATE_NAMES = 48;
    /** Names retrieved to find the candidate entities: an entity has many names, often alike. */
    private static final int RETRIEVED_NAMES = 256;

    private static final int CROSS_SCRIPT_CANDIDATE_NAMES = 128;
    /** How far retrieval reads when candidates keep passing, in names, batches and entities. */
    private static final int DEEPEST_RETRIEVAL = 2048;

    private static final int DEEPER_BATCH = 32;
    private static final int MOST_CANDIDATE_ENTITIES = 320;

    private final List<ListedEntity> entities;
    private final ListedNames names;
    private final NameAnalyser analyser;
    private final NameIndex index;
    private final GluedWords glued;

    private Screener(ScreeningIndex.Parts parts) {
        this.entities = parts.entities();
        this.analyser = parts.analyser();
        this.names = parts.names();
        this.index = parts.index();
        this.glued = parts.glued();
    }

    /** Builds the index over the given entities (from any lists), in memory. */
    public static Screener of(Collection<ListedEntity> entities) {
        return new Screener(ScreeningIndex.inMemory(List.copyOf(entities)));
    }

    /** Builds the index over every entity of the given snapshots, in memory. */
    public static Screener ofSnapshots(Collection<ListSnapshot> snapshots) {
        return new Screener(ScreeningIndex.inMemory(entitiesOf(snapshots)));
    }

    /**
     * The index over every entity of the given snapshots, kept under {@code folder}: opened from
     * it when a process has built it for these versions, built into it otherwise. It answers as
     * the index built in memory does.
     */
    public static Screener ofSnapshots(Collection<ListSnapshot> snapshots, Path folder) {
        return new Screener(ScreeningIndex.onDisk(folder, List.copyOf(snapshots)));
    }

    /** A screener over an index already built or opened (the active lists' index on disk). */
    static Screener over(ScreeningIndex.Parts parts) {
        return new Screener(parts);
    }

    private static List<ListedEntity> entitiesOf(Collection<ListSnapshot> snapshots) {
        List<ListedEntity> entities = new ArrayList<>();
        for (ListSnapshot snapshot : snapshots) {
            entities.addAll(snapshot.entities());
        }
        return List.copyOf(entities);
    }

    private static boolean isLatin(AnalysedName name) {
        for (NameToken token : name.tokens()) {
            if (token.origin() == TokenOrigin.ARABIC
                    || token.origin() == TokenOrigin.OTHER_SCRIPT
                    || token.origin() == TokenOrigin.KANA) {
                return false;
            }
        }
        return true;
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
        return screen(party, options, RETRIEVED_NAMES, CANDIDATE_NAMES);
    }

    /**
     * Screens without the index: the party against every listed name of a type it may match. Slow
     * (tens of milliseconds); it exists to measure what the index's candidates miss (candidate
     * recall, reported by {@code corridor bench screening}).
     */
    public ScreeningOutcome screenExhaustively(Party party, ScreeningOptions options) {
        return screen(party, options, 0, 0);
    }

    /**
     * Screens with the given retrieval limits: {@code retrieved} names from the index, the names of
     * the first {@code candidates} entities among them scored ({@code 0, 0}: every listed name).
     */
    ScreeningOutcome screen(Party party, ScreeningOptions options, int retrieved, int candidateEntities) {
        boolean exhaustive = retrieved == 0;
        List<Reading> readings = readings(party);
        Set<EntityType> types = candidateTypes(party.type());
        List<AnalysedName> forRetrieval = new ArrayList<>(4);
        for (Reading reading : readings) {
            for (EntityType type :
                    party.type().map(List::of).orElse(List.of(EntityType.PERSON, EntityType.ORGANISATION))) {
                forRetrieval.add(reading.as(type, analyser, party.name()));
            }
        }
        boolean latinQuery = isLatin(forRetrieval.get(0));
        double floor = options.threshold() - EvidenceScorer.largestBoost();
        Map<Integer, Best> best = new HashMap<>();
        if (exhaustive) {
            score(party.name(), every(types), readings, latinQuery, best);
            return ScreeningOutcome.of(hits(party, options, best.values(), readings.get(0)));
        }
        // Across scripts many names share a vowel-less skeleton; more of them are worth a look.
        int batch = latinQuery ? candidateEntities : CROSS_SCRIPT_CANDIDATE_NAMES;
        List<Integer> retrievedNames = index.candidates(
                forRetrieval, types, party.identifiers(), Math.max(retrieved, CROSS_SCRIPT_CANDIDATE_NAMES));
        List<List<Integer>> batches = byEntity(retrievedNames, batch);
        boolean deeper = false;
        for (int b = 0; b < batches.size(); b++) {
            if (!score(party.name(), batches.get(b), readings, latinQuery, best, floor)) {
                break;
            }
            if (b == batches.size() - 1 && !deeper && retrievedNames.size() >= retrieved) {
                // The index's ranking is only an estimate of the scorer's: while candidates further
                // down still pass, read further down, up to a bound.
                deeper = true;
                Set<Integer> seen = entitiesOf(batches);
                List<Integer> more = index.candidates(forRetrieval, types, party.identifiers(), DEEPEST_RETRIEVAL);
                more.removeIf(ordinal -> seen.contains(names.entity(ordinal)));
                batches.addAll(byEntity(more, DEEPER_BATCH));
            }
            if (entitiesOf(batches.subList(0, b + 1)).size() >= MOST_CANDIDATE_ENTITIES) {
                break;
            }
        }
        if (latinQuery) {
            scoreDistinctive(party.name(), forRetrieval, types, readings, best);
        }
        return ScreeningOutcome.of(hits(party, options, best.values(), readings.get(0)));
    }

    /**
     * A second route: the names sharing the query's distinctive words, its common words left out
     * ({@link NameIndex#distinctiveCandidates}), the first {@value #DEEPER_BATCH} entities of them
     * not scored already.
     */
    private void scoreDistinctive(
            String raw,
            List<AnalysedName> forRetrieval,
            Set<EntityType> types,
            List<Reading> readings,
            Map<Integer, Best> best) {
        List<Integer> distinctive = index.distinctiveCandidates(forRetrieval, types, RETRIEVED_NAMES);
        if (distinctive.isEmpty()) {
            return;
        }
        distinctive.removeIf(ordinal -> best.containsKey(names.entity(ordinal)));
        List<List<Integer>> batches = byEntity(distinctive, DEEPER_BATCH);
        if (!batches.isEmpty()) {
            score(raw, batches.get(0), readings, true, best);
        }
    }

    /**
     * The retrieved names grouped in batches of {@code entities} distinct entities, best first:
     * counting entities rather than names keeps a family of alike aliases (one listed person's ten
     * spellings) from crowding the other candidates out.
     */
    private List<List<Integer>> byEntity(List<Integer> retrieved, int entities) {
        Map<Integer, Integer> batchOf = new HashMap<>();
        List<List<Integer>> batches = new ArrayList<>();
        for (int ordinal : retrieved) {
            int entity = names.entity(ordinal);
            Integer at = batchOf.get(entity);
            if (at == null) {
                at = batchOf.size() / entities;
                batchOf.put(entity, at);
            }
            while (batches.size() <= at) {
                batches.add(new ArrayList<>());
            }
            batches.get(at).add(ordinal);
        }
        return batches;
    }

    private Set<Integer> entitiesOf(List<List<Integer>> batches) {
        Set<Integer> entities = new HashSet<>();
        for (List<Integer> batch : batches) {
            for (int ordinal : batch) {
                entities.add(names.entity(ordinal));
            }
        }
        return entities;
    }

    /** Scores every reading against the names; true when one of them reaches {@code floor}. */
    private boolean score(
            String raw,
            List<Integer> ordinals,
            List<Reading> readings,
            boolean latinQuery,
            Map<Integer, Best> best,
            double floor) {
        boolean passed = false;
        for (int ordinal : ordinals) {
            // A Latin query is compared with the entity's Latin names; its original-script name would
            // only add the looser cross-script comparison with nothing to gain.
            if (latinQuery && !names.latin(ordinal)) {
                continue;
            }
            NameIndex.IndexedName name = names.get(ordinal);
            EntityType listedType = entities.get(name.entity()).type();
            for (Reading reading : readings) {
                NameScorer.Alignment alignment = NameScorer.align(
                        reading.as(listedType, analyser, raw), name.analysed(), reading.cache(listedType));
                passed |= alignment.score() >= floor;
                Best previous = best.get(name.entity());
                if (previous == null || alignment.score() > previous.alignment().score()) {
                    best.put(name.entity(), new Best(name, alignment));
                }
            }
        }
        return passed;
    }

    private void score(
            String raw, List<Integer> ordinals, List<Reading> readings, boolean latinQuery, Map<Integer, Best> best) {
        score(raw, ordinals, readings, latinQuery, best, Double.MAX_VALUE);
    }

    private List<Integer> every(Set<EntityType> types) {
        List<Integer> all = new ArrayList<>(names.size());
        for (int ordinal = 0; ordinal < names.size(); ordinal++) {
            if (types.isEmpty()
                    || types.contains(entities.get(names.entity(ordinal)).type())) {
                all.add(ordinal);
            }
        }
        return all;
    }

    private List<Hit> hits(Party party, ScreeningOptions options, Collection<Best> candidates, Reading asWritten) {
        double floor = options.threshold() - EvidenceScorer.largestBoost();
        List<Hit> hits = new ArrayList<>();
        for (Best candidate : candidates) {
            ListedEntity entity = entities.get(candidate.name().entity());
            boolean identifiers =
                    !party.identifiers().isEmpty() && !entity.identifiers().isEmpty();
            if (candidate.alignment().score() < floor && !identifiers) {
                continue;
            }
            AnalysedName organisationName = party.type().orElse(null) == EntityType.ORGANISATION
                    ? asWritten.as(EntityType.ORGANISATION, analyser, party.name())
                    : candidate.name().analysed();
            TypeRule.Verdict verdict = TypeRule.decide(party.type(), entity.type(), organisationName);
            if (verdict instanceof TypeRule.Refused) {
                continue;
            }
            Optional<Contribution> crossType = verdict instanceof TypeRule.Admitted admitted
                    ? Optional.of(admitted.contribution())
                    : Optional.empty();
            Hit hit = EvidenceScorer.score(
                    party,
                    entity,
                    candidate.name().name(),
                    candidate.alignment().explain(),
                    crossType,
                    candidate.alignment().syllablesOnly());
            if (hit.score() >= options.threshold()) {
                hits.add(hit);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparing(hit -> hit.entity().key()));
        return hits.size() > options.limit() ? List.copyOf(hits.subList(0, options.limit())) : hits;
    }

    /**
     * The types a party is compared with: its own, and for a person or an organisation the other of
     * the two too, which {@link TypeRule} admits only when the names allow it. Untyped: every type.
     */
    private static Set<EntityType> candidateTypes(Optional<EntityType> type) {
        if (type.isEmpty()) {
            return EnumSet.noneOf(EntityType.class);
        }
        return switch (type.get()) {
            case PERSON, ORGANISATION -> EnumSet.of(EntityType.PERSON, EntityType.ORGANISATION);
            default -> EnumSet.of(type.get());
        };
    }

    /**
     * The ways the party's name reads: as written (disguises undone), with glued words split
     * against the listed vocabulary, and Korean names written in Han also in their Korean reading.
     */
    private List<Reading> readings(Party party) {
        NameSegmenter.Segmented segmented = NameSegmenter.segmented(party.name());
        List<Reading> readings = new ArrayList<>(2);
        readings.add(new Reading(segmented));
        glued.split(segmented.words()).ifPresent(split -> {
            EnumSet<NameCleaner.Undone> undone = EnumSet.of(NameCleaner.Undone.GLUED_WORDS);
            undone.addAll(segmented.undone());
            readings.add(new Reading(new NameSegmenter.Segmented(split, undone)));
        });
        NameMatcher.koreanReading(party.name()).ifPresent(korean -> readings.add(new Reading(korean)));
        return readings;
    }

    /** One reading of the query, analysed lazily per entity type, with its similarity caches. */
    private static final class Reading {
        private final NameSegmenter.Segmented segmented;
        private final AnalysedName[] analyses = new AnalysedName[EntityType.values().length];
        private final SimilarityCache[] caches = new SimilarityCache[EntityType.values().length];

        Reading(NameSegmenter.Segmented segmented) {
            this.segmented = segmented;
        }

        AnalysedName as(EntityType type, NameAnalyser analyser, String raw) {
            AnalysedName analysed = analyses[type.ordinal()];
            if (analysed == null) {
                analysed = analyser.analyse(raw, segmented, type);
                analyses[type.ordinal()] = analysed;
            }
            return analysed;
        }

        SimilarityCache cache(EntityType type) {
            SimilarityCache cache = caches[type.ordinal()];
            if (cache == null) {
                AnalysedName analysed = analyses[type.ordinal()];
                cache = new SimilarityCache(
                        analysed.tokens().size() + analysed.spans().size());
                caches[type.ordinal()] = cache;
            }
            return cache;
        }
    }

    /** The best-scoring name of one entity so far. */
    record Best(NameIndex.IndexedName name, NameScorer.Alignment alignment) {}
}
