package org.corridor.authorisation;

import java.util.Locale;
import java.util.regex.Pattern;

/** Word matching for descriptions: case, punctuation and a plural ending do not matter. */
final class Text {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Text() {}

    /** Lower-case words separated by single spaces: "128-slice CT Scanner" becomes "128 slice ct scanner". */
    static String words(String text) {
        if (text == null) {
            return "";
        }
        return NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** True when {@code words} contains the words of {@code phrase} in a row, the last one perhaps plural. */
    static boolean containsWords(String words, String phrase) {
        String padded = " " + words + " ";
        return padded.contains(" " + phrase + " ")
                || padded.contains(" " + phrase + "s ")
                || padded.contains(" " + phrase + "es ");
    }
}
