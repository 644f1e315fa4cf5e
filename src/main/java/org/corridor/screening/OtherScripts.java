package org.corridor.screening;

import com.ibm.icu.text.Transliterator;

/**
 * Romanisation of Greek, Hebrew and Japanese kana as names of foreigners and locals are written
 * in Latin lists, where ICU's general transforms follow other conventions: Greek is read in modern
 * pronunciation (μπ b, ντ d, γκ g, ου u, η and υ i, β v) with its accents telling a digraph from two
 * vowels (Σεργκέι is Sergei, not Sergi); Hebrew is an abjad like Arabic (vowels mostly unwritten,
 * ו and י as vowels inside a word, כ פ ב soft after a vowel), so its tokens are compared as
 * unvowelled; kana drops the vowels Japanese adds after a foreign consonant (ペスコフ pesukofu is
 * Peskov), keeping long vowels. Thread-safe: transliterators are kept one per thread.
 */
final class OtherScripts {

    private OtherScripts() {}

    private static final String GREEK_RULES = String.join(
            "\n",
            ":: NFC;",
            ":: Lower;",
            // An accent on the first vowel or a diaeresis on the second: two vowels, not a digraph.
            "έ } [ιυ] > e '|';",
            "ά } [ιυ] > a '|';",
            "ό } [ιυ] > o '|';",
            "ϊ > i;",
            "ΐ > i;",
            "ϋ > i;",
            "ΰ > i;",
            ":: NFD;",
            ":: [:Mn:] Remove;",
            ":: NFC;",
            // One word at a time: ^ and $ are its ends.
            "^ μπ > b;",
            "μπ > mb;",
            "ντ } $ > d;",
            "^ ντ > d;",
            "ντ > nd;",
            "γκ > g;",
            "γγ > ng;",
            "γχ > nkh;",
            "τσ > ts;",
            "τζ > dz;",
            "ου > u;",
            "αι > e;",
            "ει > i;",
            "οι > i;",
            "υι > i;",
            "αυ > av;",
            "ευ > ev;",
            "γ } [ειηυ] > y;",
            "α > a;",
            "β > v;",
            "γ > g;",
            "δ > d;",
            "ε > e;",
            "ζ > z;",
            "η > i;",
            "θ > th;",
            "ι > i;",
            "κ > k;",
            "λ > l;",
            "μ > m;",
            "ν > n;",
            "ξ > x;",
            "ο > o;",
            "π > p;",
            "ρ > r;",
            "σ > s;",
            "ς > s;",
            "τ > t;",
            "υ > i;",
            "φ > f;",
            "χ > h;",
            "ψ > ps;",
            "ω > o;",
            "'|' > ;");

    private static final ThreadLocal<Transliterator> GREEK = ThreadLocal.withInitial(
            () -> Transliterator.createFromRules("CorridorGreekNames", GREEK_RULES, Transliterator.FORWARD));

    /** Kana to Hepburn, keeping macrons for long vowels until the epenthetic vowels are gone. */
    private static final ThreadLocal<Transliterator> KANA =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin"));

    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));

    static boolean isGreek(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.GREEK;
    }

    static boolean isHebrew(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HEBREW;
    }

    static boolean isKana(int codePoint) {
        if (codePoint == 0x30FC) {
            return true; // the prolonged sound mark, a long vowel
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }

    static String greek(String word) {
        return GREEK.get().transliterate(word);
    }

    /**
     * Kana in Hepburn without the vowels Japanese inserts after a consonant it cannot end a syllable
     * with: u after most consonants and o after t and d, when a consonant or the end follows.
     */
    static String kana(String word) {
        String hepburn = KANA.get().transliterate(word);
        StringBuilder out = new StringBuilder(hepburn.length());
        for (int i = 0; i < hepburn.length(); i++) {
            char c = hepburn.charAt(i);
            char previous = i > 0 ? hepburn.charAt(i - 1) : 0;
            char next = i + 1 < hepburn.length() ? hepburn.charAt(i + 1) : 0;
            boolean consonantBefore = previous != 0 && isAsciiConsonant(previous) && previous != 'n';
            boolean consonantOrEndAfter = next == 0 || isAsciiConsonant(next);
            boolean epenthetic = consonantBefore
                    && consonantOrEndAfter
                    && (c == 'u' || (c == 'o' && (previous == 't' || previous == 'd')));
            if (!epenthetic && c != '~' && c != '\'') {
                out.append(c);
            }
        }
        return TO_ASCII.get().transliterate(out.toString());
    }

    private static boolean isAsciiConsonant(char c) {
        return c >= 'a' && c <= 'z' && "aeiouy".indexOf(c) < 0;
    }

    /** Whether {@code b} is the final form of {@code a} (ן of נ). */
    private static boolean finalFormOf(char a, char b) {
        return Character.toString(a).equals(FINAL_FORMS.get(b));
    }

    private static final java.util.Map<Character, String> FINAL_FORMS =
            java.util.Map.of('ך', "כ", 'ם', "מ", 'ן', "נ", 'ף', "פ", 'ץ', "צ");

    /** One Hebrew word to Latin letters: consonants as names are spelled, ו and י inside as vowels. */
    static String hebrew(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        int length = word.length();
        for (int i = 0; i < length; i++) {
            char c = word.charAt(i);
            boolean first = i == 0;
            boolean last = i == length - 1 || !isHebrew(word.charAt(i + 1));
            boolean geresh = i + 1 < length && (word.charAt(i + 1) == '\'' || word.charAt(i + 1) == '\u05F3');
            String latin = switch (c) {
                case 'א' -> first ? "a" : "";
                case 'ב' -> first ? "b" : "v";
                case 'ג' -> geresh ? "j" : "g";
                case 'ד' -> "d";
                case 'ה' -> last && !first ? "a" : "h";
                case 'ו' -> first ? "v" : i + 1 < length && word.charAt(i + 1) == 'ו' ? "v" : "o";
                case 'ז' -> geresh ? "zh" : "z";
                case 'ח' -> "kh";
                case 'ט' -> "t";
                case 'י' -> first ? "y" : i + 1 < length && word.charAt(i + 1) == 'י' ? "ei" : "i";
                case 'כ' -> first ? "k" : "kh";
                case 'ך' -> "kh";
                case 'ל' -> "l";
                case 'מ', 'ם' -> "m";
                case 'נ', 'ן' -> "n";
                case 'ס' -> "s";
                case 'ע' -> "";
                case 'פ' -> first ? "p" : "f";
                case 'ף' -> "f";
                case 'צ', 'ץ' -> geresh ? "ch" : "z";
                case 'ק' -> "k";
                case 'ר' -> "r";
                case 'ש' -> "sh";
                case 'ת' -> "t";
                default -> "";
            };
            out.append(latin);
            // A letter followed by its own final form (עינן, Einan) is two syllables: a vowel
            // stands between them, which the doubled-letter fold of the key must not eat.
            if (!latin.isEmpty() && i + 1 < length && finalFormOf(c, word.charAt(i + 1))) {
                out.append('a');
            }
            if (c == 'ו' && i + 1 < length && word.charAt(i + 1) == 'ו') {
                i++;
            }
            if (c == 'י' && i + 1 < length && word.charAt(i + 1) == 'י') {
                i++;
            }
        }
        return out.toString();
    }
}
