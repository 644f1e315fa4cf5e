package org.corridor.authorisation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words of goods descriptions and of the nomenclature, reduced to comparable stems. The same
 * reduction is applied to both sides, so it only has to be consistent, not linguistically right:
 * case, punctuation, plurals, British and American spellings (fertiliser, sulphate, anaesthetic)
 * and a few verb endings do not matter.
 */
final class GoodsText {

    /**
     * Words that say nothing about what goods are: grammar, quantities, packing and trade words. A
     * description made only of these cannot be checked against a heading.
     */
    private static final Set<String> STOP_WORDS = Set.copyOf(Arrays.asList(("a an and or of the for with in to by"
                    + " from on at per as its their thereof such similar like this that these those be is are"
                    + " whether not than other others n e c nec nes elsewhere specified included including"
                    + " excluding except kind kinds type types grade quality new use used using uses purpose"
                    + " purposes goods product products article articles item items unit units piece pieces"
                    + " pc pcs pce set sets pack packs packed box boxes carton cartons bag bags case cases"
                    + " lot lots batch supply supplies assorted various misc miscellaneous standard premium"
                    + " brand model size small large medium big no nos number qty quantity each ea total"
                    + " mg ml g gr gm kg kgs l lt ltr mcg ug iu mm cm m mt t tonne tonnes ton tons lb lbs oz"
                    + " percent pct approx approximately about only also etc all any some part parts"
                    + " accessories heading headings subheading chapter item aid relief humanitarian"
                    + " donation donated emergency hospital hospitals clinic clinics hs code")
            .split(" ")));

    private static final Pattern IZE = Pattern.compile("is(e|ed|er|ers|es|ing|ation|ations)$");
    private static final Pattern YZE = Pattern.compile("yse(r|rs|s|d)?$");
    private static final Pattern TER = Pattern.compile("tre(s)?$");
    private static final Pattern ES_PLURAL = Pattern.compile(".*(ss|x|z|ch|sh|o)es$");
    private static final Pattern NOT_PLURAL = Pattern.compile(".*(ss|us|is|ys)$");

    private GoodsText() {}

    /** Every word of {@code text} as a stem, in order, stop words and numbers included. */
    static List<String> allStems(String text) {
        return words(text).stream().map(GoodsText::stem).toList();
    }

    /** The words of {@code text} that can name goods: no stop words, no numbers, no single letters. */
    static List<String> contentWords(String text) {
        return words(text).stream().filter(GoodsText::isContent).toList();
    }

    private static List<String> words(String text) {
        String words = Text.words(text);
        return words.isEmpty() ? List.of() : Arrays.asList(words.split(" "));
    }

    /** True for a word that can name goods. */
    static boolean isContent(String word) {
        return word.length() >= 2
                && word.chars().noneMatch(Character::isDigit)
                && !STOP_WORDS.contains(word)
                && !STOP_WORDS.contains(stem(word));
    }

    /** The stem of one lower-case word. */
    static String stem(String word) {
        String w = spelling(word);
        w = plural(w);
        if (w.length() > 6 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 5 && w.endsWith("ed") && !w.endsWith("eed")) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }

    /** One spelling for words the nomenclature and declarants spell two ways. */
    private static String spelling(String word) {
        String w =
                word.replace("sulph", "sulf").replace("aluminium", "aluminum").replace("ae", "e");
        if (w.startsWith("oe")) {
            w = w.substring(1);
        }
        w = IZE.matcher(w).replaceAll("iz$1");
        w = YZE.matcher(w).replaceAll("yze$1");
        return TER.matcher(w).replaceAll("ter$1");
    }

    private static String plural(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && ES_PLURAL.matcher(w).matches()) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !NOT_PLURAL.matcher(w).matches()) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
