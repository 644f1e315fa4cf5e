package org.corridor.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * query tokens and L the weight of listed tokens the query lacks. Conflicts cost most: "Saddam
 * Hussein al-Dulaimi" is not "Saddam Hussein al-Tikriti". Weights come from {@link TokenFrequencies},
 * so common tokens such as "mohammad" count less than rare ones. Stateless and thread-safe.
 */
final class NameScorer {

    static final double FUZZY_LOSS = 2.0;
    static final double CONFLICT = 3.5;
    static final double EXTRA_QUERY_PERSON = 0.45;
    static final double MISSING_LISTED_PERSON = 0.55;
    static final double EXTRA_QUERY_ORGANISATION = 1.0;
    static final double MISSING_LISTED_ORGANISATION = 0.35;
    /** A conflicting name counts at least this much, however common it is. */
    static final double CONFLICT_FLOOR = 0.7;
    /** Two different initials (William G. / William W.) are a conflict too. */
    static final double INITIAL_CONFLICT = 0.5;
    /** Matches only on generic words, legal forms or numbers never reach a hit. */
    static final double GENERIC_ONLY_CAP = 0.5;
    /** An organisation's extra word counts at least this much, however generic. */
    static final double ORGANISATION_EXTRA_FLOOR = 0.5;
    /** A father's name aligned with the person's own keeps this share of its value. */
    static final double PATRONYMIC_SWAP = 0.3;
    /** A single listed name inside a longer query scores at most this. */
    static final double SINGLE_NAME_CAP = 0.6;
    /** A joined span must be this close to count. */
    private static final double JOIN_FLOOR = 0.9;

    private NameScorer() {}

    private record Candidate(
            int queryStart, int queryEnd, int listedStart, int listedEnd, double value, MatchKind kind) {}

