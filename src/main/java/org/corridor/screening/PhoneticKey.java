package org.corridor.screening;

import java.util.Map;

/**
 * Folds the romanisation variants of a normalised (lower-case ASCII) name token into one key, so
 * that spellings of the same sound compare equal: q/gh/k and c, kh/h, sh/ch/sch, j/dj/zh, dh/z,
 * th/t, ph/f, w/v; o/u, ou/oo/u, e/a, ei/ey/ee/ai/ay/ie/i; doubled letters; a final "h" after a vowel
 * (-ah/-a); and whole-name families such as Mohammed/Muhammad/Mohamad. Letters written as
 * upper-case {@code X} in a key stand for the "sh" sound. Stateless and thread-safe.
 */
final class PhoneticKey {

    private PhoneticKey() {}

    static String of(String token) {
        return of(NameVocabulary.STANDARD.families, token);
    }

    static String of(Map<String, String> families, String token) {
        String family = families.get(token);
        if (family != null) {
            return family;
        }
        int length = token.length();
        StringBuilder out = new StringBuilder(length + 2);
        int i = 0;
        while (i < length) {
            char c = token.charAt(i);
            char next = i + 1 < length ? token.charAt(i + 1) : 0;
            char afterNext = i + 2 < length ? token.charAt(i + 2) : 0;
            switch (c) {
                case 's' -> {
                    if (next == 'c' && afterNext == 'h') {
                        out.append('X');
                        i += 3;
                    } else if (next == 'h') {
                        out.append('X');
                        i += 2;
                    } else {
                        out.append('s');
                        i++;
                    }
                }
                case 't' -> {
                    if (next == 'c' && afterNext == 'h') {
                        out.append('X');
                        i += 3;
                    } else if (next == 'h') {
                        out.append('t');
                        i += 2;
                    } else {
                        out.append('t');
                        i++;
                    }
                }
                case 'c' -> {
                    if (next == 'h') {
                        out.append('X');
                        i += 2;
                    } else if (next == 'k' || next == 'q') {
                        out.append('k');
                        i += 2;
                    } else {
                        out.append(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
                        i++;
                    }
                }
                case 'z' -> {
                    out.append(next == 'h' ? 'j' : 'z');
                    i += next == 'h' ? 2 : 1;
                }
                case 'd' -> {
                    if (next == 'j') {
                        out.append('j');
                        i += 2;
                    } else if (next == 'h') {
                        out.append('z');
                        i += 2;
                    } else {
                        out.append('d');
                        i++;
                    }
                }
                case 'k' -> {
                    out.append(next == 'h' ? 'h' : 'k');
                    i += next == 'h' ? 2 : 1;
                }
                case 'g' -> {
                    out.append(next == 'h' ? 'k' : 'g');
                    i += next == 'h' ? 2 : 1;
                }
                case 'p' -> {
                    out.append(next == 'h' ? 'f' : 'p');
                    i += next == 'h' ? 2 : 1;
                }
                case 'q' -> {
                    out.append('k');
                    i += next == 'u' && afterNext != 0 && isVowel(afterNext) ? 2 : 1;
                }
                case 'w' -> {
                    out.append('v');
                    i++;
                }
                case 'x' -> {
                    out.append("ks");
                    i++;
                }
                case 'y' -> {
                    boolean afterVowel = i > 0 && isVowel(token.charAt(i - 1)) && token.charAt(i - 1) != 'y';
                    out.append((i == 0 && isVowel(next)) || (afterVowel && startsSyllable(next)) ? 'y' : 'i');
                    i++;
                }
                case 'o' -> {
                    out.append('u');
                    i += next == 'o' || next == 'u' ? 2 : 1;
                }
                case 'u' -> {
                    out.append('u');
                    i += next == 'u' ? 2 : 1;
                }
                case 'e' -> {
                    if (next == 'e' || next == 'i' || (next == 'y' && !startsSyllable(afterNext))) {
                        out.append('i');
                        i += 2;
                    } else {
                        out.append('a');
                        i++;
                    }
                }
                case 'i' -> {
                    out.append('i');
                    i += next == 'e' ? 2 : 1;
                }
                case 'a' -> {
                    if (next == 'i' || (next == 'y' && !startsSyllable(afterNext))) {
                        out.append('i');
                        i += 2;
                    } else {
                        out.append('a');
                        i += next == 'e' ? 2 : 1;
                    }
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
        return finish(out);
    }

    /** Collapses doubled letters and drops a final h after a vowel (-ah and -a are one ending). */
    static String finish(CharSequence out) {
        StringBuilder collapsed = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (collapsed.length() == 0 || collapsed.charAt(collapsed.length() - 1) != c || Character.isDigit(c)) {
                collapsed.append(c);
            }
        }
        int end = collapsed.length();
        if (end > 2 && collapsed.charAt(end - 1) == 'h' && isKeyVowel(collapsed.charAt(end - 2))) {
            collapsed.setLength(end - 1);
        }
        return collapsed.toString();
    }

    /** The key without vowels: what an unvowelled script such as Arabic writes. */
    /**
     * The key without vowels, in coarse consonant classes: what an unvowelled script writes, read
     * loosely enough that one Arabic letter's two Latin readings fall together (ض as d or z, ق as
     * q or g). Only used to find candidates; scoring compares the full keys.
     */
    static String skeleton(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (isKeyVowel(c) || (c == 'y' && i > 0) || (c == 'v' && i > 0)) {
                continue;
            }
            char folded = switch (c) {
                case 't', 'z' -> 'd';
                case 'X' -> 's';
                case 'g', 'q' -> 'k';
                case 'p' -> 'b';
                case 'v' -> 'f';
                default -> c;
            };
            if (out.length() == 0 || out.charAt(out.length() - 1) != folded) {
                out.append(folded);
            }
        }
        return out.toString();
    }

    /**
     * A y before a, o or u starts the next syllable (Hidayat, Maya), so it is a consonant; before
     * anything else it closes a diphthong (Husayn, Soleymani, Huseyin).
     */
    private static boolean startsSyllable(char next) {
        return next == 'a' || next == 'o' || next == 'u';
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    static boolean isKeyVowel(char c) {
        return c == 'a' || c == 'i' || c == 'u';
    }
}
