package org.corridor.screening;

/**
 * One token of an analysed name.
 *
 * @param text normalised form: lower-case ASCII letters and digits
 * @param display the word as written in the input, for explanations
 * @param key phonetic key ({@link PhoneticKey})
 * @param skeleton the key without vowels, for comparing with unvowelled scripts
 * @param weight how much the token identifies the name, 0 to 1
 * @param patronymic the token follows "bin", "ibn" or "bint": it names the father, not the person
 * @param syllable for a romanised Korean or Chinese syllable, its {@link SyllableKey}; else empty
 */
record NameToken(
        String text,
        String display,
        String key,
        String skeleton,
        TokenRole role,
        TokenOrigin origin,
        double weight,
        boolean patronymic,
        String syllable) {

    NameToken(
            String text,
            String display,
            String key,
            String skeleton,
            TokenRole role,
            TokenOrigin origin,
            double weight,
            boolean patronymic) {
        this(text, display, key, skeleton, role, origin, weight, patronymic, "");
    }

    NameToken withSyllable(String key) {
        return new NameToken(text, display, this.key, skeleton, role, origin, weight, patronymic, key);
    }

    NameToken asPatronymic() {
        return new NameToken(text, display, key, skeleton, role, origin, weight, true, syllable);
    }

    boolean isContent() {
        return weight > 0;
    }

    boolean isInitial() {
        return role == TokenRole.INITIAL;
    }
}