    static NameScore compare(AnalysedName query, AnalysedName listed) {
        List<NameToken> q = query.tokens();
        List<NameToken> l = listed.tokens();
        if (query.isEmpty() || listed.isEmpty()) {
            return NameScore.NONE;
        }
        List<Candidate> candidates = candidates(query, listed);
        candidates.sort(Comparator.comparingDouble(Candidate::value).reversed());
        boolean[] usedQuery = new boolean[q.size()];
        boolean[] usedListed = new boolean[l.size()];
        List<Candidate> selected = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (isFree(usedQuery, candidate.queryStart(), candidate.queryEnd())
                    && isFree(usedListed, candidate.listedStart(), candidate.listedEnd())) {
                mark(usedQuery, candidate.queryStart(), candidate.queryEnd());
                mark(usedListed, candidate.listedStart(), candidate.listedEnd());
                selected.add(candidate);
            }
        }
        if (selected.isEmpty()) {
            return new NameScore(0, List.of(), contentTexts(q, usedQuery), contentTexts(l, usedListed));
        }
        double matched = 0;
        double fuzzyLoss = 0;
        double queryRemainder = 0;
        double listedRemainder = 0;
        boolean distinctive = false;
        List<TokenMatch> matches = new ArrayList<>(selected.size());
        Set<String> matchedQueryKeys = new HashSet<>();
        Set<String> matchedListedKeys = new HashSet<>();
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
            if (swapsFatherAndSon(q, l, c)) {
                // "Salman bin Muhammad" is the son of Muhammad; "Muhammad bin Salman" his father.
                value *= PATRONYMIC_SWAP;
            }
            matched += value * pairWeight;
            fuzzyLoss += (1 - value) * pairWeight;
            distinctive |=
                    isDistinctive(q, c.queryStart(), c.queryEnd()) || isDistinctive(l, c.listedStart(), c.listedEnd());
            addKeys(q, c.queryStart(), c.queryEnd(), matchedQueryKeys);
            addKeys(l, c.listedStart(), c.listedEnd(), matchedListedKeys);
            matches.add(new TokenMatch(
                    display(q, c.queryStart(), c.queryEnd()),
                    display(l, c.listedStart(), c.listedEnd()),
                    c.kind(),
                    c.value()));
        }
        boolean person = listed.type() == EntityType.PERSON;
        // An organisation with an extra word ("Crystalord Systems") is usually another organisation.
        Leftover queryLeft = leftover(q, usedQuery, matchedQueryKeys, person ? 0 : ORGANISATION_EXTRA_FLOOR);
        Leftover listedLeft = leftover(l, usedListed, matchedListedKeys, 0);
        double conflict = Math.min(queryLeft.conflictWeight(), listedLeft.conflictWeight());
        double extraQuery = queryRemainder + share(queryLeft, conflict);
        double missingListed = listedRemainder + share(listedLeft, conflict);
        double penalty = FUZZY_LOSS * fuzzyLoss
                + CONFLICT * conflict
                + (person ? EXTRA_QUERY_PERSON : EXTRA_QUERY_ORGANISATION) * extraQuery
                + (person ? MISSING_LISTED_PERSON : MISSING_LISTED_ORGANISATION) * missingListed;
        double score = matched <= 0 ? 0 : matched / (matched + penalty);
        if (!distinctive && (queryLeft.hasName() || listedLeft.hasName())) {
            score = Math.min(score, GENERIC_ONLY_CAP);
        }
        // A one-word listed name ("Walijan", a nickname) found inside a longer query is not enough
        // on its own: many people share one name.
        int queryNames = contentCount(q);
        int listedNames = contentCount(l);
        if (person
                && ((listedNames == 1 && queryNames > 1 && !queryLeft.texts().isEmpty())
                        || (queryNames == 1
                                && listedNames > 1
                                && !listedLeft.texts().isEmpty()))) {
            score = Math.min(score, SINGLE_NAME_CAP);
        }
        return new NameScore(clamp(score), matches, queryLeft.texts(), listedLeft.texts());
    }

    private static List<Candidate> candidates(AnalysedName query, AnalysedName listed) {
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
                TokenSimilarity.Similarity similarity = TokenSimilarity.compare(queryToken, listedToken);
                if (similarity.value() > 0) {
                    candidates.add(new Candidate(i, i + 1, j, j + 1, similarity.value(), similarity.kind()));
                }
            }
            for (AnalysedName.Span span : listed.spans()) {
                addJoin(candidates, queryToken, span.token(), i, i + 1, span.start(), span.end());
            }
        }
        for (AnalysedName.Span span : query.spans()) {
            for (int j = 0; j < l.size(); j++) {
                NameToken listedToken = l.get(j);
                if (listedToken.isContent()) {
                    addJoin(candidates, span.token(), listedToken, span.start(), span.end(), j, j + 1);
                }
            }
        }
        return candidates;
    }

    private static void addJoin(
            List<Candidate> candidates, NameToken one, NameToken joined, int qs, int qe, int ls, int le) {
        int difference = Math.abs(one.text().length() - joined.text().length());
        if (one.isInitial()
                || one.role() == TokenRole.NUMBER
                || difference > Math.max(2, one.text().length() / 3)) {
            return;
        }
        TokenSimilarity.Similarity similarity = TokenSimilarity.compare(one, joined);
        if (similarity.value() >= JOIN_FLOOR) {
            double value = similarity.kind() == MatchKind.FUZZY || similarity.kind() == MatchKind.TRANSLITERATED
                    ? TokenSimilarity.fuzzyValue(similarity.value())
                    : similarity.value();
            candidates.add(new Candidate(qs, qe, ls, le, value, MatchKind.JOINED));
        }
    }

    /**
     * Unmatched weight on one side. A repeat of a matched token ("Sergey Sergey Shoigu") is not an
     * extra name, but it can still conflict with a different name on the other side.
     */
    private record Leftover(double weight, double conflictWeight, List<String> texts, boolean hasName) {}

    private static Leftover leftover(
            List<NameToken> tokens, boolean[] used, Set<String> matchedKeys, double extraFloor) {
        double weight = 0;
        double conflictWeight = 0;
        boolean hasName = false;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            if (used[i] || !token.isContent()) {
                continue;
            }
            boolean name = token.role() == TokenRole.NAME;
            conflictWeight += name
                    ? Math.max(token.weight(), CONFLICT_FLOOR)
                    : token.isInitial() ? INITIAL_CONFLICT : token.weight();
            hasName |= name;
            texts.add(token.display());
            if (!matchedKeys.contains(token.key())) {
                boolean floored = name || token.role() == TokenRole.GENERIC;
                weight += floored ? Math.max(token.weight(), extraFloor) : token.weight();
            }
        }
        return new Leftover(weight, conflictWeight, texts, hasName);
    }

    private static boolean swapsFatherAndSon(List<NameToken> q, List<NameToken> l, Candidate c) {
        boolean queryFather = q.get(c.queryStart()).patronymic();
        boolean listedFather = l.get(c.listedStart()).patronymic();
        return queryFather != listedFather && hasPatronymic(q) && hasPatronymic(l);
    }

    private static boolean hasPatronymic(List<NameToken> tokens) {
        for (NameToken token : tokens) {
            if (token.patronymic()) {
                return true;
            }
        }
        return false;
    }

    /** The part of a side's unmatched weight not already counted as conflict. */
    private static double share(Leftover left, double conflict) {
        if (left.conflictWeight() <= 0) {
            return 0;
        }
        return left.weight() * (1 - conflict / left.conflictWeight());
    }

    private static int contentCount(List<NameToken> tokens) {
        int count = 0;
        for (NameToken token : tokens) {
            if (token.role() == TokenRole.NAME) {
                count++;
            }
        }
        return count;
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

    private static void addKeys(List<NameToken> tokens, int start, int end, Set<String> keys) {
        for (int i = start; i < end; i++) {
            keys.add(tokens.get(i).key());
        }
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

    private static List<String> contentTexts(List<NameToken> tokens, boolean[] used) {
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

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
