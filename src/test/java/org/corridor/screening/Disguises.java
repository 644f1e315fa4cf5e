package org.corridor.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The ways an evader disguises a name so that it still reads the same to a person: invisible or
 * decorating characters, letters pulled apart, text reversed behind a bidi override, words glued.
 * Each disguise is deterministic for a given random source. Test code: the engine never sees it.
 */
final class Disguises {

    private Disguises() {}

    private static final char[] ZERO_WIDTH = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'};

    /** Every disguise by name, in the order the report prints them. */
    static Map<String, BiFunction<String, Random, String>> all() {
        Map<String, BiFunction<String, Random, String>> all = new LinkedHashMap<>();
        all.put("combining marks", Disguises::combiningMarks);
        all.put("fullwidth forms", (name, random) -> fullwidth(name));
        all.put("zero-width characters", Disguises::zeroWidth);
        all.put("soft hyphens", Disguises::softHyphens);
        all.put("letter-spaced", (name, random) -> separated(name, " ", "  "));
        all.put("hyphen between letters", (name, random) -> separated(name, "-", " "));
        all.put("underscore between letters", (name, random) -> separated(name, "_", " "));
        all.put("dot between letters", (name, random) -> separated(name, ".", " "));
        all.put("reversed behind RLO", (name, random) -> reversedBehindOverride(name));
        all.put("glued (CamelCase)", (name, random) -> glued(name, true));
        all.put("glued (one case)", (name, random) -> glued(name, false));
        return all;
    }

    /** The words of a name without punctuation ("SOLEIMANI, Qasem" gives SOLEIMANI and Qasem). */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String word : name.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String combiningMarks(String name, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c);
            if (Character.isLetter(c) && random.nextInt(3) == 0) {
                out.append((char) (0x0300 + random.nextInt(0x70)));
            }
        }
        return out.toString();
    }

    static String fullwidth(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c > 0x20 && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return out.toString();
    }

    static String zeroWidth(String name, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c);
            if (Character.isLetter(c) && random.nextInt(2) == 0) {
                out.append(ZERO_WIDTH[random.nextInt(ZERO_WIDTH.length)]);
            }
        }
        return out.toString();
    }

    static String softHyphens(String name, Random random) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c);
            if (Character.isLetter(c) && random.nextInt(2) == 0) {
                out.append('\u00AD');
            }
        }
        return out.toString();
    }

    /** "M a h a n  A i r": letters apart by {@code between}, words apart by {@code words}. */
    static String separated(String name, String between, String wordSeparator) {
        List<String> spread = new ArrayList<>();
        for (String word : words(name)) {
            spread.add(String.join(between, word.split("")));
        }
        return String.join(wordSeparator, spread);
    }

    /** Stored reversed, shown in the right order by a right-to-left override. */
    static String reversedBehindOverride(String name) {
        return "\u202E" + new StringBuilder(name).reverse() + "\u202C";
    }

    /** "MahanAir" (CamelCase) or "MAHANAIR". */
    static String glued(String name, boolean camelCase) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            if (camelCase) {
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1).toLowerCase(Locale.ROOT));
            } else {
                out.append(word.toUpperCase(Locale.ROOT));
            }
        }
        return out.toString();
    }
}
