package org.corridor.ownership;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One list entry that a party, vessel or name corresponds to, as the {@link ListingLookup} port
 * reports it.
 *
 * @param ref the list and the entry's id on it
 * @param listedName the name as the list writes it
 * @param programmes the entry's programme tags, such as SDGT, IRGC or NPWMD
 * @param score how close the match is, from 0 to 1; 1 for an explicit designation or an exact
 *     identifier
 */
public record Listing(ListingRef ref, String listedName, List<String> programmes, BigDecimal score) {

    public Listing {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(listedName, "listedName");
        programmes = List.copyOf(programmes);
        Objects.requireNonNull(score, "score");
        if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a listing score lies between 0 and 1: " + score);
        }
    }

    /** An entry that the data itself designates, with full certainty. */
    public static Listing designated(ListingRef ref, String listedName) {
        return new Listing(ref, listedName, List.of(), BigDecimal.ONE);
    }

    /** {@code OFAC_SDN:36216 "Entity X" [IRGC]}: the entry for an explanation. */
    public String describe() {
        return ref + " \"" + listedName + "\"" + (programmes.isEmpty() ? "" : " " + programmes);
    }
}
