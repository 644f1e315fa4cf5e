package org.corridor.screening;

/**
 * Compares two tokens: exact spelling, equal phonetic keys, or a weighted Damerau-Levenshtein
 * distance over the keys in which the cheap edits are the ones romanisation makes (a vowel for
 * another vowel, g for k, d for t) and, across scripts, missing short vowels. Stateless and
 * thread-safe.
 */
final class TokenSimilarity {

    /** The result of one comparison; {@link #NONE} when the tokens do not match at all. */
    record Similarity(double value, MatchKind kind) {}

    static final Similarity NONE = new Similarity(0, MatchKind.FUZZY);
    private static final Similarity EXACT = new Similarity(1.0, MatchKind.EXACT);
    private static final Similarity PHONETIC = new Similarity(0.95, MatchKind.PHONETIC);
    private static final Similarity TRANSLITERATED_EQUAL = new Similarity(0.95, MatchKind.TRANSLITERATED);
    private static final Similarity INITIAL = new Similarity(1.0, MatchKind.INITIAL);

    private static final java.util.Set<String> COMMON_NAME_KEYS = NameVocabulary.STANDARD.commonNameKeys;
    private static final double FUZZY_STEEP = 0.9;
    private static final double DISTINCT_COMMON_NAMES = 0.85;

    /** Below this a fuzzy pair is two different words. */
    static final double FUZZY_FLOOR = 0.6;
    /** A cross-script pair this close counts as the same word in another script. */
    private static final double TRANSLITERATED_FLOOR = 0.78;

    private static final double TRANSLITERATED_CAP = 0.93;
    private static final double VOWEL_INDEL_ACROSS_SCRIPTS = 0.15;
    private static final double VOWEL_INDEL = 0.5;
    private static final double SOFT_INDEL = 0.5;
    private static final double VOWEL_SUBSTITUTION = 0.4;
    private static final double NEAR_SUBSTITUTION = 0.5;
    private static final double TRANSPOSITION = 0.6;

    private TokenSimilarity() {}

    static Similarity compare(NameToken query, NameToken listed) {
        if (query.text().equals(listed.text())) {
            return EXACT;
        }
        if (query.isInitial() || listed.isInitial()) {
            return query.text().charAt(0) == listed.text().charAt(0) ? INITIAL : NONE;
        }
        if (query.role() == TokenRole.NUMBER || listed.role() == TokenRole.NUMBER) {
            return NONE;
        }
        boolean queryUnvowelled = query.origin() == TokenOrigin.ARABIC && listed.origin() != TokenOrigin.ARABIC;
        boolean listedUnvowelled = listed.origin() == TokenOrigin.ARABIC && query.origin() != TokenOrigin.ARABIC;
        boolean unvowelled = queryUnvowelled || listedUnvowelled;
        boolean romanised = isRomanised(query) || isRomanised(listed);
        if (query.key().equals(listed.key())) {
            return romanised ? TRANSLITERATED_EQUAL : PHONETIC;
        }
        // The key folds spelling variants; the plain text keeps letter order, which the key can lose
        // (a transposed "Lakahl" for "Lakhal" no longer shares the "kh"). The unvowelled side goes
        // first: Latin vowels it lacks are cheap to add, its own vowels are not cheap to lose.
        double byKey = listedUnvowelled
                ? similarity(listed.key(), query.key(), true)
                : similarity(query.key(), listed.key(), queryUnvowelled);
        double similarity = Math.max(byKey, similarity(query.text(), listed.text(), false));
        // Two well-known names that differ by more than a spelling (Ahmed and Mohamed, Hasan and
        // Husein) are two names, not a typo; close ones (Alexandr, Alexander) are one.
        if (similarity < DISTINCT_COMMON_NAMES
                && COMMON_NAME_KEYS.contains(query.key())
                && COMMON_NAME_KEYS.contains(listed.key())) {
            return NONE;
        }
        // Unvowelled script lacks the short vowels a Latin listing writes: what is left of the
        // difference after cheap vowel insertions is the real difference.
        if (unvowelled && similarity >= TRANSLITERATED_FLOOR) {
            double value = similarity >= FUZZY_STEEP
                    ? Math.min(TRANSLITERATED_CAP, similarity)
                    : FUZZY_STEEP - 1.5 * (FUZZY_STEEP - similarity);
            return new Similarity(value, MatchKind.TRANSLITERATED);
        }
        if (similarity < FUZZY_FLOOR) {
            return NONE;
        }
        return new Similarity(fuzzyValue(similarity), MatchKind.FUZZY);
    }

