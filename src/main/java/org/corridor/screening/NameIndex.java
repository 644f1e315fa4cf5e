package org.corridor.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The candidate generator: a Lucene index with one document per listed name, in memory or
 * memory-mapped from the data folder ({@link ScreeningIndex}). Each document holds the phonetic keys of the name's tokens and of their joined
 * neighbours, the first and last halves of each key (so a query with one typo per token still
 * shares a term with the name, at two query terms per token), vowel-less skeletons for
 * unvowelled scripts, identifiers and the entity type. A query is
 * a disjunction per query token, weighted by the token's weight; {@link BooleanSimilarity} makes a
 * document's score the sum of the weights it shares, so the top documents are those sharing the
 * most identifying tokens. The precise score is computed afterwards by {@link NameScorer}.
 * Thread-safe after construction.
 */
final class NameIndex {

    /**
     * The version of what {@link #document} writes. Raise it when a field is added or changes
     * meaning: an index on disk with another version is rebuilt, never searched. ({@link
     * #layoutSample} catches changes of the analysis that nobody remembered to count.)
     */
    static final int LAYOUT_VERSION = 2;

    private static final String KEY = "key";
    private static final String NEAR = "near";
    /**
     * A listed name's joined neighbours ("abdul hai" as "abdulhai") and their typo terms, apart
     * from its own tokens: a query word written joined meets them, while a query's own joined
     * neighbours search only the listed tokens. Kept in the token fields, a name with the query's
     * words in the query's order scored them twice, once per word and once joined, and outranked a
     * name holding the same words in another order (a listed "Surname, Given").
     */
    private static final String JOINED = "joined";

    private static final String JOINED_NEAR = "joinednear";
    private static final String SKELETON = "skeleton";
    private static final String SYLLABLE = "syllable";
    private static final String IDENTIFIER = "identifier";
    private static final String TYPE = "type";
    private static final String ORDINAL = "ordinal";
    private static final String FEATURES = "features";
    private static final String BREVITY = "brevity";
    /**
     * Among names sharing the same query weight, the shorter one leaves less of itself unmatched and
     * scores higher; this much of a boost for a one-word name (half for two words, ...) ranks it first.
     */
    private static final float BREVITY_BOOST = 0.3f;

    private static final float KEY_BOOST = 3f;
    private static final float NEAR_BOOST = 1.5f;
    private static final float SKELETON_BOOST = 1.2f;
    /** The shortest consonant frame of a Latin word worth a skeleton clause. */
    private static final int LATIN_SKELETON = 4;

    private static final float IDENTIFIER_BOOST = 1000f;
    /** Tokens weighing less than this are searched by their key alone (see tokenQuery). */
    private static final double EXPANSION_WEIGHT = 0.6;
    /** Keys shorter than this get no typo terms: one letter off leaves too little. */
    private static final int SHORTEST_NEAR_KEY = 4;

    private static final int LONGEST_DELETION_KEY = 7;
    private static final int SHORTEST_HALVED_KEY = 8;

    /**
     * A listed name as indexed: its entity, the name as listed, the analysed form, and whether it
     * has Latin tokens (an original-script name has none).
     */
    record IndexedName(int entity, ListedName name, AnalysedName analysed, boolean latin) {}

    private final IndexSearcher searcher;
    private final Map<Term, TermStates> termStates = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_TERMS = 500_000;

    /** Opens the index written in {@code directory} (in memory, or memory-mapped from disk). */
    NameIndex(Directory directory) {
        try {
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("opening the name index failed", e);
        }
        searcher.setSimilarity(new BooleanSimilarity());
    }

    /** The metadata written with the index ({@link Writer#commit}). */
    Map<String, String> metadata() throws IOException {
        return ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData();
    }

    /**
     * Writes one document per listed name into an empty directory, then merges them into one
     * segment (the fastest to search) and commits with the given metadata.
     */
    static final class Writer implements AutoCloseable {
        private final IndexWriter writer;

        Writer(Directory directory) throws IOException {
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
            config.setSimilarity(new BooleanSimilarity());
            config.setRAMBufferSizeMB(64);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            writer = new IndexWriter(directory, config);
        }

        void add(int ordinal, IndexedName name, ListedEntity entity) throws IOException {
            writer.addDocument(document(ordinal, name, entity));
        }

