package org.corridor.screening;

import java.util.List;
import java.util.Set;

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
    /** The same syllable in two romanisation systems: as good as a transliteration. */
    private static final Similarity SYLLABLE_VARIANT = new Similarity(0.95, MatchKind.TRANSLITERATED);

    private static final Set<String> COMMON_NAME_KEYS = NameVocabulary.STANDARD.commonNameKeys;
    private static final double FUZZY_STEEP = 0.9;
    private static final double DISTINCT_COMMON_NAMES = 0.85;

    /** Below this a fuzzy pair is two different words. */
    static final double FUZZY_FLOOR = 0.7;
    /** A cross-script pair this close counts as the same word in another script. */
    private static final double TRANSLITERATED_FLOOR = 0.78;

    private static final double TRANSLITERATED_CAP = 0.93;
    private static final double VOWEL_INDEL_ACROSS_SCRIPTS = 0.15;
    private static final double VOWEL_SUBSTITUTION_ACROSS_SCRIPTS = 0.25;
    private static final double LONG_VOWEL_DELETION = 0.7;
    private static final double NEAR_SUBSTITUTION_ACROSS_SCRIPTS = 0.35;
    private static final double VOWEL_INDEL = 0.5;
    private static final double SOFT_INDEL = 0.5;
    private static final double VOWEL_SUBSTITUTION = 0.4;
    private static final double NEAR_SUBSTITUTION = 0.5;
    private static final double TRANSPOSITION = 0.6;

    private TokenSimilarity() {}

    /**
     * Whether two syllable keys are one syllable. Russian writes final n and ng alike, so a
     * syllable read from Cyrillic matches either; elsewhere n and ng are different syllables.
     */
    private static boolean sameSyllable(NameToken query, NameToken listed) {
        if (query.syllable().equals(listed.syllable())) {
            return true;
        }
        boolean cyrillic = query.origin() == TokenOrigin.OTHER_SCRIPT || listed.origin() == TokenOrigin.OTHER_SCRIPT;
        return cyrillic
                && !listed.syllable().isEmpty()
                && SyllableKey.withoutNasal(query.syllable()).equals(SyllableKey.withoutNasal(listed.syllable()));
    }

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
        // One Korean or Chinese syllable in two romanisations (Jeong and Jong, Lee and Ri).
        if (!query.syllable().isEmpty() && sameSyllable(query, listed)) {
            return SYLLABLE_VARIANT;
        }
        // A romanised Chinese, Japanese or Korean syllable is one of a few hundred: one letter off
        // is another syllable ("ling" is not "liang"), never a typo.
        if (query.origin() == TokenOrigin.SYLLABIC || listed.origin() == TokenOrigin.SYLLABIC) {
            return NONE;
        }
        boolean romanised = isRomanised(query) || isRomanised(listed);
        if (query.key().equals(listed.key())) {
            return romanised ? TRANSLITERATED_EQUAL : PHONETIC;
        }
        if (query.origin() == TokenOrigin.KANA || listed.origin() == TokenOrigin.KANA) {
            return kana(query, listed);
        }
        // The key folds spelling variants; the plain text keeps letter order, which the key can lose
        // (a transposed "Lakahl" for "Lakhal" no longer shares the "kh"). The unvowelled side goes
        // first: Latin vowels it lacks are cheap to add, its own vowels are not cheap to lose.
        double byKey = listedUnvowelled
                ? similarity(listed.key(), query.key(), true)
                : similarity(query.key(), listed.key(), queryUnvowelled);
        double similarity = Math.max(byKey, hebrewCh(query, listed));
        if (byKey < FUZZY_STEEP
                && !(query.text().equals(query.key()) && listed.text().equals(listed.key()))) {
            double byText = listedUnvowelled
                    ? similarity(listed.text(), query.text(), true)
                    : similarity(query.text(), listed.text(), queryUnvowelled);
            similarity = Math.max(byKey, byText);
        }
        if (similarity < FUZZY_FLOOR && (!unvowelled || similarity < TRANSLITERATED_FLOOR)) {
            return NONE;
        }
        if (differentCompounds(query.key(), listed.key())) {
            return NONE;
        }
        // Two well-known names that differ by more than a spelling (Rashid and Rashad, Karim and
        // Kamil) are two names, not a typo; close ones (Dmitri, Dmitriy) are one.
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
     * Hebrew ח is written kh or h in Arabic and Russian names but ch in Israeli ones (Chaim, Chai),
     * which the phonetic key folds with sh: the Latin side's ch is read as kh as well. 0 when
     * neither side is a Hebrew word against a Latin one with a ch.
     */
    private static double hebrewCh(NameToken query, NameToken listed) {
        boolean queryHebrew = isHebrew(query) && !isHebrew(listed);
        boolean listedHebrew = isHebrew(listed) && !isHebrew(query);
        NameToken latin = queryHebrew ? listed : query;
        if (!(queryHebrew || listedHebrew) || !latin.text().contains("ch")) {
            return 0;
        }
        String read = PhoneticKey.of(latin.text().replace("ch", "kh"));
        return similarity((queryHebrew ? query : listed).key(), read, true);
    }

    private static boolean isHebrew(NameToken token) {
        return token.origin() == TokenOrigin.ARABIC
                && !token.display().isEmpty()
                && OtherScripts.isHebrew(token.display().codePointAt(0));
    }

    /** A kana word against another: r and l are one letter, b and v too (ラブロフ is Lavrov). */
    private static Similarity kana(NameToken query, NameToken listed) {
        double similarity = Math.max(
                similarity(kanaFold(query.key()), kanaFold(listed.key()), false),
                similarity(kanaSounds(query.text()), kanaSounds(listed.text()), false));
        if (similarity < TRANSLITERATED_FLOOR) {
            return NONE;
        }
        return new Similarity(Math.min(TRANSLITERATED_CAP, fuzzyValue(similarity)), MatchKind.TRANSLITERATED);
    }

    /**
     * A word as kana can write it: kana has no ti, di, si or zi (a foreign ti is written chi, di and
     * zi ji, si shi: プーチン is Putin) and no final ng (ン is n and ng alike: ジョンウン is Jong Un), so
     * both sides are brought to those sounds before they are compared.
     */
    private static String kanaSounds(String text) {
        String sounds = text.replace("chi", "ti")
                .replace("shi", "si")
                .replace("ji", "di")
                .replace("zi", "di")
                .replace("ng", "n");
        return kanaFold(PhoneticKey.of(sounds));
    }

    private static String kanaFold(String key) {
        return key.replace('r', 'l').replace('b', 'v').replace('f', 'v');
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

    /** Keys of the "-ullah", "-uddin" and "abd-" parts of Arabic compound names. */
    private static final List<String> COMPOUND_ENDINGS =
            List.of("ula", "ala", "udin", "adin", "adina", "aldin", "uldin");

    private static final List<String> COMPOUND_STARTS = List.of("abdul", "abdal", "abdu", "abd");

    /**
     * Hamidullah and Waliullah share "-ullah" and look alike letter by letter, but they are two
     * names: compounds with the same ending or start are compared by the part that differs.
     */
    static boolean differentCompounds(String a, String b) {
        for (String ending : COMPOUND_ENDINGS) {
            if (a.endsWith(ending)
                    && b.endsWith(ending)
                    && a.length() > ending.length() + 1
                    && b.length() > ending.length() + 1) {
                String stemA = a.substring(0, a.length() - ending.length());
                String stemB = b.substring(0, b.length() - ending.length());
                return !stemA.equals(stemB) && similarity(stemA, stemB, false) < FUZZY_FLOOR;
            }
        }
        for (String start : COMPOUND_STARTS) {
            if (a.startsWith(start)
                    && b.startsWith(start)
                    && a.length() > start.length() + 2
                    && b.length() > start.length() + 2) {
                String restA = a.substring(start.length());
                String restB = b.substring(start.length());
                return !restA.equals(restB) && similarity(restA, restB, false) < FUZZY_FLOOR;
            }
        }
        return false;
    }

    private static boolean isRomanised(NameToken token) {
        return token.origin() == TokenOrigin.ARABIC
                || token.origin() == TokenOrigin.OTHER_SCRIPT
                || token.origin() == TokenOrigin.KANA
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
        // Beyond this distance the similarity is below every floor; the search can stop early.
        double limit = longer <= 3 ? TRANSPOSITION : (1 - Math.min(FUZZY_FLOOR, TRANSLITERATED_FLOOR)) * longer;
        if (letterBound(a, b, unvowelled) > limit) {
            return 0;
        }
        double distance = distance(a, b, unvowelled, limit);
        if (distance > limit) {
            return 0;
        }
        return Math.max(0, 1 - distance / longer);
    }

    private static final ThreadLocal<int[]> LETTER_COUNTS = ThreadLocal.withInitial(() -> new int[128]);

    /**
     * A lower bound of the distance from letter counts alone: every letter one word has more of
     * than the other needs an edit, and one substitution settles one surplus on each side. Most
     * compared words are unrelated, and this rejects them without filling the distance table.
     */
    static double letterBound(String a, String b, boolean unvowelled) {
        int[] counts = LETTER_COUNTS.get();
        for (int i = 0; i < a.length(); i++) {
            counts[a.charAt(i) & 127]++;
        }
        for (int i = 0; i < b.length(); i++) {
            counts[b.charAt(i) & 127]--;
        }
        int consonants = 0;
        int vowels = 0;
        for (int i = 0; i < a.length(); i++) {
            char c = (char) (a.charAt(i) & 127);
            int surplus = Math.abs(counts[c]);
            if (PhoneticKey.isKeyVowel(c)) {
                vowels += surplus;
            } else {
                consonants += surplus;
            }
            counts[c] = 0;
        }
        for (int i = 0; i < b.length(); i++) {
            char c = (char) (b.charAt(i) & 127);
            int surplus = Math.abs(counts[c]);
            if (PhoneticKey.isKeyVowel(c)) {
                vowels += surplus;
            } else {
                consonants += surplus;
            }
            counts[c] = 0;
        }
        // Cheapest ways to settle one surplus: half a near substitution (consonants), half an
        // a-for-i substitution or an unwritten vowel (vowels).
        double perConsonant = (unvowelled ? NEAR_SUBSTITUTION_ACROSS_SCRIPTS : NEAR_SUBSTITUTION) / 2;
        double perVowel = unvowelled
                ? Math.min(VOWEL_SUBSTITUTION_ACROSS_SCRIPTS / 2, VOWEL_INDEL_ACROSS_SCRIPTS)
                : VOWEL_SUBSTITUTION / 2;
        return consonants * perConsonant + vowels * perVowel;
    }

    /** Costs are kept in twentieths so the inner loop works on ints. */
    private static final int SCALE = 20;

    private static final int[] INDEL = new int[128];
    private static final int[] INDEL_UNVOWELLED = new int[128];
    private static final int[] DELETE_UNVOWELLED = new int[128];
    private static final int[][] SUBSTITUTION = new int[128][128];
    /**
     * Across scripts: Arabic writes foreign e/o with yeh and waw and has no p, v, g or ch, so vowel
     * for vowel and a letter for its nearest Arabic letter cost less than within Latin spellings.
     */
    private static final int[][] SUBSTITUTION_UNVOWELLED = new int[128][128];

    private static final int TRANSPOSITION_COST = (int) Math.round(TRANSPOSITION * SCALE);
    /** Three rows of the distance table per thread, grown on demand. */
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][32]);

    static {
        for (char c = 0; c < 128; c++) {
            boolean vowel = PhoneticKey.isKeyVowel(c);
            double indel = vowel ? VOWEL_INDEL : c == 'h' || c == 'y' || c == 'v' ? SOFT_INDEL : 1.0;
            INDEL[c] = (int) Math.round(indel * SCALE);
            INDEL_UNVOWELLED[c] = vowel ? (int) Math.round(VOWEL_INDEL_ACROSS_SCRIPTS * SCALE) : INDEL[c];
            DELETE_UNVOWELLED[c] = vowel ? (int) Math.round(LONG_VOWEL_DELETION * SCALE) : INDEL[c];
            for (char d = 0; d < 128; d++) {
                double cost;
                if (c == d) {
                    cost = 0;
                } else if (vowel && PhoneticKey.isKeyVowel(d)) {
                    cost = VOWEL_SUBSTITUTION;
                } else if (isNear(c, d) || isNear(d, c)) {
                    cost = NEAR_SUBSTITUTION;
                } else {
                    cost = 1.0;
                }
                SUBSTITUTION[c][d] = (int) Math.round(cost * SCALE);
                // Arabic writes a foreign e with yeh, so a and i are close; the other long vowels
                // are written as they sound and differ as much as in Latin.
                boolean aAndI = (c == 'a' && d == 'i') || (c == 'i' && d == 'a');
                double across = cost == VOWEL_SUBSTITUTION
                        ? (aAndI ? VOWEL_SUBSTITUTION_ACROSS_SCRIPTS : VOWEL_SUBSTITUTION)
                        : cost == NEAR_SUBSTITUTION ? NEAR_SUBSTITUTION_ACROSS_SCRIPTS : cost;
                SUBSTITUTION_UNVOWELLED[c][d] = (int) Math.round(across * SCALE);
            }
        }
    }

    /**
     * The weighted distance, or any value above {@code limit} as soon as every alignment is known to
     * cost more (most compared pairs are unrelated, and this stops them after a row or two). Both
     * strings are lower-case ASCII (plus the key letter X).
     */
    static double distance(String a, String b, boolean unvowelled, double limit) {
        int n = a.length();
        int m = b.length();
        int[] insert = unvowelled ? INDEL_UNVOWELLED : INDEL;
        // The unvowelled side writes only long vowels, and a Latin spelling shows those.
        int[] delete = unvowelled ? DELETE_UNVOWELLED : INDEL;
        int bound = (int) Math.floor(limit * SCALE);
        int[][] rows = ROWS.get();
        if (rows[0].length <= m) {
            rows = new int[3][m + 16];
            ROWS.set(rows);
        }
        int[] previous2 = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        previous[0] = 0;
        for (int j = 1; j <= m; j++) {
            previous[j] = previous[j - 1] + insert[b.charAt(j - 1) & 127];
        }
        int previousRowMinimum = 0;
        for (int i = 1; i <= n; i++) {
            char x = (char) (a.charAt(i - 1) & 127);
            int[] substitutions = unvowelled ? SUBSTITUTION_UNVOWELLED[x] : SUBSTITUTION[x];
            current[0] = previous[0] + delete[x];
            int rowMinimum = current[0];
            for (int j = 1; j <= m; j++) {
                char y = (char) (b.charAt(j - 1) & 127);
                int best = previous[j - 1] + substitutions[y];
                int deletion = previous[j] + delete[x];
                if (deletion < best) {
                    best = deletion;
                }
                int insertion = current[j - 1] + insert[y];
                if (insertion < best) {
                    best = insertion;
                }
                if (i > 1 && j > 1 && x != y && x == b.charAt(j - 2) && a.charAt(i - 2) == y) {
                    int transposition = previous2[j - 2] + TRANSPOSITION_COST;
                    if (transposition < best) {
                        best = transposition;
                    }
                }
                current[j] = best;
                if (best < rowMinimum) {
                    rowMinimum = best;
                }
            }
            // A transposition can skip one row, so two rows above the limit prove the rest will be.
            if (rowMinimum > bound && previousRowMinimum > bound) {
                return rowMinimum / (double) SCALE;
            }
            previousRowMinimum = rowMinimum;
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[m] / (double) SCALE;
    }

    private static boolean isNear(char x, char y) {
        return switch (x) {
            case 'k' -> y == 'g';
            case 'g' -> y == 'j';
            case 'd' -> y == 't' || y == 'z';
            case 's' -> y == 'z' || y == 'X';
            case 'b' -> y == 'p';
            case 'f' -> y == 'v';
            case 'i' -> y == 'y';
            case 'j' -> y == 'y' || y == 'X';
            case 'u' -> y == 'v';
            default -> false;
        };
    }
}
