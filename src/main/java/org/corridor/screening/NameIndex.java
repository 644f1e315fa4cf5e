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
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
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
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The candidate generator: an in-memory Lucene index (ByteBuffersDirectory) with one document per
 * listed name. Each document holds the phonetic keys of the name's tokens and of their joined
 * neighbours, the keys' one-deletion variants (so a query with one typo per token still shares a
 * term with the name: a symmetric deletion neighbourhood, much more selective than character
 * n-grams), vowel-less skeletons for unvowelled scripts, identifiers and the entity type. A query is
 * a disjunction per query token, weighted by the token's weight; {@link BooleanSimilarity} makes a
 * document's score the sum of the weights it shares, so the top documents are those sharing the
 * most identifying tokens. The precise score is computed afterwards by {@link NameScorer}.
 * Thread-safe after construction.
 */
final class NameIndex {

    private static final String KEY = "key";
    private static final String NEAR = "near";
    private static final String SKELETON = "skeleton";
    private static final String IDENTIFIER = "identifier";
    private static final String TYPE = "type";
    private static final String ORDINAL = "ordinal";
    private static final float KEY_BOOST = 3f;
    private static final float NEAR_BOOST = 1.5f;
    private static final float SKELETON_BOOST = 1.2f;
    private static final float IDENTIFIER_BOOST = 1000f;
    /** Keys shorter than this get no deletion variants: one deletion would leave too little. */
    private static final int SHORTEST_NEAR_KEY = 4;

    /**
     * A listed name as indexed: its entity, the name as listed, the analysed form, and whether it
     * has Latin tokens (an original-script name has none).
     */
    record IndexedName(int entity, ListedName name, AnalysedName analysed, boolean latin) {}

    private final IndexSearcher searcher;

    NameIndex(List<IndexedName> names, List<ListedEntity> entities) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer());
        config.setSimilarity(new BooleanSimilarity());
        config.setRAMBufferSizeMB(64);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int ordinal = 0; ordinal < names.size(); ordinal++) {
                IndexedName name = names.get(ordinal);
                writer.addDocument(document(ordinal, name, entities.get(name.entity())));
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory name index failed", e);
        }
        try {
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("opening the in-memory name index failed", e);
        }
        searcher.setSimilarity(new BooleanSimilarity());
    }

    private static Document document(int ordinal, IndexedName name, ListedEntity entity) {
        Document document = new Document();
        Set<String> keys = new HashSet<>();
        Set<String> near = new HashSet<>();
        Set<String> skeletons = new HashSet<>();
        for (NameToken token : name.analysed().tokens()) {
            if (token.isContent()) {
                addTerms(token, keys, near, skeletons);
            }
        }
        for (AnalysedName.Span span : name.analysed().spans()) {
            keys.add(span.token().key());
        }
        keys.forEach(key -> document.add(new StringField(KEY, key, Field.Store.NO)));
        near.forEach(key -> document.add(new StringField(NEAR, key, Field.Store.NO)));
        skeletons.forEach(key -> document.add(new StringField(SKELETON, key, Field.Store.NO)));
        for (Identifier identifier : entity.identifiers()) {
            document.add(new StringField(IDENTIFIER, identifier.normalisedValue(), Field.Store.NO));
        }
        document.add(new StringField(TYPE, entity.type().name(), Field.Store.NO));
        document.add(new NumericDocValuesField(ORDINAL, ordinal));
        return document;
    }

    private static void addTerms(NameToken token, Set<String> keys, Set<String> near, Set<String> skeletons) {
        keys.add(token.key());
        near.addAll(nearTerms(token));
        if (token.skeleton().length() >= 2) {
            skeletons.add(token.skeleton());
        }
    }

    /** The key and the text with their one-deletion variants (for keys long enough). */
    static Set<String> nearTerms(NameToken token) {
        Set<String> variants = new HashSet<>();
        addWithDeletions(token.key(), variants);
        addWithDeletions(token.text(), variants);
        return variants;
    }

    private static void addWithDeletions(String word, Set<String> variants) {
        variants.add(word);
        if (word.length() >= SHORTEST_NEAR_KEY) {
            for (int i = 0; i < word.length(); i++) {
                variants.add(word.substring(0, i) + word.substring(i + 1));
            }
        }
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
        // A name sharing a single token with a longer query ("Mohammad" alone) cannot score a hit,
        // so multi-token queries only retrieve names sharing two tokens, or a joined pair.
        BooleanQuery.Builder shared = new BooleanQuery.Builder();
        for (NameToken token : tokens.values()) {
            shared.add(tokenQuery(token, clauseWeight(token)), BooleanClause.Occur.SHOULD);
        }
        // A romanised query is harder to find letter for letter; it keeps the looser retrieval.
        boolean latin = tokens.values().stream()
                .allMatch(token -> token.origin() == TokenOrigin.LATIN || token.origin() == TokenOrigin.CONFUSABLE);
        shared.setMinimumNumberShouldMatch(latin ? Math.min(2, tokens.size()) : 1);
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        int clauses = 0;
        if (!tokens.isEmpty()) {
            names.add(shared.build(), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (NameToken span : spans.values()) {
            names.add(tokenQuery(span, clauseWeight(span)), BooleanClause.Occur.SHOULD);
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
        Query query = names.build();
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
            throw new UncheckedIOException("searching the in-memory name index failed", e);
        }
    }

    private static float clauseWeight(NameToken token) {
        return (float) Math.max(0.05, Math.min(1.0, token.weight()));
    }

    private static Query tokenQuery(NameToken token, float weight) {
        List<Query> ways = new ArrayList<>();
        ways.add(new BoostQuery(new TermQuery(new Term(KEY, token.key())), KEY_BOOST * weight));
        for (String variant : nearTerms(token)) {
            ways.add(new BoostQuery(new TermQuery(new Term(NEAR, variant)), NEAR_BOOST * weight));
        }
        if (token.skeleton().length() >= 2) {
            ways.add(new BoostQuery(new TermQuery(new Term(SKELETON, token.skeleton())), SKELETON_BOOST * weight));
        }
        return new DisjunctionMaxQuery(ways, 0f);
    }
}
