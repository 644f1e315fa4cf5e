package org.corridor.ownership;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A screening hit on an owner or controller of the graph. Until a four-eyes review clears it as a
 * FALSE_POSITIVE, it counts as a listing of the owner for every regime's ownership rule.
 *
 * @param state OPEN, FALSE_POSITIVE, TRUE_MATCH or ESCALATED
 * @param proposed FALSE_POSITIVE while the first person's clearing awaits a second reviewer
 * @param openedBy who recorded the data that raised the hit, or SYSTEM for a new list version
 */
public record OwnerHit(
        UUID id,
        PartyRef owner,
        String list,
        String entityId,
        String entityName,
        List<String> programmes,
        BigDecimal score,
        boolean exact,
        String fingerprint,
        List<String> why,
        Map<String, String> listVersions,
        String state,
        Optional<String> proposed,
        Optional<String> firstBy,
        Optional<String> firstRationale,
        Optional<Instant> firstAt,
        Optional<String> secondBy,
        Optional<String> secondRationale,
        Optional<Instant> secondAt,
        Instant openedAt,
        String openedBy) {

    /** Where the review of a hit stands; {@code state} carries its name (openapi-fields.properties names it). */
    public enum State {
        OPEN,
        FALSE_POSITIVE,
        TRUE_MATCH,
        ESCALATED
    }

    public OwnerHit {
        programmes = List.copyOf(programmes);
        why = List.copyOf(why);
        listVersions = Map.copyOf(listVersions);
    }

    /** Whether the hit counts as a listing: anything but a confirmed clearing. */
    public boolean counts() {
        return !state.equals("FALSE_POSITIVE");
    }

    /** The hit as a listing of its owner, for the ownership rules. */
    Listing listing() {
        return new Listing(new ListingRef(list, entityId), entityName, programmes, score.min(BigDecimal.ONE));
    }

    /** One line for a reviewer: who matched what, how closely, and where the review stands. */
    public String summary() {
        return owner.name() + " (" + owner.id() + ") matches " + list + ":" + entityId + " \"" + entityName + "\" at "
                + score.toPlainString() + (exact ? " (exact)" : "") + ": hit " + id + " " + state
                + proposed.map(proposal -> " (" + proposal + " proposed by " + firstBy.orElse("?") + ")")
                        .orElse("");
    }
}