    /**
     * Edit similarity to match value. One slip in a long name (0.9 and above) is nearly as good as
     * the name; below that, every further difference is more likely a different name than a typo,
     * so the value falls twice as fast: 0.8 counts 0.7, 0.7 counts 0.5.
     */
    static double fuzzyValue(double similarity) {
        if (similarity >= FUZZY_STEEP) {
            return similarity;
        }
        return Math.max(0, FUZZY_STEEP - 2 * (FUZZY_STEEP - similarity));
    }

    private static boolean isRomanised(NameToken token) {
        return token.origin() == TokenOrigin.ARABIC
                || token.origin() == TokenOrigin.OTHER_SCRIPT
                || token.origin() == TokenOrigin.SYLLABIC;
    }

    /**
     * 1 minus the weighted distance over the longer key's length; short keys must be nearly equal.
     * With {@code unvowelled}, {@code a} is the romanised unvowelled word and vowels of {@code b}
     * that it lacks cost little.
     */
    static double similarity(String a, String b, boolean unvowelled) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 0;
        }
        double distance = distance(a, b, unvowelled);
        if (longer <= 3 && distance > TRANSPOSITION) {
            return 0;
        }
        return Math.max(0, 1 - distance / longer);
    }

    static double distance(String a, String b, boolean unvowelled) {
        int n = a.length();
        int m = b.length();
        double[] previous2 = new double[m + 1];
        double[] previous = new double[m + 1];
        double[] current = new double[m + 1];
        for (int j = 1; j <= m; j++) {
            previous[j] = previous[j - 1] + indel(b.charAt(j - 1), unvowelled);
        }
        for (int i = 1; i <= n; i++) {
            char x = a.charAt(i - 1);
            current[0] = previous[0] + indel(x, false);
            for (int j = 1; j <= m; j++) {
                char y = b.charAt(j - 1);
                double best = previous[j - 1] + substitution(x, y);
                best = Math.min(best, previous[j] + indel(x, false));
                best = Math.min(best, current[j - 1] + indel(y, unvowelled));
                if (i > 1 && j > 1 && x == b.charAt(j - 2) && a.charAt(i - 2) == y && x != y) {
                    best = Math.min(best, previous2[j - 2] + TRANSPOSITION);
                }
                current[j] = best;
            }
            double[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[m];
    }

    private static double indel(char c, boolean unvowelled) {
        if (PhoneticKey.isKeyVowel(c)) {
            return unvowelled ? VOWEL_INDEL_ACROSS_SCRIPTS : VOWEL_INDEL;
        }
        return c == 'h' || c == 'y' || c == 'v' ? SOFT_INDEL : 1.0;
    }

    private static double substitution(char x, char y) {
        if (x == y) {
            return 0;
        }
        if (PhoneticKey.isKeyVowel(x) && PhoneticKey.isKeyVowel(y)) {
            return VOWEL_SUBSTITUTION;
        }
        return isNear(x, y) || isNear(y, x) ? NEAR_SUBSTITUTION : 1.0;
    }

    private static boolean isNear(char x, char y) {
        return switch (x) {
            case 'k' -> y == 'g';
            case 'g' -> y == 'j';
            case 'd' -> y == 't' || y == 'z';
            case 's' -> y == 'z' || y == 'X' || y == 't';
            case 'b' -> y == 'p';
            case 'f' -> y == 'v';
            case 'i' -> y == 'y';
            case 'j' -> y == 'y' || y == 'X';
            case 'u' -> y == 'v';
            default -> false;
        };
    }
}
