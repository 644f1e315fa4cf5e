package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * Romanises Arabic-script words (Arabic, Persian, Urdu letters) the way names are commonly written
 * in Latin lists: consonants as in the usual English transcription (خ kh, ش sh, غ gh, ق q, ذ dh,
 * ث th, پ p, چ ch, ژ zh, گ g), long vowels from alef, waw and yeh, ta marbuta as "a", ayn and hamza
 * dropped (Latin lists drop or apostrophise them), short-vowel marks used when present and the
 * article "ال" split off as "al". Unvowelled script has no short vowels, so the result is a
 * skeleton that the matcher compares with cheap vowel insertions. Stateless and thread-safe.
 */
final class ArabicRomaniser {

    private static final char ALEF = '\u0627';
    private static final char LAM = '\u0644';
    private static final char WAW = '\u0648';
    private static final char YEH = '\u064A';
    private static final char FARSI_YEH = '\u06CC';
    private static final char ALEF_MAKSURA = '\u0649';
    private static final char SHADDA = '\u0651';

    private ArabicRomaniser() {}

    static boolean isArabicScript(int codePoint) {
        return (codePoint >= 0x0600 && codePoint <= 0x06FF)
                || (codePoint >= 0x0750 && codePoint <= 0x077F)
                || (codePoint >= 0x08A0 && codePoint <= 0x08FF)
                || (codePoint >= 0xFB50 && codePoint <= 0xFDFF)
                || (codePoint >= 0xFE70 && codePoint <= 0xFEFF);
    }

    /** One Arabic-script word (already NFKC, so presentation forms are plain letters) to Latin words. */
    static List<String> romanise(String word) {
        String letters = stripDecoration(word);
        List<String> words = new ArrayList<>(2);
        // The definite article is written joined to the noun; Latin lists write "al-" apart.
        if (letters.length() > 3 && letters.charAt(0) == ALEF && letters.charAt(1) == LAM) {
            words.add("al");
            letters = letters.substring(2);
        }
        String romanised = romaniseLetters(letters);
        if (!romanised.isEmpty()) {
            words.add(romanised);
        }
        return words;
    }

    /** Removes tatweel (a stretching stroke) but keeps vowel marks, which help when present. */
    private static String stripDecoration(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != '\u0640') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String romaniseLetters(String letters) {
        StringBuilder out = new StringBuilder(letters.length() * 2);
        int length = letters.length();
        for (int i = 0; i < length; i++) {
            char c = letters.charAt(i);
            boolean first = out.length() == 0;
            char next = i + 1 < length ? letters.charAt(i + 1) : 0;
            switch (c) {
                case ALEF, '\u0671' -> out.append('a');
                case '\u0623' -> out.append(first ? "a" : "'"); // alef with hamza above
                case '\u0625' -> out.append('i'); // alef with hamza below
                case '\u0622' -> out.append('a'); // alef madda
                case '\u0621' -> out.append('\''); // hamza
                case '\u0624' -> out.append(first ? "u" : "'u"); // waw with hamza
                case '\u0626' -> out.append("'i"); // yeh with hamza
                case '\u0628' -> out.append('b');
                case '\u062A' -> out.append('t');
                case '\u062B' -> out.append("th");
                case '\u062C' -> out.append('j');
                case '\u062D' -> out.append('h');
                case '\u062E' -> out.append("kh");
                case '\u062F' -> out.append('d');
                case '\u0630' -> out.append("dh");
                case '\u0631' -> out.append('r');
                case '\u0632' -> out.append('z');
                case '\u0633' -> out.append('s');
                case '\u0634' -> out.append("sh");
                case '\u0635' -> out.append('s');
                case '\u0636' -> out.append('d');
                case '\u0637' -> out.append('t');
                case '\u0638' -> out.append('z');
                case '\u0639' -> out.append('\''); // ayn
                case '\u063A' -> out.append("gh");
                case '\u0641' -> out.append('f');
                case '\u0642' -> out.append('q');
                case '\u0643', '\u06A9' -> out.append('k');
                case LAM -> out.append('l');
                case '\u0645' -> out.append('m');
                case '\u0646', '\u06BA' -> out.append('n');
                case '\u0647', '\u06BE', '\u06C1' -> out.append('h');
                case '\u0629', '\u06C3' -> out.append('a'); // ta marbuta
                case '\u06C0' -> out.append("ih"); // heh with yeh above (Persian ezafe)
                case ALEF_MAKSURA -> out.append('a');
                case WAW -> out.append(first || isVowelFollowing(next) ? "w" : "u");
                case YEH, FARSI_YEH -> out.append(first || isVowelFollowing(next) ? "y" : "i");
                case '\u06D2', '\u06D3' -> out.append('e'); // Urdu yeh barree
                case '\u067E' -> out.append('p');
                case '\u0686' -> out.append("ch");
                case '\u0698' -> out.append("zh");
                case '\u06AF' -> out.append('g');
                case '\u0679' -> out.append('t');
                case '\u0688' -> out.append('d');
                case '\u0691' -> out.append('r');
                case '\u064E' -> out.append('a'); // fatha
                case '\u064F' -> out.append('u'); // damma
                case '\u0650' -> out.append('i'); // kasra
                case SHADDA -> doubleLastConsonant(out);
                default -> appendOther(out, c);
            }
        }
        return out.toString();
    }

    /** Waw or yeh before a long alef reads as a consonant ("wa", "ya"). */
    private static boolean isVowelFollowing(char next) {
        return next == ALEF || next == '\u064E' || next == '\u064F' || next == '\u0650';
    }

    private static void doubleLastConsonant(StringBuilder out) {
        if (out.length() > 0) {
            char last = out.charAt(out.length() - 1);
            if (last != 'a' && last != 'i' && last != 'u' && last != '\'') {
                out.append(last);
            }
        }
    }

    private static void appendOther(StringBuilder out, char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            out.append((char) ('0' + (c - '\u0660')));
        } else if (c >= '\u06F0' && c <= '\u06F9') {
            out.append((char) ('0' + (c - '\u06F0')));
        } else if (c < 128 && Character.isLetterOrDigit(c)) {
            out.append(Character.toLowerCase(c));
        }
        // Sukun, tanwin (case endings) and other marks carry nothing a Latin listing would show.
    }
}
