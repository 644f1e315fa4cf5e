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
    private static final String ABD = "\u0639\u0628\u062F";
    private static final String ALLAH = "\u0627\u0644\u0644\u0647";
    private static final String ALLAH_SUFFIX = "\u0627\u0644\u0644\u0647";
    /** Letters before which the article's l assimilates: t th d dh r z s sh s d t z l n. */
    private static final String SUN_LETTERS =
            "\u062A\u062B\u062F\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u0637\u0638\u0644\u0646";

    private ArabicRomaniser() {}

    static boolean isArabicScript(int codePoint) {
        return (codePoint >= 0x0600 && codePoint <= 0x06FF)
                || (codePoint >= 0x0750 && codePoint <= 0x077F)
                || (codePoint >= 0x08A0 && codePoint <= 0x08FF)
                || (codePoint >= 0xFB50 && codePoint <= 0xFDFF)
                || (codePoint >= 0xFE70 && codePoint <= 0xFEFF);
    }

    /** A romanised word: readable Latin text and its phonetic key (see {@link PhoneticKey}). */
    record Romanised(String text, String key) {}

    /** One Arabic-script word (already NFKC, so presentation forms are plain letters) to Latin words. */
    static List<Romanised> romanise(String word) {
        String letters = stripDecoration(word);
        List<Romanised> words = new ArrayList<>(3);
        // "Abd" (servant of) is often written joined to the name it governs: عبدالرحمن.
        if (letters.length() > 4 && letters.startsWith(ABD) && !letters.startsWith(ABD + ALLAH_SUFFIX)) {
            words.add(romaniseLetters(ABD));
            letters = letters.substring(ABD.length());
        } else if (letters.length() > 4 && letters.startsWith(ABD)) {
            words.add(romaniseLetters(ABD));
            words.add(new Romanised("allah", "ala"));
            return words;
        }
        if (letters.equals(ALLAH) || letters.equals(ALLAH_SUFFIX)) {
            words.add(new Romanised("allah", "ala"));
            return words;
        }
        // The definite article is written joined to the noun; Latin lists write "al-" apart. Before
        // a "sun letter" its l is pronounced as that letter (ad-Din, ar-Rahman, as-Sayyid), which
        // is how Latin spells it when it joins the words (Nureddine, Abdurrahman).
        if (letters.length() > 3 && letters.charAt(0) == ALEF && letters.charAt(1) == LAM) {
            Romanised noun = romaniseLetters(letters.substring(2));
            boolean sun =
                    SUN_LETTERS.indexOf(letters.charAt(2)) >= 0 && !noun.key().isEmpty();
            words.add(new Romanised("al", sun ? "a" + noun.key().charAt(0) : "al"));
            if (!noun.text().isEmpty()) {
                words.add(noun);
            }
            return words;
        }
        Romanised romanised = romaniseLetters(letters);
        if (!romanised.text().isEmpty()) {
            words.add(romanised);
        }
        return words;
    }

    /**
     * Removes tatweel (a stretching stroke) but keeps vowel marks, which help when present; writes
     * the Urdu and Persian forms of heh as the Arabic one, so "اللہ" is "الله".
     */
    private static String stripDecoration(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\u06C1' || c == '\u06D5') {
                out.append('\u0647');
            } else if (c != '\u0640') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Letters only Persian, Urdu and Pashto use: پ چ ژ گ ی ک ے ٹ ڈ ڑ ں. */
    private static boolean isPersianWord(String letters) {
        for (int i = 0; i < letters.length(); i++) {
            switch (letters.charAt(i)) {
                case '\u067E',
                        '\u0686',
                        '\u0698',
                        '\u06AF',
                        '\u06CC',
                        '\u06A9',
                        '\u06D2',
                        '\u0679',
                        '\u0688',
                        '\u0691',
                        '\u06BA' -> {
                    return true;
                }
                default -> {
                    // keep looking
                }
            }
        }
        return false;
    }

    /**
     * Writes the text and, letter by letter, the key: the key is built from the Arabic letters
     * themselves, so a Latin digraph that happens to form in the text (ظه written "zh") cannot be
     * misread as one sound.
     */
    private static Romanised romaniseLetters(String letters) {
        // Persian and Urdu read ث as s and ذ ض ظ as z; Arabic as th, dh, d and z.
        boolean persian = isPersianWord(letters);
        StringBuilder text = new StringBuilder(letters.length() * 2);
        StringBuilder key = new StringBuilder(letters.length() + 2);
        int length = letters.length();
        for (int i = 0; i < length; i++) {
            char c = letters.charAt(i);
            boolean first = text.length() == 0;
            char previous = i > 0 ? letters.charAt(i - 1) : 0;
            char next = i + 1 < length ? letters.charAt(i + 1) : 0;
            switch (c) {
                case ALEF, '\u0671', '\u0622' -> append(text, key, "a", "a");
                case '\u0623' -> append(text, key, first ? "a" : "'", first ? "a" : ""); // alef, hamza above
                case '\u0625' -> append(text, key, "i", "i"); // alef with hamza below
                case '\u0621' -> append(text, key, "'", ""); // hamza
                case '\u0624' -> append(text, key, first ? "u" : "'u", "u"); // waw with hamza
                case '\u0626' -> append(text, key, "'i", "i"); // yeh with hamza
                case '\u0628' -> append(text, key, "b", "b");
                case '\u062A' -> {
                    // Teh and sheen together write the foreign "ch" (Chad, Erlich).
                    if (next == '\u0634') {
                        append(text, key, "ch", "X");
                        i++;
                    } else {
                        append(text, key, "t", "t");
                    }
                }
                case '\u062B' -> append(text, key, persian ? "s" : "th", persian ? "s" : "t");
                case '\u062C' -> append(text, key, "j", "j");
                case '\u062D' -> append(text, key, "h", "h");
                case '\u062E' -> append(text, key, "kh", "h");
                case '\u062F' -> append(text, key, "d", "d");
                case '\u0630' -> append(text, key, persian ? "z" : "dh", "z");
                case '\u0631' -> append(text, key, "r", "r");
                case '\u0632' -> append(text, key, "z", "z");
                case '\u0633', '\u0635' -> append(text, key, "s", "s");
                case '\u0634' -> append(text, key, "sh", "X");
                case '\u0636' -> append(text, key, persian ? "z" : "d", persian ? "z" : "d");
                case '\u0637' -> append(text, key, "t", "t");
                case '\u0638' -> append(text, key, "z", "z");
                // An initial ayn carries the word's first vowel, which Latin writes (Ali, Abbas,
                // Omar); inside a word Latin drops it or writes an apostrophe.
                case '\u0639' -> append(text, key, first ? "a" : "'", first ? "a" : "");
                case '\u063A' -> append(text, key, "gh", "k");
                case '\u0641' -> append(text, key, "f", "f");
                case '\u0642' -> append(text, key, "q", "k");
                case '\u0643', '\u06A9' -> append(text, key, "k", "k");
                case LAM -> append(text, key, "l", "l");
                case '\u0645' -> append(text, key, "m", "m");
                case '\u0646', '\u06BA' -> append(text, key, "n", "n");
                case '\u0647', '\u06BE', '\u06C1' -> {
                    boolean vowel = isFinalVowel(letters, i);
                    append(text, key, vowel ? "a" : "h", vowel ? "a" : "h");
                }
                case '\u0629', '\u06C3', ALEF_MAKSURA -> append(text, key, "a", "a"); // ta marbuta
                case '\u06C0' -> append(text, key, "ih", "i"); // heh with yeh above (Persian ezafe)
                case WAW -> {
                    boolean consonant = first || isVowelFollowing(next) || previous == ALEF;
                    append(text, key, consonant ? "w" : "u", consonant ? "v" : "u");
                }
                case YEH, FARSI_YEH -> {
                    boolean consonant = first || isVowelFollowing(next) || previous == ALEF;
                    append(text, key, consonant ? "y" : "i", consonant ? "y" : "i");
                }
                case '\u06D2', '\u06D3' -> append(text, key, "e", "a"); // Urdu yeh barree
                case '\u067E' -> append(text, key, "p", "p");
                case '\u0686' -> append(text, key, "ch", "X");
                case '\u0698' -> append(text, key, "zh", "j");
                case '\u06AF' -> append(text, key, "g", "g");
                case '\u0679' -> append(text, key, "t", "t");
                case '\u0688' -> append(text, key, "d", "d");
                case '\u0691' -> append(text, key, "r", "r");
                case '\u064E' -> append(text, key, "a", "a"); // fatha
                case '\u064F' -> append(text, key, "u", "u"); // damma
                case '\u0650' -> append(text, key, "i", "i"); // kasra
                case SHADDA -> doubleLastConsonant(text);
                default -> appendOther(text, key, c);
            }
        }
        String romanised = text.toString();
        String family = NameVocabulary.STANDARD.families.get(romanised.replace("'", ""));
        return new Romanised(romanised, family != null ? family : PhoneticKey.finish(key));
    }

    private static void append(StringBuilder text, StringBuilder key, String textPart, String keyPart) {
        text.append(textPart);
        key.append(keyPart);
    }

    /**
     * A final heh after a consonant writes a vowel in Persian and in foreign names (zadeh, Anke),
     * not an h; after a long vowel it is a consonant (Allah, Abdullah keep theirs).
     */
    private static boolean isFinalVowel(String letters, int index) {
        if (index != letters.length() - 1 || index == 0) {
            return false;
        }
        char previous = letters.charAt(index - 1);
        return previous != ALEF && previous != WAW && previous != YEH && previous != FARSI_YEH && previous != LAM;
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

    private static void appendOther(StringBuilder text, StringBuilder key, char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            text.append((char) ('0' + (c - '\u0660')));
            key.append((char) ('0' + (c - '\u0660')));
        } else if (c >= '\u06F0' && c <= '\u06F9') {
            text.append((char) ('0' + (c - '\u06F0')));
            key.append((char) ('0' + (c - '\u06F0')));
        } else if (c < 128 && Character.isLetterOrDigit(c)) {
            text.append(Character.toLowerCase(c));
            key.append(Character.toLowerCase(c));
        }
        // Sukun, tanwin (case endings) and other marks carry nothing a Latin listing would show.
    }
}
