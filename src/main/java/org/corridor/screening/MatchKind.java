package org.corridor.screening;

/** How a query token matched a listed token. */
public enum MatchKind {
    /** Same normalised spelling (case, accents, punctuation and invisible characters aside). */
    EXACT,
    /** A romanisation variant with the same phonetic key (Qasem / Ghasem, Soleimani / Soleymani). */
    PHONETIC,
    /** Written in another script and equal or close after romanisation (محمد / Muhammad). */
    TRANSLITERATED,
    /** Close spelling: a typo, a dropped or swapped letter. */
    FUZZY,
    /** A single letter standing for the other token (V. / Vladimir). */
    INITIAL,
    /** One token on one side matches two or three joined tokens on the other (Abdulhai / Abdul Hai). */
    JOINED
}
