package org.corridor.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Undoes what makes a name read one way to a person and another to a machine, before any other
 * analysis and on both sides (the list's names and the query): bidirectional controls are removed
 * and the visual order an override forced is restored; invisible characters (zero-width spaces and
 * joiners, soft hyphens, variation selectors, fillers) are dropped; compatibility forms (fullwidth
 * letters, ligatures) are folded by NFKC; combining marks that belong to no letter are dropped; and
 * letters pulled apart by spaces, hyphens, underscores, dots or slashes are joined into words. What
 * was undone is returned with the text, so a hit can say so. Stateless; thread-safe.
 */
final class NameCleaner {

    /** Something a name's writer did that cleaning undid; the text is what a hit explains. */
    enum Undone {
        BIDI_OVERRIDE("text reversed behind a bidirectional override put back in reading order"),
        BIDI_CONTROLS("bidirectional controls removed"),
        INVISIBLE("invisible characters removed"),
        COMPATIBILITY_FORMS("fullwidth or compatibility forms folded"),
        STRAY_MARKS("stray combining marks removed"),
        LETTER_SPACING("letter spacing removed"),
        CONFUSABLES("look-alike letters of other scripts read as Latin"),
        GLUED_WORDS("glued words split"),
        KOREAN_READING("Han characters read in Korean");

        final String description;

        Undone(String description) {
            this.description = description;
        }
    }

    /** The cleaned text and what was undone to get it. */
    record Cleaned(String text, Set<Undone> undone) {}

    private static final char RLO = '\u202E';
    private static final char LRO = '\u202D';
    private static final char PDF = '\u202C';

    /** Separators an evader puts between the letters of a word. */
    private static final String LETTER_SEPARATORS = " -_./\u00B7\u2010\u2011\u2012\u2013\u2014\u2022\u2219\u30FB";

    /** A run of this many single letters is a spaced-out word; shorter runs join only beside one. */
    private static final int SPACED_RUN = 3;

    private NameCleaner() {}

    static Cleaned clean(String raw) {
        Set<Undone> undone = EnumSet.noneOf(Undone.class);
        String text = undoOverrides(raw, undone);
        text = dropInvisible(text, undone);
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        String compatible = Normalizer.normalize(composed, Normalizer.Form.NFKC);
        if (!compatible.equals(composed) && !onlySpacesDiffer(composed, compatible)) {
            undone.add(Undone.COMPATIBILITY_FORMS);
        }
        text = dropStrayMarks(compatible, undone);
        text = joinSpacedLetters(text, undone);
        return new Cleaned(text, undone);
    }

    private static boolean onlySpacesDiffer(String a, String b) {
        return a.replaceAll("\\s", "").equals(b.replaceAll("\\s", ""));
    }

    static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069)
                || codePoint == 0x200E
                || codePoint == 0x200F
                || codePoint == 0x061C;
    }

    /**
     * Text inside a right-to-left override shows reversed: "riA nahaM" behind RLO reads "Mahan Air".
     * Left-to-right letters there are put back in the order a reader sees them, as are right-to-left
     * letters inside a left-to-right override. Every other bidi control only changes where runs of
     * text go, never the order of letters within a word, and is dropped.
     */
    private static String undoOverrides(String raw, Set<Undone> undone) {
        if (raw.chars().noneMatch(NameCleaner::isBidiControl)) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == RLO || c == LRO) {
                int end = raw.indexOf(PDF, i + 1);
                int stop = end < 0 ? raw.length() : end;
                String scope = stripBidi(raw.substring(i + 1, stop));
                boolean reversedToReader = c == RLO ? hasLeftToRightLetters(scope) : hasRightToLeftLetters(scope);
                if (reversedToReader) {
                    out.append(reverseClusters(scope));
                    undone.add(Undone.BIDI_OVERRIDE);
                } else {
                    out.append(scope);
                    undone.add(Undone.BIDI_CONTROLS);
                }
                i = end < 0 ? raw.length() : end + 1;
                continue;
            }
            if (isBidiControl(c)) {
                undone.add(Undone.BIDI_CONTROLS);
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    private static String stripBidi(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isBidiControl(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean hasLeftToRightLetters(String text) {
        return text.codePoints()
                .anyMatch(cp -> Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT);
    }

    private static boolean hasRightToLeftLetters(String text) {
        return text.codePoints().anyMatch(cp -> {
            byte direction = Character.getDirectionality(cp);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    /** Reverses by character and its combining marks, so a mark stays on its letter. */
    private static String reverseClusters(String text) {
        List<String> clusters = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            i += Character.charCount(text.codePointAt(i));
            while (i < text.length() && isMark(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            clusters.add(text.substring(start, i));
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int k = clusters.size() - 1; k >= 0; k--) {
            out.append(clusters.get(k));
        }
        return out.toString();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static String dropInvisible(String text, Set<Undone> undone) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (NameSegmenter.isInvisible(codePoint)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                undone.add(Undone.INVISIBLE);
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /**
     * After composition a Latin, Cyrillic or Greek letter keeps only marks that compose with it
     * (é, ё); a mark left over (q with an acute, a stack of three accents) decorates, it does not
     * spell. Scripts whose vowels are marks (Arabic, Hebrew, Indic) keep theirs.
     */
    private static String dropStrayMarks(String text, Set<Undone> undone) {
        StringBuilder out = null;
        Character.UnicodeScript base = Character.UnicodeScript.COMMON;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            boolean stray = isMark(codePoint) && isAlphabetWithoutMarkVowels(base);
            if (!isMark(codePoint)) {
                base = Character.UnicodeScript.of(codePoint);
            }
            if (stray) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                undone.add(Undone.STRAY_MARKS);
            } else if (out != null) {
                out.appendCodePoint(codePoint);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private static boolean isAlphabetWithoutMarkVowels(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.CYRILLIC
                || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.COMMON;
    }

    /**
     * "M a h a n  A i r", "M-a-h-a-n A-i-r", "B_A_N_K": single letters apart by one separator are
     * one word. The separator that stands most often between two single letters is the one inside
     * words; any other gap ("  ", " " in "M-a-h-a-n A-i-r") ends a word. Joining needs a run of
     * three letters somewhere in the name; beside one, runs of two join too ("A-l Q-a-i-d-a").
     */
    private static String joinSpacedLetters(String text, Set<Undone> undone) {
        List<int[]> letters = singleLetters(text);
        if (letters.size() < SPACED_RUN) {
            return text;
        }
        char inside = commonestGap(text, letters);
        if (inside == 0) {
            return text;
        }
        boolean[] joined = new boolean[letters.size()];
        int longest = 1;
        int run = 1;
        for (int k = 1; k < letters.size(); k++) {
            joined[k] = isGap(text, letters.get(k - 1)[1], letters.get(k)[0], inside);
            run = joined[k] ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        if (longest < SPACED_RUN) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (int k = 0; k < letters.size(); k++) {
            if (joined[k]) {
                out.append(text, at, letters.get(k - 1)[1]);
                at = letters.get(k)[0];
            }
        }
        out.append(text, at, text.length());
        undone.add(Undone.LETTER_SPACING);
        return out.toString();
    }

    private static boolean isGap(String text, int from, int to, char separator) {
        return to - from == 1 && text.charAt(from) == separator;
    }

    /** The separator most often alone between two single letters, or 0 when none is. */
    private static char commonestGap(String text, List<int[]> letters) {
        int[] counts = new int[LETTER_SEPARATORS.length()];
        for (int k = 1; k < letters.size(); k++) {
            int from = letters.get(k - 1)[1];
            int to = letters.get(k)[0];
            if (to - from == 1) {
                int index = LETTER_SEPARATORS.indexOf(text.charAt(from));
                if (index >= 0) {
                    counts[index]++;
                }
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                best = i;
            }
        }
        return best < 0 ? 0 : LETTER_SEPARATORS.charAt(best);
    }

    private static boolean isLetterOrMark(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || isMark(codePoint);
    }

    /** Every one-letter word of the text as {start, end}. */
    private static List<int[]> singleLetters(String text) {
        List<int[]> letters = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = singleLetterEnd(text, i);
            if (end > 0) {
                letters.add(new int[] {i, end});
                i = end;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return letters;
    }

    /**
     * The end of a one-letter word starting at {@code i} (a letter with its marks, not touching
     * another letter), or -1.
     */
    private static int singleLetterEnd(String text, int i) {
        if (i >= text.length() || !Character.isLetter(text.codePointAt(i))) {
            return -1;
        }
        if (i > 0 && isLetterOrMark(text.codePointBefore(i))) {
            return -1;
        }
        int end = i + Character.charCount(text.codePointAt(i));
        while (end < text.length() && isMark(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        if (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
            return -1;
        }
        return end;
    }
}
