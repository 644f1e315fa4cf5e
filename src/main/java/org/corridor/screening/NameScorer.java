package org.corridor.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores a query name against a listed name. Tokens are aligned one to one (greedily, best
 * similarity first; a token may also align with two or three joined neighbours on the other side),
 * in any order. The score is the matched weight over the matched weight plus penalties:
 *
 * <pre>
 *   score = M / (M + a*F + b*C + q*Q + l*L)
 * </pre>
 *
 * where M is the similarity-weighted mass of aligned pairs, F what fuzzy pairs lose, C the conflict
 * (weight left unmatched on both sides: a different given or family name), Q the weight of extra
 * query tokens and L the weight of listed tokens the query lacks. Conflicts cost most: "Karim
 * Nasser al-Hamdani" is not "Karim Nasser al-Shammari". Weights come from {@link TokenFrequencies},
 * so common tokens such as "mohammad" count less than rare ones. Stateless and thread-safe.
 */
final class NameScorer {

    /** A conflicting name counts at least this much, however common it is. */
    static final double CONFLICT_FLOOR = 0.7;
    /** "Equipment" where the list says "Engineering" is a different organisation too. */
    static final double GENERIC_CONFLICT = 0.5;
    /** Two different initials (William G. / William W.) are a conflict too. */
    static final double INITIAL_CONFLICT = 0.5;
    /** An organisation's extra word counts at least this much, however generic. */
    static final double ORGANISATION_EXTRA_FLOOR = 0.6;
    /** A father's name aligned with the person's own keeps this share of its value. */
    static final double PATRONYMIC_SWAP = 0.3;
    /** A transliterated pair this close loses only half of what it lacks. */
    static final double CLOSE_TRANSLITERATION = 0.85;
    /** A joined span must be this close to count. */
    private static final double JOIN_FLOOR = 0.9;

    private NameScorer() {}

    /**
     * What an alignment found, before weighing: the matched weight M, what fuzzy pairs lack F, the
     * conflict C, the query's Q and the listed name's L other unmatched weight, whether the name is
     * a person's, and whether a cap applies (a match on generic words only; a one-word name inside
     * a longer one).
     */
    record Terms(
            double matched,
            double fuzzyLoss,
            double conflict,
            double extraQuery,
            double missingListed,
            boolean person,
            boolean genericOnly,
            boolean singleName) {

        static final Terms NONE = new Terms(0, 0, 0, 0, 0, true, false, false);

        double score(ScoreWeights w) {
            if (matched <= 0) {
                return 0;
            }
            double penalty = w.fuzzy() * fuzzyLoss
                    + w.conflict() * conflict
                    + (person ? w.extraQueryPerson() : w.extraQueryOrganisation()) * extraQuery
                    + (person ? w.missingListedPerson() : w.missingListedOrganisation()) * missingListed;
            double score = matched / (matched + penalty);
            if (genericOnly) {
                score = Math.min(score, w.genericOnlyCap());
            }
            if (singleName) {
                score = Math.min(score, w.singleNameCap());
            }
            return Math.max(0, Math.min(1, score));
        }
    }

    private record Candidate(
            int queryStart, int queryEnd, int listedStart, int listedEnd, double value, MatchKind kind) {}

    private static final Comparator<Candidate> BEST_FIRST = (a, b) -> Double.compare(b.value(), a.value());

    /**
     * The scored alignment of two names. Computing it allocates little; {@link #explain()} builds
     * the human-readable explanation, which the screener only needs for the hits it keeps.
     */
    static final class Alignment {
        private final double score;
        private final Terms terms;
        private final AnalysedName query;
        private final AnalysedName listed;
        private final List<Candidate> selected;
        private final boolean[] usedQuery;
        private final boolean[] usedListed;

