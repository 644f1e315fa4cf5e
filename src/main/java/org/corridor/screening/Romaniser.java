package org.corridor.screening;

import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns letters of any script into lower-case ASCII: Latin diacritics folded (é to e, ß to ss),
 * Cyrillic and Greek look-alikes inside Latin words mapped to the Latin letter they imitate, and
 * other scripts romanised with ICU's Any-Latin transform. Thread-safe: ICU transliterators are
 * kept one per thread.
 */
final class Romaniser {

    private static final ThreadLocal<Transliterator> ANY_TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    /**
     * Cyrillic goes through BGN/PCGN first: lists romanise Russian names the English way (Shoygu,
     * Zhukov, Khodorkovsky), not with ISO 9 carons that fold to ambiguous letters.
     */
    private static final ThreadLocal<Transliterator> CYRILLIC_TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));

    /** Lower-case ASCII for each char of U+0000..U+024F: "" when the char folds to nothing. */
    private static final String[] LATIN_FOLD = latinFoldTable();

    /**
     * Letters of other scripts that look like a Latin letter, mapped to it: the Unicode TR39
     * confusables (ICU {@link SpoofChecker} skeletons) of Cyrillic, Greek, Armenian, Cherokee, Lisu,
     * Coptic and the phonetic Latin letters, plus the few look-alikes below that TR39 maps to
     * another non-ASCII letter (н to small capital H).
     */
    private static final int[][] CONFUSABLE_RANGES = {
        {0x0250, 0x02AF},
        {0x0370, 0x03FF},
        {0x0400, 0x052F},
        {0x0530, 0x058F},
        {0x13A0, 0x13FF},
        {0x1D00, 0x1DBF},
        {0x2C80, 0x2CFF},
        {0xA4D0, 0xA4FF},
        {0xAB70, 0xABBF}
    };

    private static Map<Integer, Character> confusables() {
        Map<Integer, Character> map = new HashMap<>();
        SpoofChecker checker = new SpoofChecker.Builder().build();
        for (int[] range : CONFUSABLE_RANGES) {
            for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
                if (!Character.isLetter(codePoint)) {
                    continue;
                }
                char latin = asciiSkeleton(checker, codePoint);
                if (latin == 0 && Character.toUpperCase(codePoint) != codePoint) {
                    latin = asciiSkeleton(checker, Character.toUpperCase(codePoint));
                }
                if (latin != 0) {
                    map.put(codePoint, latin);
                }
            }
        }
        MANUAL_CONFUSABLES.forEach((c, latin) -> map.putIfAbsent((int) c, latin));
        return Map.copyOf(map);
    }

    /** The lower-case ASCII letter a character's skeleton is, or 0. */
    private static char asciiSkeleton(SpoofChecker checker, int codePoint) {
        String skeleton = checker.getSkeleton(new String(Character.toChars(codePoint)));
        if (skeleton.length() == 1) {
            char c = Character.toLowerCase(skeleton.charAt(0));
            if (c >= 'a' && c <= 'z') {
                return c;
            }
        }
        return 0;
    }

    private static final Map<Character, Character> MANUAL_CONFUSABLES = Map.ofEntries(
            Map.entry('а', 'a'),
            Map.entry('в', 'b'),
            Map.entry('е', 'e'),
            Map.entry('ё', 'e'),
            Map.entry('к', 'k'),
            Map.entry('м', 'm'),
            Map.entry('н', 'h'),
            Map.entry('о', 'o'),
            Map.entry('р', 'p'),
            Map.entry('с', 'c'),
            Map.entry('т', 't'),
            Map.entry('у', 'y'),
            Map.entry('х', 'x'),
            Map.entry('і', 'i'),
            Map.entry('ј', 'j'),
            Map.entry('ѕ', 's'),
            Map.entry('ԁ', 'd'),
            Map.entry('ԛ', 'q'),
            Map.entry('ԝ', 'w'),
            Map.entry('ү', 'y'),
            Map.entry('һ', 'h'),
            Map.entry('ӏ', 'l'),
            Map.entry('ɡ', 'g'),
            Map.entry('А', 'a'),
            Map.entry('В', 'b'),
            Map.entry('Е', 'e'),
            Map.entry('К', 'k'),
            Map.entry('М', 'm'),
            Map.entry('Н', 'h'),
            Map.entry('О', 'o'),
            Map.entry('Р', 'p'),
            Map.entry('С', 'c'),
            Map.entry('Т', 't'),
            Map.entry('У', 'y'),
            Map.entry('Х', 'x'),
            Map.entry('І', 'i'),
            Map.entry('Ј', 'j'),
            Map.entry('Ѕ', 's'),
            Map.entry('Ү', 'y'),
            Map.entry('α', 'a'),
            Map.entry('β', 'b'),
            Map.entry('ε', 'e'),
            Map.entry('ι', 'i'),
            Map.entry('κ', 'k'),
            Map.entry('ν', 'v'),
            Map.entry('ο', 'o'),
            Map.entry('ρ', 'p'),
            Map.entry('τ', 't'),
            Map.entry('υ', 'u'),
            Map.entry('χ', 'x'),
            Map.entry('γ', 'y'),
            Map.entry('Α', 'a'),
            Map.entry('Β', 'b'),
            Map.entry('Ε', 'e'),
            Map.entry('Ζ', 'z'),
            Map.entry('Η', 'h'),
            Map.entry('Ι', 'i'),
            Map.entry('Κ', 'k'),
            Map.entry('Μ', 'm'),
            Map.entry('Ν', 'n'),
            Map.entry('Ο', 'o'),
            Map.entry('Ρ', 'p'),
            Map.entry('Τ', 't'),
            Map.entry('Υ', 'y'),
            Map.entry('Χ', 'x'));

    private static final Map<Integer, Character> CONFUSABLES = confusables();

    private Romaniser() {}

    static boolean isConfusable(int codePoint) {
        return CONFUSABLES.containsKey(codePoint);
    }

    /** Maps look-alike letters to Latin and leaves every other character as it is. */
    static String mapConfusables(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int codePoint = word.codePointAt(i);
            Character latin = CONFUSABLES.get(codePoint);
            if (latin == null) {
                out.appendCodePoint(codePoint);
            } else {
                out.append(latin);
            }
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    /** Romanises a word of a non-Latin script; the result may hold spaces or punctuation. */
    static String transliterate(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.UnicodeScript.of(word.charAt(i)) == Character.UnicodeScript.CYRILLIC) {
                return CYRILLIC_TO_LATIN.get().transliterate(word);
            }
        }
        return ANY_TO_LATIN.get().transliterate(word);
    }

    /**
     * Folds a Latin word to lower-case ASCII letters and digits; anything else is dropped. Letters
     * beyond Latin Extended-B fall back to canonical decomposition (Vietnamese ộ to o).
     */
    static String foldLatin(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < LATIN_FOLD.length) {
                out.append(LATIN_FOLD[c]);
            } else if (CONFUSABLES.containsKey((int) c)) {
                out.append(CONFUSABLES.get((int) c));
            } else if (Character.isLetter(c)) {
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                for (int j = 0; j < decomposed.length(); j++) {
                    char d = decomposed.charAt(j);
                    if (d < 128 && Character.isLetterOrDigit(d)) {
                        out.append(Character.toLowerCase(d));
                    }
                }
            }
        }
        return out.toString();
    }

    private static String[] latinFoldTable() {
        String[] table = new String[0x250];
        Map<Character, String> special = Map.ofEntries(
                Map.entry('ß', "ss"),
                Map.entry('æ', "ae"),
                Map.entry('Æ', "ae"),
                Map.entry('œ', "oe"),
                Map.entry('Œ', "oe"),
                Map.entry('ø', "o"),
                Map.entry('Ø', "o"),
                Map.entry('ł', "l"),
                Map.entry('Ł', "l"),
                Map.entry('đ', "d"),
                Map.entry('Đ', "d"),
                Map.entry('ð', "d"),
                Map.entry('Ð', "d"),
                Map.entry('þ', "th"),
                Map.entry('Þ', "th"),
                Map.entry('ı', "i"),
                Map.entry('ħ', "h"),
                Map.entry('Ħ', "h"),
                Map.entry('ŧ', "t"),
                Map.entry('Ŧ', "t"),
                Map.entry('ŋ', "n"),
                Map.entry('Ŋ', "n"),
                Map.entry('ſ', "s"),
                Map.entry('ĸ', "k"),
                Map.entry('ƒ', "f"),
                Map.entry('ǝ', "e"),
                Map.entry('ə', "e"),
                Map.entry('Ə', "e"));
        for (char c = 0; c < table.length; c++) {
            String folded;
            if (special.containsKey(c)) {
                folded = special.get(c);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                folded = String.valueOf(c);
            } else if (c >= 'A' && c <= 'Z') {
                folded = String.valueOf((char) (c + 32));
            } else if (c >= 128 && Character.isLetter(c)) {
                StringBuilder ascii = new StringBuilder();
                String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                for (int j = 0; j < decomposed.length(); j++) {
                    char d = decomposed.charAt(j);
                    if (d < 128 && Character.isLetterOrDigit(d)) {
                        ascii.append(Character.toLowerCase(d));
                    }
                }
                folded = ascii.toString();
            } else {
                folded = "";
            }
            table[c] = folded;
        }
        return table;
    }
}