        void commit(Map<String, String> metadata) throws IOException {
            writer.forceMerge(1);
            writer.setLiveCommitData(Map.copyOf(metadata).entrySet());
            writer.commit();
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /**
     * The terms {@link #document} gives a fixed set of sample names, as one text: when what a
     * listed name is indexed under changes (a field added, an analysis step changed), this changes
     * too, so an index written by another build is not reused by this one.
     */
    static String layoutSample() {
        NameAnalyser analyser = new NameAnalyser(TokenFrequencies.EMPTY);
        List<String> terms = new ArrayList<>();
        String[] samples = {
            "SOLEIMANI, Qasem", "Mahan Air Co. Ltd", "Abdul-Haq al-Baghdadi", "محمد علی حسینی", "Ким Чен Ын",
            "金正恩", "김정은", "Lashkar-i-Jhangvi", "OOO Romashka/ROMASHKA LLC", "MV OCEAN STAR 7"
        };
        for (String sample : samples) {
            for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANISATION)) {
                ListedEntity entity = new ListedEntity(
                        SanctionsList.UN,
                        "sample",
                        type,
                        List.of(new ListedName(sample, NameKind.PRIMARY)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of());
                AnalysedName analysed = analyser.analyse(sample, type);
                Document document =
                        document(0, new IndexedName(0, entity.names().get(0), analysed, true), entity);
                List<String> fields = new ArrayList<>();
                document.getFields().forEach(field -> fields.add(field.name() + "=" + field));
                java.util.Collections.sort(fields);
                terms.add(type + " " + sample + " " + fields);
            }
        }
        return String.join("\n", terms);
    }

    private static Document document(int ordinal, IndexedName name, ListedEntity entity) {
        Document document = new Document();
        Set<String> keys = new HashSet<>();
        Set<String> near = new HashSet<>();
        Set<String> skeletons = new HashSet<>();
        Set<String> syllables = new HashSet<>();
        Set<String> joined = new HashSet<>();
        Set<String> joinedNear = new HashSet<>();
        for (NameToken token : name.analysed().tokens()) {
            if (token.isContent()) {
                addTerms(token, keys, near, skeletons);
                if (!token.syllable().isEmpty()) {
                    syllables.add(SyllableKey.withoutNasal(token.syllable()));
                }
            }
        }
        for (AnalysedName.Span span : name.analysed().spans()) {
            joined.add(span.token().key());
            joinedNear.addAll(nearTerms(span.token().key(), true));
        }
        joined.removeAll(keys);
        joinedNear.removeAll(near);
        keys.forEach(key -> document.add(new StringField(KEY, key, Field.Store.NO)));
        near.forEach(key -> document.add(new StringField(NEAR, key, Field.Store.NO)));
        skeletons.forEach(key -> document.add(new StringField(SKELETON, key, Field.Store.NO)));
        joined.forEach(key -> document.add(new StringField(JOINED, key, Field.Store.NO)));
        joinedNear.forEach(key -> document.add(new StringField(JOINED_NEAR, key, Field.Store.NO)));
        syllables.forEach(key -> document.add(new StringField(SYLLABLE, key, Field.Store.NO)));
        for (Identifier identifier : entity.identifiers()) {
            document.add(new StringField(IDENTIFIER, identifier.normalisedValue(), Field.Store.NO));
        }
        document.add(new StringField(TYPE, entity.type().name(), Field.Store.NO));
        document.add(new NumericDocValuesField(ORDINAL, ordinal));
        long content =
                name.analysed().tokens().stream().filter(NameToken::isContent).count();
        document.add(new FeatureField(FEATURES, BREVITY, 1f / Math.max(1, content)));
        return document;
    }

    private static void addTerms(NameToken token, Set<String> keys, Set<String> near, Set<String> skeletons) {
        keys.add(token.key());
        near.addAll(nearTerms(token.key(), true));
        // The plain text too: a query key then still meets a listed name whose digraph folding it
        // broke with a transposed letter ("Lakahl" typed for "Lakhal").
        near.addAll(nearTerms(token.text(), true));
        if (token.skeleton().length() >= 2) {
            skeletons.add(token.skeleton());
        }
    }