        private Alignment(
                Terms terms,
                AnalysedName query,
                AnalysedName listed,
                List<Candidate> selected,
                boolean[] usedQuery,
                boolean[] usedListed) {
            this.terms = terms;
            this.score = terms.score(ScoreWeights.STANDARD);
            this.query = query;
            this.listed = listed;
            this.selected = selected;
            this.usedQuery = usedQuery;
            this.usedListed = usedListed;
        }

        double score() {
            return score;
        }

        Terms terms() {
            return terms;
        }

        /**
         * Whether every aligned pair is Korean or Chinese syllables on one side at least: such a name is
         * made of a few hundred common syllables and is shared by many people.
         */
        boolean syllablesOnly() {
            return NameScorer.syllablesOnly(query, listed, selected);
        }

        private static boolean allSyllables(List<NameToken> tokens, int start, int end) {
            for (int i = start; i < end; i++) {
                if (tokens.get(i).syllable().isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        NameScore explain() {
            List<NameToken> q = query.tokens();
            List<NameToken> l = listed.tokens();
            List<TokenMatch> matches = new ArrayList<>(selected.size());
            for (Candidate c : selected) {
                matches.add(new TokenMatch(
                        display(q, c.queryStart(), c.queryEnd()),
                        display(l, c.listedStart(), c.listedEnd()),
                        c.kind(),
                        c.value()));
            }
            List<String> normalised = query.undone().stream()
                    .sorted()
                    .map(undone -> undone.description)
                    .toList();
            return new NameScore(
                    score, matches, unmatchedTexts(q, usedQuery), unmatchedTexts(l, usedListed), normalised);
        }
    }

    private static boolean syllablesOnly(AnalysedName query, AnalysedName listed, List<Candidate> selected) {
        if (selected.isEmpty()) {
            return false;
        }
        for (Candidate c : selected) {
            // One side is enough: a listed "O" or "Jong-su" is read as an initial or one word.
            if (!Alignment.allSyllables(query.tokens(), c.queryStart(), c.queryEnd())
                    && !Alignment.allSyllables(listed.tokens(), c.listedStart(), c.listedEnd())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The weight of Korean or Chinese words none of whose syllables matched (a second given name):
     * one word of syllables is a whole given name.
     */
    private static double wholeUnmatchedWords(List<NameToken> tokens, boolean[] used) {
        double whole = 0;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (used[i]
                    || token.origin() != TokenOrigin.SYLLABIC
                    || !token.isContent()
                    || !isWholeWordUnmatched(tokens, used, token)) {
                continue;
            }
            whole += token.weight();
        }
        return whole;
    }

    private static boolean isWholeWordUnmatched(List<NameToken> tokens, boolean[] used, NameToken token) {
        for (int j = 0; j < tokens.size(); j++) {
            if (used[j] && tokens.get(j).display().equals(token.display())) {
                return false;
            }
        }
        return true;
    }

    static NameScore compare(AnalysedName query, AnalysedName listed) {
        return align(query, listed, SimilarityCache.NONE).explain();
    }

    /** Aligns the names and scores the alignment; token comparisons go through {@code cache}. */
    static Alignment align(AnalysedName query, AnalysedName listed, SimilarityCache cache) {
        List<NameToken> q = query.tokens();
        List<NameToken> l = listed.tokens();
        boolean[] usedQuery = new boolean[q.size()];
        boolean[] usedListed = new boolean[l.size()];
        if (query.isEmpty() || listed.isEmpty()) {
            return new Alignment(Terms.NONE, query, listed, List.of(), usedQuery, usedListed);
        }
        List<Candidate> candidates = candidates(query, listed, cache);
        candidates.sort(BEST_FIRST);
        List<Candidate> selected = new ArrayList<>(Math.min(candidates.size(), q.size()));
        for (Candidate candidate : candidates) {
            if (isFree(usedQuery, candidate.queryStart(), candidate.queryEnd())
                    && isFree(usedListed, candidate.listedStart(), candidate.listedEnd())) {
                mark(usedQuery, candidate.queryStart(), candidate.queryEnd());
                mark(usedListed, candidate.listedStart(), candidate.listedEnd());
                selected.add(candidate);
            }
        }
        if (selected.isEmpty()) {
            return new Alignment(Terms.NONE, query, listed, selected, usedQuery, usedListed);
        }
        double matched = 0;
        double fuzzyLoss = 0;
        double queryRemainder = 0;
        double listedRemainder = 0;
        boolean distinctive = false;
        for (Candidate c : selected) {
            double queryWeight = weight(q, c.queryStart(), c.queryEnd());
            double listedWeight = weight(l, c.listedStart(), c.listedEnd());
            double pairWeight;
            if (c.kind() == MatchKind.INITIAL) {
                // An initial only says as much as an initial: the rest of the full name is missing.
                pairWeight = Math.min(queryWeight, listedWeight);
                queryRemainder += queryWeight - pairWeight;
                listedRemainder += listedWeight - pairWeight;
            } else {
                pairWeight = (queryWeight + listedWeight) / 2;
            }
            double value = c.value();
            if (query.hasPatronymic() && listed.hasPatronymic() && swapsFatherAndSon(q, l, c)) {
                // "Yusuf bin Tariq" is the son of Tariq; "Tariq bin Yusuf" his father.
                value *= PATRONYMIC_SWAP;
            } else if (listed.hasPatronymic() && namesTheFather(q, l, c, usedListed)) {
                // A name in the order own name, father's, grandfather's (the lists' order for a
                // name with bin or ibn) whose own name is unmatched, while the query's own name met
                // a later one: the query names the father ("Tariq Yusuf Salim" is Yusuf's son).
                value *= PATRONYMIC_SWAP;
            }
            matched += value * pairWeight;
            // Across scripts some distance is normal (unwritten vowels, letters without a match),
            // so what a close transliteration lacks counts half as much as a Latin misspelling.
            boolean closeTransliteration = c.kind() == MatchKind.TRANSLITERATED && value >= CLOSE_TRANSLITERATION;
            fuzzyLoss += (1 - value) * pairWeight * (closeTransliteration ? 0.5 : 1.0);
            distinctive |=
                    isDistinctive(q, c.queryStart(), c.queryEnd()) || isDistinctive(l, c.listedStart(), c.listedEnd());
        }
        boolean person = listed.type() == EntityType.PERSON;
        // An organisation with an extra word ("Crystalord Systems") is usually another organisation.
        Leftover queryLeft = leftover(q, usedQuery, person ? 0 : ORGANISATION_EXTRA_FLOOR);
        Leftover listedLeft = leftover(l, usedListed, 0);
        double conflict = Math.min(queryLeft.conflictWeight(), listedLeft.conflictWeight())
                + brokenWords(q, usedQuery)
                + brokenWords(l, usedListed);
        double extraQuery = queryRemainder + share(queryLeft, conflict);
        double missingListed = listedRemainder + share(listedLeft, conflict);
        if (person && syllablesOnly(query, listed, selected)) {
            // Korean and Chinese names carry no middle names: a whole given name on one side only is
            // another person's name, not one left out, so it costs as a conflict does.
            double queryOther = wholeUnmatchedWords(q, usedQuery);
            double listedOther = wholeUnmatchedWords(l, usedListed);
            conflict += queryOther + listedOther;
            extraQuery = Math.max(0, extraQuery - queryOther);
            missingListed = Math.max(0, missingListed - listedOther);
        }
        boolean genericOnly = !distinctive && (queryLeft.hasName() || listedLeft.hasName());
        // A one-word name found inside a longer name on the other side (a nickname, a given name alone) is
        // not enough on its own: many people share one name.
        int queryNames = query.nameCount();
        int listedNames = listed.nameCount();
        boolean singleName = person
                && ((listedNames == 1 && queryNames > 1 && queryLeft.count() > 0)
                        || (queryNames == 1 && listedNames > 1 && listedLeft.count() > 0));
        Terms terms =
                new Terms(matched, fuzzyLoss, conflict, extraQuery, missingListed, person, genericOnly, singleName);
        return new Alignment(terms, query, listed, selected, usedQuery, usedListed);
    }

    private static List<Candidate> candidates(AnalysedName query, AnalysedName listed, SimilarityCache cache) {
        List<NameToken> q = query.tokens();
        List<NameToken> l = listed.tokens();
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            NameToken queryToken = q.get(i);
            if (!queryToken.isContent()) {
                continue;
            }
            for (int j = 0; j < l.size(); j++) {
                NameToken listedToken = l.get(j);
                if (!listedToken.isContent()) {
                    continue;
                }
                TokenSimilarity.Similarity similarity = cache.compare(i, queryToken, listedToken);
                if (similarity.value() > 0) {
                    candidates.add(new Candidate(i, i + 1, j, j + 1, similarity.value(), similarity.kind()));
                }
            }
            for (AnalysedName.Span span : listed.spans()) {
                addJoin(candidates, cache, i, queryToken, span.token(), i, i + 1, span.start(), span.end());
            }
        }
        List<AnalysedName.Span> querySpans = query.spans();
        for (int s = 0; s < querySpans.size(); s++) {
            AnalysedName.Span span = querySpans.get(s);
            for (int j = 0; j < l.size(); j++) {
                NameToken listedToken = l.get(j);
                if (listedToken.isContent()) {
                    addJoin(
                            candidates,
                            cache,
                            q.size() + s,
                            span.token(),
                            listedToken,
                            span.start(),
                            span.end(),
                            j,
                            j + 1);
                }
            }
        }
        return candidates;
    }

    private static void addJoin(
            List<Candidate> candidates,
            SimilarityCache cache,
            int slot,
            NameToken one,
            NameToken joined,
            int queryStart,
            int queryEnd,
            int listedStart,
            int listedEnd) {
        int difference = Math.abs(one.text().length() - joined.text().length());
        if (one.isInitial()
                || one.role() == TokenRole.NUMBER
                || difference
                        > Math.max(
                                2, Math.min(one.text().length(), joined.text().length()) / 3)) {
            return;
        }
        // A word written as two starts like them; this cheap test spares most comparisons.
        if (one.text().charAt(0) != joined.text().charAt(0)
                && one.key().charAt(0) != joined.key().charAt(0)
                && !sameFirstConsonant(one, joined)) {
            return;
        }
        TokenSimilarity.Similarity similarity = cache.compare(slot, one, joined);
        if (similarity.value() >= JOIN_FLOOR) {
            double value = similarity.kind() == MatchKind.FUZZY || similarity.kind() == MatchKind.TRANSLITERATED
                    ? TokenSimilarity.fuzzyValue(similarity.value())
                    : similarity.value();
            candidates.add(new Candidate(queryStart, queryEnd, listedStart, listedEnd, value, MatchKind.JOINED));
        }
    }

    /** Unvowelled script drops an initial vowel or ayn, so its first consonant is the anchor. */
    private static boolean sameFirstConsonant(NameToken one, NameToken joined) {
        return !one.skeleton().isEmpty()
                && !joined.skeleton().isEmpty()
                && one.skeleton().charAt(0) == joined.skeleton().charAt(0);
    }

    /**
     * Unmatched weight on one side. A repeat of a matched token ("Ivan Ivan Petrenko") is not an
     * extra name, but it can still conflict with a different name on the other side.
     */
    private record Leftover(double weight, double conflictWeight, int count, boolean hasName) {}

    private static Leftover leftover(List<NameToken> tokens, boolean[] used, double extraFloor) {
        double weight = 0;
        double conflictWeight = 0;
        int count = 0;
        boolean hasName = false;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (used[i] || !token.isContent()) {
                continue;
            }
            boolean name = token.role() == TokenRole.NAME;
            conflictWeight += name
                    ? Math.max(token.weight(), CONFLICT_FLOOR)
                    : token.isInitial()
                            ? INITIAL_CONFLICT
                            : token.role() == TokenRole.GENERIC
                                    ? Math.max(token.weight(), GENERIC_CONFLICT)
                                    : token.weight();
            hasName |= name;
            count++;
            if (!repeatsMatched(tokens, used, token)) {
                boolean floored = name || token.role() == TokenRole.GENERIC;
                weight += floored ? Math.max(token.weight(), extraFloor) : token.weight();
            }
        }
        return new Leftover(weight, conflictWeight, count, hasName);
    }

    /**
     * The weight of syllables left over from a Chinese, Japanese or Korean word whose other
     * syllables matched: 建宏 (Jian Hong) matching only "Jian" is another given name, a conflict.
     */
    private static double brokenWords(List<NameToken> tokens, boolean[] used) {
        double broken = 0;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (used[i] || token.origin() != TokenOrigin.SYLLABIC || !token.isContent()) {
                continue;
            }
            for (int j = 0; j < tokens.size(); j++) {
                if (used[j] && tokens.get(j).display().equals(token.display())) {
                    broken += Math.max(token.weight(), CONFLICT_FLOOR);
                    break;
                }
            }
        }
        return broken;
    }

    private static boolean repeatsMatched(List<NameToken> tokens, boolean[] used, NameToken token) {
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i] && tokens.get(i).key().equals(token.key())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesTheFather(List<NameToken> q, List<NameToken> l, Candidate c, boolean[] usedListed) {
        int queryOwn = firstName(q);
        int listedOwn = firstName(l);
        return queryOwn >= 0
                && listedOwn >= 0
                && c.queryStart() == queryOwn
                && c.listedStart() > listedOwn
                && !usedListed[listedOwn]
                && !l.get(c.listedStart()).patronymic();
    }

    /** The index of the person's own first name (not a particle, initial or father's name), or -1. */
    private static int firstName(List<NameToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (token.isContent() && token.role() == TokenRole.NAME && !token.isInitial() && !token.patronymic()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean swapsFatherAndSon(List<NameToken> q, List<NameToken> l, Candidate c) {
        return q.get(c.queryStart()).patronymic() != l.get(c.listedStart()).patronymic();
    }

    /** The part of a side's unmatched weight not already counted as conflict. */
    private static double share(Leftover left, double conflict) {
        if (left.conflictWeight() <= 0) {
            return 0;
        }
        return left.weight() * (1 - conflict / left.conflictWeight());
    }

    private static boolean isDistinctive(List<NameToken> tokens, int start, int end) {
        for (int i = start; i < end; i++) {
            TokenRole role = tokens.get(i).role();
            if (role == TokenRole.NAME || role == TokenRole.INITIAL || role == TokenRole.NUMBER) {
                return true;
            }
        }
        return false;
    }

    private static double weight(List<NameToken> tokens, int start, int end) {
        double total = 0;
        for (int i = start; i < end; i++) {
            total += tokens.get(i).weight();
        }
        return total;
    }

    private static String display(List<NameToken> tokens, int start, int end) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (int i = start; i < end; i++) {
            String display = tokens.get(i).display();
            if (!display.equals(previous)) {
                out.append(out.length() > 0 ? " " : "").append(display);
                previous = display;
            }
        }
        return out.toString();
    }

    private static List<String> unmatchedTexts(List<NameToken> tokens, boolean[] used) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && tokens.get(i).isContent()) {
                texts.add(tokens.get(i).display());
            }
        }
        return texts;
    }

    private static boolean isFree(boolean[] used, int start, int end) {
        for (int i = start; i < end; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] used, int start, int end) {
        for (int i = start; i < end; i++) {
            used[i] = true;
        }
    }
}
