package org.corridor.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Korean names: Hangul syllables romanised the way sanctions lists write North Korean names
 * (McCune-Reischauer without its breves and apostrophes, each syllable on its own: 김정은 as Kim
 * Jong Un, 리병철 as Ri Pyong Chol), and Han characters read in Korean (金正恩 as 김정은) from the
 * Unihan kHangul readings shipped in {@code screening/hanja-hangul.tsv.gz}. South Korean Revised
 * Romanisation (Jeong, Byeong, Gi) and the surname spellings (Lee, Rhee, Choi, Park) are matched
 * by {@link SyllableKey}, which folds both systems together. Stateless; thread-safe.
 */
final class Hangul {

    private static final int FIRST = 0xAC00;
    private static final int LAST = 0xD7A3;

    private static final String[] INITIALS = {
        "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th", "ph", "h"
    };
    private static final String[] VOWELS = {
        "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u",
        "ui", "i"
    };
    /** Final consonants as pronounced at the end of a syllable (ㅅ ㅈ ㅊ ㅌ ㅎ all as t). */
    private static final String[] FINALS = {
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
        "t", "t", "k", "t", "p", "t"
    };

    private static final Map<Integer, String> HANJA = loadHanja();

    private Hangul() {}

    static boolean isSyllable(int codePoint) {
        return codePoint >= FIRST && codePoint <= LAST;
    }

    static boolean hasSyllables(String text) {
        return text.codePoints().anyMatch(Hangul::isSyllable);
    }

    /** One Hangul syllable in the lists' romanisation ("정" as "jong"). */
    static String romanise(int syllable) {
        int index = syllable - FIRST;
        return INITIALS[index / 588] + VOWELS[(index % 588) / 28] + FINALS[index % 28];
    }

    /** Korean surnames as Russian writes them (Kontsevich and older practice). */
    private static final java.util.Set<String> CYRILLIC_SURNAMES = java.util.Set.of(
            "ким", "ли", "ри", "пак", "пэк", "чхве", "цой", "чве", "хван", "кан", "чон", "чо", "чхо", "юн", "мун",
            "сон", "хан", "нам", "ан", "квон", "хон", "син", "ю", "лим", "им", "о", "ко", "пэ", "чу", "мин", "чан",
            "ян", "хён", "чен", "рю", "но", "тхэ");

    /**
     * Whether a name of Cyrillic words reads as a Korean name: short words, the first or the last a
     * Korean surname ("Ким Чен Ын").
     */
    static boolean isCyrillicKorean(java.util.List<String> words) {
        if (words.size() < 2) {
            return false;
        }
        for (String word : words) {
            if (word.length() > 4
                    || !word.codePoints()
                            .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC)) {
                return false;
            }
        }
        String first = words.get(0).toLowerCase(java.util.Locale.ROOT);
        String last = words.get(words.size() - 1).toLowerCase(java.util.Locale.ROOT);
        return CYRILLIC_SURNAMES.contains(first) || CYRILLIC_SURNAMES.contains(last);
    }

    /**
     * A Korean syllable written in Cyrillic, back in Latin: ы is ŭ, е after a consonant the o of
     * 정 (Чен, Чон), чх ч ц and чж the ch/j sounds, a final н either n or ng (as {@link SyllableKey}
     * folds them).
     */
    static String fromCyrillic(String word) {
        String s = word.toLowerCase(java.util.Locale.ROOT);
        s = s.replace("чж", "j")
                .replace("чх", "ch")
                .replace("кх", "k")
                .replace("тх", "t")
                .replace("пх", "p");
        StringBuilder out = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(
                    switch (c) {
                        case 'а' -> "a";
                        case 'б' -> "p";
                        case 'в' -> "w";
                        case 'г' -> "k";
                        case 'д' -> "t";
                        case 'е', 'о' -> i == 0 ? "yo" : "o";
                        case 'ё' -> "yo";
                        case 'ж' -> "j";
                        case 'з' -> "j";
                        case 'и', 'й' -> "i";
                        case 'к' -> "k";
                        case 'л' -> "l";
                        case 'м' -> "m";
                        case 'н' -> "n";
                        case 'п' -> "p";
                        case 'р' -> "r";
                        case 'с' -> "s";
                        case 'т' -> "t";
                        case 'у' -> "u";
                        case 'х' -> "h";
                        case 'ц', 'ч' -> "ch";
                        case 'ш', 'щ' -> "s";
                        case 'ы' -> "u";
                        case 'э' -> "ae";
                        case 'ю' -> "yu";
                        case 'я' -> "ya";
                        default -> String.valueOf(c);
                    });
        }
        return out.toString();
    }

    /** The Korean reading of a Han character, if Unihan gives one. */
    static String hanjaReading(int codePoint) {
        return HANJA.get(codePoint);
    }

    /**
     * The text with every Han character that has a Korean reading replaced by it (金正恩 as 김정은),
     * or the text itself when it has no Han characters to read.
     */
    static String readHanja(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean changed = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String reading =
                    Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN ? HANJA.get(codePoint) : null;
            if (reading != null) {
                out.append(reading);
                changed = true;
            } else {
                out.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return changed ? out.toString() : text;
    }

    private static Map<Integer, String> loadHanja() {
        Map<Integer, String> readings = new HashMap<>(12_000);
        try (InputStream in = Hangul.class.getResourceAsStream("/screening/hanja-hangul.tsv.gz")) {
            if (in == null) {
                throw new IllegalStateException("resource /screening/hanja-hangul.tsv.gz is missing");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                readings.put(Integer.parseInt(line.substring(0, tab), 16), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(readings);
    }
}
