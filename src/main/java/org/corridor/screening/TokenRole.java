package org.corridor.screening;

/** What a token contributes to a name's identity; the role sets its base weight. */
enum TokenRole {
    /** A given name, surname or distinctive word of an organisation. */
    NAME(1.0),
    /** A single letter standing for a name. */
    INITIAL(0.3),
    /** A number or roman numeral in an organisation or vessel name. */
    NUMBER(0.3),
    /** A word that says what an organisation does ("trading", "bank"). */
    GENERIC(0.35),
    /** A legal form ("LLC", "GmbH"). */
    LEGAL_FORM(0.05),
    /** A name particle ("al", "bin"); weightless but kept for joining tokens. */
    PARTICLE(0.0),
    /** A title or honorific ("Dr", "Haji"). */
    HONORIFIC(0.0),
    /** A function word ("of", "the"). */
    STOPWORD(0.0);

    final double baseWeight;

    TokenRole(double baseWeight) {
        this.baseWeight = baseWeight;
    }
}