    /**
     * Terms a one-edit typo cannot take away from both sides at once. Short keys (up to seven
     * letters) use the symmetric deletion neighbourhood: the key and every key with one letter
     * removed, marked "-". Longer keys use their first and last halves, marked "<" and ">": by
     * pigeonhole one edit leaves one half intact, and two terms per token keep queries cheap where
     * a deletion neighbourhood would need eight or more. The listed side indexes halves one letter
     * shorter and longer too, so a query with a letter more or less still meets them.
     */
    static Set<String> nearTerms(String key, boolean listed) {
        Set<String> terms = new HashSet<>();
        int length = key.length();
        // At the border between the two schemes a query key one letter longer or shorter than the
        // listed one uses the other scheme, so the listed side writes both schemes there.
        int longestDeletion = listed ? LONGEST_DELETION_KEY + 1 : LONGEST_DELETION_KEY;
        int shortestHalved = listed ? SHORTEST_HALVED_KEY - 1 : SHORTEST_HALVED_KEY;
        if (length >= SHORTEST_NEAR_KEY && length <= longestDeletion) {
            terms.add("-" + key);
            for (int i = 0; i < length; i++) {
                terms.add("-" + key.substring(0, i) + key.substring(i + 1));
            }
        }
        if (length >= shortestHalved) {
            int half = length / 2;
            int shortest = listed ? half - 1 : half;
            int longest = listed ? half + 1 : half;
            for (int size = shortest; size <= longest; size++) {
                if (size >= 3 && size < length) {
                    terms.add("<" + key.substring(0, size));
                    terms.add(">" + key.substring(length - size));
                }
            }
        }
        return terms;
    }

    /**
     * The ordinals of the best-sharing names, best first, at most {@code limit}.
     *
     * @param analyses the query analysed for each type it is screened as; their tokens are pooled
     * @param types the entity types to consider; empty means all
     */
    List<Integer> candidates(
            Collection<AnalysedName> analyses, Set<EntityType> types, List<Identifier> identifiers, int limit) {
        Map<String, NameToken> tokens = new LinkedHashMap<>();
        Map<String, NameToken> spans = new LinkedHashMap<>();
        for (AnalysedName analysed : analyses) {
            for (NameToken token : analysed.tokens()) {
                if (token.isContent()) {
                    tokens.merge(token.key(), token, (a, b) -> a.weight() >= b.weight() ? a : b);
                }
            }
            for (AnalysedName.Span span : analysed.spans()) {
                spans.putIfAbsent(span.token().key(), span.token());
            }
        }
        spans.keySet().removeAll(tokens.keySet());
        return search(tokens.values(), spans.values(), types, identifiers, limit);
    }

    /**
     * The ordinals of the names that best share the query's distinctive words, those weighing enough
     * to be searched by their typo terms and skeletons too, leaving its common words out; empty
     * when the query has no such word or no common one (then {@link #candidates} ranks the same).
     * A query of a common given name and a rarer word spelt differently ("Muhammad Yunis" for a
     * listed "YUNUS, Muhammad") otherwise ranks the many names sharing the common words exactly
     * above the one sharing the rarer word fuzzily, which the scorer prefers.
     */
    List<Integer> distinctiveCandidates(Collection<AnalysedName> analyses, Set<EntityType> types, int limit) {
        Map<String, NameToken> distinctive = new LinkedHashMap<>();
        boolean common = false;
        for (AnalysedName analysed : analyses) {
            for (NameToken token : analysed.tokens()) {
                if (!token.isContent()) {
                    continue;
                }
                if (token.weight() >= EXPANSION_WEIGHT) {
                    distinctive.merge(token.key(), token, (a, b) -> a.weight() >= b.weight() ? a : b);
                } else {
                    common = true;
                }
            }
        }
        if (!common || distinctive.isEmpty()) {
            return List.of();
        }
        return search(distinctive.values(), List.of(), types, List.of(), limit);
    }

