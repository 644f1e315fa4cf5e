package org.corridor.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A listed entity that a party may be. The explanation says which query tokens matched which
 * listed tokens and how ({@link NameScore#matches()}), and what every other field contributed.
 *
 * @param matchedName the listed name (primary or alias) that matched best
 * @param score 0 to 1; comparable with the screener's threshold
 */
public record Hit(
        ListedEntity entity, ListedName matchedName, double score, NameScore name, List<Contribution> contributions) {

    public Hit {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(matchedName, "matchedName");
        Objects.requireNonNull(name, "name");
        contributions = List.copyOf(contributions);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within [0, 1]: " + score);
        }
    }

    public SanctionsList list() {
        return entity.list();
    }

    public String entityId() {
        return entity.id();
    }

    /** The entity's primary name as listed. */
    public String entityName() {
        return entity.primaryName();
    }

    public List<String> programmes() {
        return entity.programmes();
    }

    /** The explanation as short lines: token alignments, then each field's contribution. */
    public List<String> why() {
        List<String> lines = new ArrayList<>(name.normalisationLine());
        for (TokenMatch match : name.matches()) {
            lines.add(match.describe());
        }
        if (!name.unmatchedQuery().isEmpty()) {
            lines.add("query only: " + String.join(" ", name.unmatchedQuery()));
        }
        if (!name.unmatchedListed().isEmpty()) {
            lines.add("listed only: " + String.join(" ", name.unmatchedListed()));
        }
        for (Contribution contribution : contributions) {
            lines.add(contribution.describe());
        }
        if (!entity.programmes().isEmpty()) {
            lines.add("programmes: " + String.join(", ", entity.programmes()));
        }
        return lines;
    }
}
