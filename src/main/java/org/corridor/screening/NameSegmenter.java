package org.corridor.screening;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The first stage of name analysis, the same for every entity type: disguises undone
 * ({@link NameCleaner}: bidi overrides, invisible characters, compatibility forms, stray marks,
 * letter spacing), words split on punctuation, every script romanised, look-alike letters of other
 * scripts read as Latin, diacritics folded, digits used as letters read as letters. {@link NameAnalyser} then applies the rules of one entity
 * type. Stateless; thread-safe.
 */
final class NameSegmenter {

    /** A word after romanisation, before entity-type rules. */
    record Word(String text, String display, TokenOrigin origin, boolean dotted, String key) {
        Word(String text, String display, TokenOrigin origin, boolean dotted) {
            this(text, display, origin, dotted, "");
        }
    }

    /** The words of a name and what was undone to read them. */
    record Segmented(List<Word> words, Set<NameCleaner.Undone> undone) {}

    private static final Map<Character, Character> DIGITS_AS_LETTERS =
            Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't', '8', 'b', '9', 'g');

    private NameSegmenter() {}

    /** The normalised word texts of a name, for counting token frequencies. */
    static List<String> words(String raw) {
        List<Word> words = segment(raw);
        List<String> texts = new ArrayList<>(words.size());
        for (Word word : words) {
            texts.add(word.text());
        }
        return texts;
    }

    /**
     * Splits a name into romanised words. A full stop after a single letter marks it as an initial
     * ("J." or the letters of "A.B.C."); apostrophes and ayn or hamza marks vanish without splitting
     * ("Qa'ida" is "qaida"); "&" becomes the word "and".
     */
    static List<Word> segment(String raw) {
        return segmented(raw).words();
    }

    /** {@link #segment} with what was undone on the way (for the explanation of a hit). */
    static Segmented segmented(String raw) {
        NameCleaner.Cleaned cleaned = NameCleaner.clean(raw);
        Set<NameCleaner.Undone> undone = cleaned.undone().isEmpty()
                ? EnumSet.noneOf(NameCleaner.Undone.class)
                : EnumSet.copyOf(cleaned.undone());
        String text = cleaned.text();
        boolean nameHasLatin = containsLatin(text);
        List<Word> words = new ArrayList<>(8);
        StringBuilder word = new StringBuilder(16);
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isInvisible(codePoint) || isApostrophe(codePoint)) {
                continue;
            }
            int type = Character.getType(codePoint);
            if (Character.isLetterOrDigit(codePoint)
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || codePoint == '\u0640') {
                word.appendCodePoint(codePoint);
                continue;
            }
            boolean dotted = codePoint == '.' && letterCount(word) == 1;
            flush(word, dotted, nameHasLatin, words, undone);
            if (codePoint == '&') {
                words.add(new Word("and", "&", TokenOrigin.LATIN, false));
            }
        }
        flush(word, false, nameHasLatin, words, undone);
        return new Segmented(words, undone);
    }

    private static void flush(
            StringBuilder word,
            boolean dotted,
            boolean nameHasLatin,
            List<Word> words,
            Set<NameCleaner.Undone> undone) {
        if (word.length() == 0) {
            return;
        }
        String display = word.toString();
        word.setLength(0);
        boolean latin = false;
        boolean cyrillicOrGreek = false;
        boolean arabic = false;
        boolean other = false;
        boolean syllabic = false;
        boolean allConfusable = true;
        for (int i = 0; i < display.length(); ) {
            int codePoint = display.codePointAt(i);
            i += Character.charCount(codePoint);
            if (!Character.isLetter(codePoint)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            switch (script) {
                case LATIN -> latin = true;
                case CYRILLIC, GREEK -> {
                    cyrillicOrGreek = true;
                    allConfusable &= Romaniser.isConfusable(codePoint);
                }
                case ARABIC -> arabic = true;
                case HAN, HANGUL, HIRAGANA, KATAKANA, BOPOMOFO, YI -> syllabic = true;
                default -> {
                    // Armenian, Cherokee, Lisu ... letters that look Latin inside a Latin word.
                    if (Romaniser.isConfusable(codePoint)) {
                        cyrillicOrGreek = true;
                    } else {
                        other = true;
                        allConfusable = false;
                    }
                }
            }
        }
        if (arabic) {
            for (ArabicRomaniser.Romanised romanised : ArabicRomaniser.romanise(display)) {
                String text = Romaniser.foldLatin(romanised.text());
                if (!text.isEmpty()) {
                    words.add(new Word(text, display, TokenOrigin.ARABIC, false, romanised.key()));
                }
            }
        } else if (cyrillicOrGreek && (latin || (nameHasLatin && allConfusable))) {
            String mapped = Romaniser.mapConfusables(display);
            if (!allConfusable) {
                mapped = Romaniser.transliterate(mapped);
            }
            undone.add(NameCleaner.Undone.CONFUSABLES);
            addLatin(mapped, display, TokenOrigin.CONFUSABLE, dotted, words);
        } else if (syllabic && Hangul.hasSyllables(display)) {
            addHangul(display, words);
        } else if (only(display, OtherScripts::isKana)) {
            addTransliterated(OtherScripts.kana(display), display, TokenOrigin.KANA, words);
        } else if (only(display, OtherScripts::isGreek)) {
            addTransliterated(OtherScripts.greek(display), display, TokenOrigin.OTHER_SCRIPT, words);
        } else if (only(display, OtherScripts::isHebrew)) {
            // An abjad like Arabic: compared as unvowelled.
            addLatin(OtherScripts.hebrew(display), display, TokenOrigin.ARABIC, false, words);
        } else if (cyrillicOrGreek || other || syllabic) {
            addTransliterated(display, syllabic ? TokenOrigin.SYLLABIC : TokenOrigin.OTHER_SCRIPT, words);
        } else {
            addLatin(display, display, TokenOrigin.LATIN, dotted, words);
        }
    }

    /** Korean: one token per syllable, romanised as the lists write Korean names. */
    private static void addHangul(String display, List<Word> words) {
        for (int i = 0; i < display.length(); ) {
            int codePoint = display.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Hangul.isSyllable(codePoint)) {
                words.add(new Word(Hangul.romanise(codePoint), display, TokenOrigin.SYLLABIC, false));
            } else if (Character.isLetter(codePoint)) {
                addTransliterated(new String(Character.toChars(codePoint)), TokenOrigin.SYLLABIC, words);
            }
        }
    }

    /** Whether every letter of the word is of the kind tested. */
    private static boolean only(String word, java.util.function.IntPredicate kind) {
        boolean any = false;
        for (int i = 0; i < word.length(); ) {
            int codePoint = word.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isLetter(codePoint)) {
                if (!kind.test(codePoint)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A word of a script without Latin look-alikes, transliterated by ICU. */
    private static void addTransliterated(String display, TokenOrigin origin, List<Word> words) {
        addTransliterated(Romaniser.transliterate(display), display, origin, words);
    }

    private static void addTransliterated(String romanised, String display, TokenOrigin origin, List<Word> words) {
        // ICU may return several words ("jin zheng en") or hyphenated syllables.
        StringBuilder part = new StringBuilder();
        for (int i = 0; i <= romanised.length(); i++) {
            char c = i < romanised.length() ? romanised.charAt(i) : ' ';
            int type = Character.getType(c);
            if (Character.isLetterOrDigit(c)) {
                part.append(c);
            } else if (isApostrophe(c) || c == '\u00B7' || type == Character.NON_SPACING_MARK) {
                continue; // BGN's separator dot and stray marks sit inside words
            } else if (part.length() > 0) {
                addLatin(part.toString(), display, origin, false, words);
                part.setLength(0);
            }
        }
    }

    private static void addLatin(String text, String display, TokenOrigin origin, boolean dotted, List<Word> words) {
        String folded = readDigitsAsLetters(Romaniser.foldLatin(text));
        if (!folded.isEmpty()) {
            words.add(new Word(folded, display, origin, dotted));
        }
    }

    /** "Yur1 Bel0v" is Yuri Belov: a digit between two letters is read as the letter it imitates. */
    private static String readDigitsAsLetters(String word) {
        if (word.length() < 3) {
            return word;
        }
        StringBuilder out = null;
        for (int i = 1; i < word.length() - 1; i++) {
            char c = word.charAt(i);
            Character letter = DIGITS_AS_LETTERS.get(c);
            if (letter != null && isAsciiLetter(word.charAt(i - 1)) && isAsciiLetter(word.charAt(i + 1))) {
                if (out == null) {
                    out = new StringBuilder(word);
                }
                out.setCharAt(i, letter);
            }
        }
        return out == null ? word : out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static int letterCount(StringBuilder word) {
        int count = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean containsLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Characters that do not show: zero-width spaces and joiners, bidi controls, the byte-order
     * mark, soft hyphens, variation selectors and Hangul fillers. Evasion hides them inside names.
     */
    static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F)
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || codePoint == 0x034F
                || codePoint == 0x115F
                || codePoint == 0x1160
                || codePoint == 0x3164
                || codePoint == 0xFFA0
                || codePoint == 0x2800
                || codePoint == 0x180E;
    }

    static boolean isApostrophe(int codePoint) {
        return codePoint == '\''
                || codePoint == '`'
                || codePoint == 0x00B4
                || codePoint == 0x2018
                || codePoint == 0x2019
                || codePoint == 0x201B
                || codePoint == 0x2032
                || codePoint == 0x02B9
                || codePoint == 0x02BB
                || codePoint == 0x02BC
                || codePoint == 0x02BD
                || codePoint == 0x02BE
                || codePoint == 0x02BF
                || codePoint == 0x02C8
                || codePoint == 0x05F3
                || codePoint == 0x05F4;
    }
}
