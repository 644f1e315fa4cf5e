package org.corridor.ownership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One path by which a blocked owner holds the assessed party: the hops from the blocked owner to
 * the party, the product of their shares, and why the first owner counts as blocked.
 *
 * @param hops from the blocked owner (first hop's owner) to the assessed party (last hop's owned)
 * @param sharePercent the product of the hops' shares, in percent
 * @param ownerStatus LISTED, or BLOCKED_BY_OWNERSHIP for an owner blocked by the cascade
 * @param ownerListings the list entries of the first owner (empty when blocked by ownership)
 */
public record OwnershipPath(
        List<Hop> hops, BigDecimal sharePercent, OwnershipStatus ownerStatus, List<Listing> ownerListings) {

    /** One edge of a path, with its evidence. */
    public record Hop(PartyRef owner, PartyRef owned, SharePercent share, String source, LocalDate asOf) {}

    public OwnershipPath {
        hops = List.copyOf(hops);
        ownerListings = List.copyOf(ownerListings);
    }

    public PartyRef owner() {
        return hops.get(0).owner();
    }

    /** {@code Entity X [DEMO:X] -[50%]-> A -[25%]-> C = 12.5%}. */
    public String text() {
        StringBuilder text = new StringBuilder(owner().name());
        if (!ownerListings.isEmpty()) {
            text.append(ownerListings.stream()
                    .map(listing -> listing.ref().toString())
                    .collect(Collectors.joining(", ", " [", "]")));
        } else if (ownerStatus == OwnershipStatus.BLOCKED_BY_OWNERSHIP) {
            text.append(" [blocked by ownership]");
        }
        for (Hop hop : hops) {
            text.append(" -[")
                    .append(hop.share())
                    .append("]-> ")
                    .append(hop.owned().name());
        }
        text.append(" = ").append(SharePercent.format(sharePercent)).append('%');
        return text.toString();
    }
}
