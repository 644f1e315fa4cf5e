package org.corridor.ownership;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A list entry that an owner's name (or identifier) matches, as screening reports it.
 *
 * @param score 0 to 1, from the screening's matcher
 * @param exact the name matched exactly or nearly so, or an identifier matched: never ignored
 * @param why the screening's explanation, line by line
 * @param fingerprint SHA-256 of everything the list says about the entry, so a changed entry is new
 */
public record OwnerMatch(
        ListingRef ref,
        String listedName,
        List<String> programmes,
        BigDecimal score,
        boolean exact,
        List<String> why,
        String fingerprint) {

    public OwnerMatch {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(listedName, "listedName");
        programmes = List.copyOf(programmes);
        why = List.copyOf(why);
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a match score lies between 0 and 1: " + score);
        }
    }
}
