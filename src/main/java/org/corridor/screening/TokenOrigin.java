package org.corridor.screening;

/** The script a token was written in before normalisation. */
enum TokenOrigin {
    LATIN,
    /** Cyrillic or Greek look-alike letters inside a Latin word, mapped back to Latin. */
    CONFUSABLE,
    /** Arabic script (Arabic, Persian, Urdu), romanised by {@link ArabicRomaniser}. */
    ARABIC,
    /** Another alphabetic script (Cyrillic, Greek, Hebrew, ...), romanised by ICU. */
    OTHER_SCRIPT,
    /**
     * Japanese kana, romanised without the vowels Japanese adds after foreign consonants. Kana has
     * one letter for r and l and writes v as b, so those pairs compare as one letter.
     */
    KANA,
    /**
     * A syllabic or logographic script (Chinese, Japanese, Korean), romanised by ICU one syllable per
     * token. Syllables come from a small inventory, so each says little on its own.
     */
    SYLLABIC
}
