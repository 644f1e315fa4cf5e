package org.corridor.authorisation;

import java.util.List;
import java.util.Optional;

/**
 * An authorisation about to expire (FR-3).
 *
 * @param daysRemaining whole days from the date asked about to the last valid day (0: it is the last day)
 * @param leadDays the lead time reached: the smallest configured lead time not below the days remaining
 * @param renewedBy the reference of its renewal, if one is recorded
 * @param affectedItems pending items that would execute after the expiry and rely on it
 */
public record ExpiryWarning(
        Authorisation authorisation,
        long daysRemaining,
        int leadDays,
        Optional<String> renewedBy,
        List<PendingItem> affectedItems) {

    public ExpiryWarning {
        affectedItems = List.copyOf(affectedItems);
    }
}