    private List<Integer> search(
            Collection<NameToken> tokens,
            Collection<NameToken> spans,
            Set<EntityType> types,
            List<Identifier> identifiers,
            int limit) {
        BooleanQuery.Builder shared = new BooleanQuery.Builder();
        for (NameToken token : tokens) {
            shared.add(tokenQuery(token, clauseWeight(token), true), BooleanClause.Occur.SHOULD);
        }
        shared.setMinimumNumberShouldMatch(1);
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        int clauses = 0;
        if (!tokens.isEmpty()) {
            names.add(shared.build(), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (NameToken span : spans) {
            // Latin joined spans are matched by key: a join and a typo at once is too rare to pay
            // for. Arabic writes compounds apart that Latin joins (شمس الدین, Shamsuddin), so there
            // the joined form needs the looser ways as well.
            names.add(tokenQuery(span, clauseWeight(span), false), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (Identifier identifier : identifiers) {
            names.add(
                    new BoostQuery(new TermQuery(new Term(IDENTIFIER, identifier.normalisedValue())), IDENTIFIER_BOOST),
                    BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (clauses == 0) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(names.build(), BooleanClause.Occur.MUST)
                .add(FeatureField.newLinearQuery(FEATURES, BREVITY, BREVITY_BOOST), BooleanClause.Occur.SHOULD)
                .build();
        if (!types.isEmpty()) {
            List<BytesRef> typeTerms = new ArrayList<>();
            for (EntityType type : types) {
                typeTerms.add(new BytesRef(type.name()));
            }
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(new TermInSetQuery(TYPE, typeTerms), BooleanClause.Occur.FILTER)
                    .build();
        }
        try {
            TopDocs top = searcher.search(query, limit);
            List<Integer> ordinals = new ArrayList<>(top.scoreDocs.length);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc hit : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
                if (values != null && values.advanceExact(hit.doc - leaf.docBase)) {
                    ordinals.add((int) values.longValue());
                }
            }
            return ordinals;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the name index failed", e);
        }
    }

    /**
     * A term query whose dictionary lookup is done once per term and reused: the index never
     * changes, and the lookup, not the postings, is most of the cost of a short name query.
     */
    private Query term(String field, String text) {
        Term term = new Term(field, text);
        TermStates states = termStates.get(term);
        if (states == null) {
            try {
                states = TermStates.build(searcher, term, true);
            } catch (IOException e) {
                throw new UncheckedIOException("looking up a term in the name index failed", e);
            }
            if (termStates.size() >= MAX_CACHED_TERMS) {
                termStates.clear();
            }
            termStates.put(term, states);
        }
        return new TermQuery(term, states);
    }

    private static float clauseWeight(NameToken token) {
        return (float) Math.max(0.05, Math.min(1.0, token.weight()));
    }

    /**
     * One query token as a disjunction of the ways a listed name can share it: its key (exact up
     * to spelling variants), half of its key (a typo in the other half), or its vowel-less
     * skeleton (another script). A common token ("mohammad") skips the typo and skeleton expansions: they would walk
     * long posting lists for little gain, since the token itself is matched exactly and carries
     * little weight.
     */
    private Query tokenQuery(NameToken token, float weight, boolean word) {
        List<Query> ways = new ArrayList<>();
        ways.add(new BoostQuery(term(KEY, token.key()), KEY_BOOST * weight));
        if (word) {
            ways.add(new BoostQuery(term(JOINED, token.key()), KEY_BOOST * weight));
        }
        if (!token.syllable().isEmpty()) {
            ways.add(new BoostQuery(term(SYLLABLE, SyllableKey.withoutNasal(token.syllable())), KEY_BOOST * weight));
        }
        if (token.weight() < EXPANSION_WEIGHT && token.origin() != TokenOrigin.ARABIC) {
            return ways.size() == 1 ? ways.get(0) : new DisjunctionMaxQuery(ways, 0f);
        }
        for (String near : nearTerms(token.key(), false)) {
            ways.add(new BoostQuery(term(NEAR, near), NEAR_BOOST * weight));
            if (word) {
                ways.add(new BoostQuery(term(JOINED_NEAR, near), NEAR_BOOST * weight));
            }
        }
        // Skeletons serve unvowelled scripts, and Latin names spelt with other vowels
        // (Hezbollah, Hizballah): there only a frame of several consonants, which few names share.
        boolean latin = token.origin() == TokenOrigin.LATIN || token.origin() == TokenOrigin.CONFUSABLE;
        if (token.skeleton().length() >= (latin ? LATIN_SKELETON : 2)) {
            ways.add(new BoostQuery(term(SKELETON, token.skeleton()), SKELETON_BOOST * weight));
        }
        return new DisjunctionMaxQuery(ways, 0f);
    }
}
