package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Adjusts a name score with what else the party and the entity say: birth dates, nationalities and
 * identifiers. An exact identifier match (IMO, passport, registration number) is decisive; dates
 * and countries only nudge, because lists often carry several or approximate ones. Stateless.
 */
final class EvidenceScorer {

    static final double BIRTH_DATE_AGREES = 0.05;
    /** Lists and customers differ by a year or a month often enough that this is no evidence. */
    static final int BIRTH_DATE_CLOSE_MONTHS = 13;

    static final double BIRTH_DATE_NEAR = -0.07;
    static final int BIRTH_DATE_NEAR_MONTHS = 60;
    static final double BIRTH_DATE_FAR = -0.15;
    /**
     * A far birth date rules out a name matched only through Korean or Chinese syllables: a full
     * name of three syllables from a few hundred is shared by many people (Kim Song Hun, Ri Jong
     * Su), so the name cannot tell them apart and the date must.
     */
    static final double BIRTH_DATE_RULES_OUT = -1.0;

    static final double NATIONALITY_AGREES = 0.03;
    static final double NATIONALITY_DIFFERS = -0.05;
    static final double IDENTIFIER_DIFFERS = -0.1;
    /** A weak alias (a nickname, a kunya like "Abu Ali") is weaker evidence than a real name. */
    static final double WEAK_ALIAS_FACTOR = 0.9;

    private EvidenceScorer() {}

    /** The largest upward adjustment; candidates this far below the threshold can still make it. */
    static double largestBoost() {
        return BIRTH_DATE_AGREES + NATIONALITY_AGREES;
    }

    static Hit score(Party party, ListedEntity entity, ListedName matched, NameScore name) {
        return score(party, entity, matched, name, Optional.empty());
    }

    static Hit score(
            Party party, ListedEntity entity, ListedName matched, NameScore name, Optional<Contribution> crossType) {
        return score(party, entity, matched, name, crossType, false);
    }

    /**
     * @param crossType the deduction of a match across entity types ({@link TypeRule}), if any
     * @param syllablesOnly whether the name matched only through Korean or Chinese syllables
     */
    static Hit score(
            Party party,
            ListedEntity entity,
            ListedName matched,
            NameScore name,
            Optional<Contribution> crossType,
            boolean syllablesOnly) {
        List<Contribution> contributions = new ArrayList<>(4);
        double score = name.score();
        String nameDetail = "best listed name '" + matched.text() + "' ("
                + matched.kind().name().toLowerCase(Locale.ROOT) + ")";
        if (matched.kind() == NameKind.WEAK_ALIAS) {
            score *= WEAK_ALIAS_FACTOR;
            nameDetail += ", weak alias x" + WEAK_ALIAS_FACTOR;
        }
        contributions.add(new Contribution("name", score, nameDetail));
        Optional<Contribution> identifier = identifier(party, entity);
        if (identifier.isPresent() && identifier.get().delta() > 0) {
            contributions.add(identifier.get());
            return new Hit(entity, matched, 1.0, name, contributions);
        }
        identifier.ifPresent(contributions::add);
        crossType.ifPresent(contributions::add);
        birthDate(party, entity, syllablesOnly).ifPresent(contributions::add);
        nationality(party, entity).ifPresent(contributions::add);
        for (int i = 1; i < contributions.size(); i++) {
            score += contributions.get(i).delta();
        }
        return new Hit(entity, matched, clamp(score), name, contributions);
    }

    private static Optional<Contribution> identifier(Party party, ListedEntity entity) {
        if (party.identifiers().isEmpty() || entity.identifiers().isEmpty()) {
            return Optional.empty();
        }
        boolean comparable = false;
        for (Identifier mine : party.identifiers()) {
            for (Identifier listed : entity.identifiers()) {
                if (!mine.normalisedValue().isEmpty() && mine.normalisedValue().equals(listed.normalisedValue())) {
                    // The same number is decisive whatever the name: vessels are renamed, IMO numbers are not.
                    return Optional.of(new Contribution(
                            "identifier", 1.0, listed.type() + " " + listed.value() + " matches exactly (decisive)"));
                }
                comparable |= mine.type() == listed.type();
            }
        }
        if (!comparable) {
            return Optional.empty();
        }
        return Optional.of(new Contribution("identifier", IDENTIFIER_DIFFERS, "identifiers of the same kind differ"));
    }

    private static Optional<Contribution> birthDate(Party party, ListedEntity entity, boolean syllablesOnly) {
        if (party.birthDates().isEmpty() || entity.birthDates().isEmpty()) {
            return Optional.empty();
        }
        int closest = Integer.MAX_VALUE;
        for (PartialDate mine : party.birthDates()) {
            for (PartialDate listed : entity.birthDates()) {
                if (mine.agreesWith(listed)) {
                    return Optional.of(
                            new Contribution("birth_date", BIRTH_DATE_AGREES, mine + " agrees with listed " + listed));
                }
                closest = Math.min(closest, mine.monthsApart(listed));
            }
        }
        String detail = "closest listed date is " + describeMonths(closest) + " away";
        if (closest <= BIRTH_DATE_CLOSE_MONTHS) {
            return Optional.of(new Contribution("birth_date", 0, detail));
        }
        if (closest > BIRTH_DATE_NEAR_MONTHS && syllablesOnly) {
            return Optional.of(new Contribution(
                    "birth_date",
                    BIRTH_DATE_RULES_OUT,
                    detail + "; a name of Korean or Chinese syllables alone cannot tell people apart"));
        }
        double delta = closest <= BIRTH_DATE_NEAR_MONTHS ? BIRTH_DATE_NEAR : BIRTH_DATE_FAR;
        return Optional.of(new Contribution("birth_date", delta, detail));
    }

    private static String describeMonths(int months) {
        return months % 12 == 0 ? months / 12 + " year(s)" : months + " month(s)";
    }

    private static Optional<Contribution> nationality(Party party, ListedEntity entity) {
        if (party.nationalities().isEmpty() || entity.nationalities().isEmpty()) {
            return Optional.empty();
        }
        // A state that has split (USSR, Yugoslavia, ...) agrees with none of its successors and
        // contradicts none of them either.
        if (party.nationalities().stream().allMatch(Countries::isFormerState)) {
            return Optional.empty();
        }
        for (String mine : party.nationalities()) {
            if (entity.nationalities().contains(mine)) {
                return Optional.of(new Contribution("nationality", NATIONALITY_AGREES, mine + " is listed"));
            }
        }
        return Optional.of(new Contribution(
                "nationality",
                NATIONALITY_DIFFERS,
                String.join("/", party.nationalities()) + " not among listed "
                        + String.join("/", entity.nationalities())));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
