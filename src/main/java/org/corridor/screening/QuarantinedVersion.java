package org.corridor.screening;

import java.util.Objects;

/**
 * A list version held back by issue 16's shrink check: it dropped more than the allowed share of
 * the active version's entities, so screening keeps the active version until a second person
 * confirms or rejects this one.
 *
 * @param version the quarantined version (with its delta against the active one)
 * @param replaces the id of the version that was active at its import
 * @param replacesEntityCount how many entities that version holds
 */
public record QuarantinedVersion(ListVersion version, long replaces, int replacesEntityCount) {

    public QuarantinedVersion {
        Objects.requireNonNull(version, "version");
    }
}
