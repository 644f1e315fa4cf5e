package org.corridor.screening;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a typed party may match a listing of another type. A person is not an organisation and a
 * company is not a person: "Mohammed Ali Trading" must not hit a listed Mohammed Ali. Types are
 * declared by whoever enters the party, though, so a type alone must not let a listed name through:
 * a person and an organisation are still compared when the organisation's name has no word that
 * only an organisation has (a legal form such as LLC, or a trade word such as Trading or Bank),
 * because such a name may be the person (a sole trader, a front) or a listed group ("Hizballah").
 * Those hits carry a small deduction and say why. Vessels and aircraft match only their own type.
 * Stateless.
 */
final class TypeRule {

    /** What a hit across types costs: it is less likely than one within its type. */
    static final double CROSS_TYPE = -0.05;

    private TypeRule() {}

    /** The decision for one party type and listed type. */
    sealed interface Verdict {}

    /** Same type, or the party has none: nothing to say. */
    record SameType() implements Verdict {}

    /** Compared across types; the contribution explains it. */
    record Admitted(Contribution contribution) implements Verdict {}

    /** Not compared: the organisation's name says it is one. */
    record Refused() implements Verdict {}

    /**
     * @param organisationName the organisation's name of the pair (the party's or the listing's),
     *     analysed as an organisation
     */
    static Verdict decide(Optional<EntityType> party, EntityType listed, AnalysedName organisationName) {
        if (party.isEmpty() || party.get() == listed) {
            return new SameType();
        }
        if (hasOrganisationWords(organisationName)) {
            return new Refused();
        }
        return new Admitted(new Contribution(
                "type",
                CROSS_TYPE,
                "party is " + article(party.get()) + ", listed " + article(listed)
                        + "; compared because the organisation's name has no legal form or trade word"));
    }

    static boolean hasOrganisationWords(AnalysedName name) {
        for (NameToken token : name.tokens()) {
            if (token.role() == TokenRole.LEGAL_FORM || token.role() == TokenRole.GENERIC) {
                return true;
            }
        }
        return false;
    }

    private static String article(EntityType type) {
        String word = type.name().toLowerCase(Locale.ROOT);
        return (word.startsWith("o") || word.startsWith("a") ? "an " : "a ") + word;
    }
}
