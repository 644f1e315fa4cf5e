package org.corridor.screening;

import java.util.Set;

/**
 * A coarse key for one romanised Korean or Chinese syllable that folds the romanisation systems
 * together: McCune-Reischauer and Revised Romanisation (eo/o, eu/u, g/k, d/t, b/p, j/ch, r/l, and
 * the aspirates kh th ph), the English spellings of Korean surnames (Lee/Rhee/Ri/Li/Yi/I, Choi/Choe,
 * Park/Pak/Bak, Yoon/Yun, Jung/Jong) and doubled letters. Final n and ng stay apart (Jon is not
 * Jong) except for Russian spellings, which write both as н ({@link #withoutNasal}). Syllables of these languages come from a
 * small inventory, so two names whose syllables all share keys are one name in two spellings.
 * Stateless.
 */
final class SyllableKey {

    private SyllableKey() {}

    /**
     * Surnames of Korea and China as lists and customers write them. A Latin name of short syllables
     * with one of these is read as a romanised East Asian name.
     */
    static final Set<String> SURNAMES = Set.of(
            "kim", "gim", "lee", "li", "ri", "rhee", "yi", "park", "pak", "bak", "choi", "choe", "chwe", "jung", "jong",
            "jeong", "chong", "chung", "kang", "gang", "cho", "jo", "joe", "yoon", "yun", "jang", "chang", "lim", "rim",
            "im", "han", "oh", "o", "seo", "so", "suh", "shin", "sin", "kwon", "gwon", "hwang", "ahn", "an", "song",
            "ryu", "yu", "yoo", "hong", "jeon", "chon", "jun", "ko", "go", "moon", "mun", "yang", "ryang", "son",
            "sohn", "bae", "pae", "baek", "paek", "ho", "heo", "hur", "nam", "no", "noh", "ro", "roh", "ha", "kwak",
            "gwak", "cha", "ju", "joo", "chu", "min", "jin", "chin", "ji", "chi", "um", "eom", "chae", "won", "bang",
            "pang", "kong", "gong", "hyun", "ham", "byun", "pyon", "ryom", "yom", "wang", "zhang", "liu", "chen",
            "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng",
            "liang", "xie", "tang", "cao", "deng", "feng", "xiao", "peng", "zeng", "xia", "tian", "dong", "pan", "yuan",
            "jiang", "cai", "du", "ye", "cheng", "wei", "su", "ding", "ren", "shen", "yao", "lu", "jia", "fan", "fang",
            "shi", "tan", "liao", "zou", "xiong", "qiu", "qin", "yan", "dai", "kil", "ku", "koo", "ok", "thae", "tae",
            "hyon", "mo", "pyo", "hyeon");

    /** The key of one syllable-like token (lower-case ASCII). */
    static String of(String text) {
        String s = text;
        s = s.replace("tch", "ch")
                .replace("rh", "r")
                .replace("kh", "k")
                .replace("th", "t")
                .replace("ph", "p");
        s = s.replace("eo", "o")
                .replace("eu", "u")
                .replace("oo", "u")
                .replace("ee", "i")
                .replace("oi", "oe");
        s = s.replace("ung", "ong");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            switch (c) {
                case 'g' -> out.append(i > 0 && s.charAt(i - 1) == 'n' ? 'g' : 'k');
                case 'd' -> out.append('t');
                case 'b' -> out.append('p');
                case 'j' -> out.append('c');
                case 'c' -> {
                    out.append('c');
                    if (next == 'h') {
                        i++;
                    }
                }
                case 'z' -> {
                    out.append('c');
                    if (next == 'h') {
                        i++;
                    }
                }
                case 's' -> {
                    out.append('s');
                    if (next == 'h') {
                        i++;
                    }
                }
                case 'r', 'l' -> {
                    // An r after the vowel is English spelling (Park); r and l are one Korean letter.
                    boolean silent = i > 0 && (next == 0 || !PhoneticKey.isVowel(next)) && c == 'r';
                    if (!silent) {
                        out.append('l');
                    }
                }
                case 'h' -> {
                    // A final h after a vowel is English spelling (Oh, Noh).
                    if (!(next == 0 && i > 0 && PhoneticKey.isVowel(s.charAt(i - 1)))) {
                        out.append('h');
                    }
                }
                default -> out.append(c);
            }
        }
        String key = collapse(out);
        // Initial r/l before y or i is not written in the South (Ryu/Yu, Ri/I); Yi and I are Lee.
        if (key.startsWith("ly")) {
            key = key.substring(1);
        }
        if (key.equals("i") || key.equals("yi")) {
            key = "li";
        }
        return key;
    }

    /**
     * A key with final ng folded into n, for comparing with a Korean syllable written in Cyrillic,
     * where н stands for both. Folding it everywhere would merge syllables such as Jon and Jong, Son
     * and Song, and match innocent Korean and Chinese names to listed ones.
     */
    static String withoutNasal(String key) {
        return key.replace("ng", "n");
    }

    private static String collapse(StringBuilder s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (out.length() == 0 || out.charAt(out.length() - 1) != s.charAt(i)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /** Whether a Latin token has the shape of one or two romanised East Asian syllables. */
    static boolean looksSyllabic(String text) {
        return text.length() <= 8 && SHAPE.matcher(text).matches();
    }

    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(
            "(?:(?:[bcdfghjklmnpqrstwxyz]{0,3})(?:[aeiou]{1,3})(?:ng|n|m|l|k|p|t|r)?){1,2}");
}
