package org.corridor.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
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
     * docs/screening.md): the best F1 on labelled name pairs while keeping generated negatives
     * below 0.5% flagged.
     */
    public static final double DEFAULT_THRESHOLD = 0.70;

    /** Names retrieved from the index per query before precise scoring. */
    private static final int CANDIDATE_NAMES = 48;

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
                        names.add(new NameIndex.IndexedName(i, name, analysed));
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
        List<NameAnalyser.Word> words = NameAnalyser.segment(party.name());
        Set<EntityType> types = party.type().map(EnumSet::of).orElse(EnumSet.noneOf(EntityType.class));
        Map<EntityType, AnalysedName> analyses = new EnumMap<>(EntityType.class);
        if (party.type().isPresent()) {
            analyses.put(
                    party.type().get(),
                    analyser.analyse(party.name(), words, party.type().get()));
        } else {
            analyses.put(EntityType.PERSON, analyser.analyse(party.name(), words, EntityType.PERSON));
            analyses.put(EntityType.ORGANISATION, analyser.analyse(party.name(), words, EntityType.ORGANISATION));
        }
        List<Integer> candidates = index.candidates(analyses.values(), types, party.identifiers(), CANDIDATE_NAMES);
        boolean latinQuery = isLatin(analyses.values().iterator().next());
        Map<Integer, Hit> best = new HashMap<>();
        double floor = options.threshold() - EvidenceScorer.largestBoost();
        for (int ordinal : candidates) {
            NameIndex.IndexedName name = names.get(ordinal);
            // A Latin query is compared with the entity's Latin names; its original-script name would
            // only add the looser cross-script comparison with nothing to gain.
            if (latinQuery && !hasLatin(name.analysed())) {
                continue;
            }
            ListedEntity entity = entities.get(name.entity());
            AnalysedName query =
                    analyses.computeIfAbsent(entity.type(), type -> analyser.analyse(party.name(), words, type));
            NameScore score = NameScorer.compare(query, name.analysed());
            Hit previous = best.get(name.entity());
            if (previous != null && previous.name().score() >= score.score()) {
                continue;
            }
            boolean hasIdentifiers =
                    !party.identifiers().isEmpty() && !entity.identifiers().isEmpty();
            if (score.score() < floor && !hasIdentifiers) {
                continue;
            }
            Hit hit = EvidenceScorer.score(party, entity, name.name(), score);
            if (previous == null || hit.score() > previous.score()) {
                best.put(name.entity(), hit);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Hit hit : best.values()) {
            if (hit.score() >= options.threshold()) {
                hits.add(hit);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparing(hit -> hit.entity().key()));
        return ScreeningOutcome.of(hits.size() > options.limit() ? hits.subList(0, options.limit()) : hits);
    }
}
