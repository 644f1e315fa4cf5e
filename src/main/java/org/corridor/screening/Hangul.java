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
