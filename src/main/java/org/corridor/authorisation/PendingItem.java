package org.corridor.authorisation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.money.Money;

/**
 * A movement another feature has approved or scheduled but not yet executed, as expiry warnings
 * list it (FR-3).
 *
 * @param kind what it is, such as {@code DISBURSEMENT_REQUEST}
 * @param reference its id in its own feature, such as DR-2024-0412-A
 * @param plannedDate the planned execution date, if known
 * @param authorisationIds the authorisations it relies on; empty when not yet known
 */
public record PendingItem(
        String kind,
        String reference,
        Optional<Money> amount,
        Optional<LocalDate> plannedDate,
        Set<UUID> authorisationIds) {

    public PendingItem {
        amount = amount == null ? Optional.empty() : amount;
        plannedDate = plannedDate == null ? Optional.empty() : plannedDate;
        authorisationIds = authorisationIds == null ? Set.of() : Set.copyOf(authorisationIds);
    }

    /**
     * True when the item would execute after {@code authorisation} expires and relies on it, or
     * when either is unknown: an item that cannot be ruled out is listed.
     */
    boolean affectedBy(Authorisation authorisation) {
        boolean relies = authorisationIds.isEmpty() || authorisationIds.contains(authorisation.id());
        boolean after =
                plannedDate.map(date -> date.isAfter(authorisation.validTo())).orElse(true);
        return relies && after;
    }
}
