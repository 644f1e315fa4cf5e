package org.corridor.ownership;

import java.math.BigDecimal;
import java.util.List;

/**
 * An owner upstream of the assessed party that counts as blocked: listed, or blocked by ownership
 * itself (then with its own blocked share, so the reviewer can follow the cascade).
 */
public record BlockedOwner(
        PartyRef party, OwnershipStatus status, List<Listing> listings, BigDecimal blockedSharePercent) {

    public BlockedOwner {
        listings = List.copyOf(listings);
    }
}
