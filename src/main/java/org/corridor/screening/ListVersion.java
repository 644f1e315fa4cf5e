package org.corridor.screening;

import java.time.Instant;
import java.util.Objects;

/**
 * One imported version of one list, as stored: where it came from, the list's own date, the digest
 * of the files read, how many entities it holds and what changed against the version it replaced.
 *
 * @param publishedOn the list's own date (ISO, possibly partial) or empty when the files carry none
 * @param sha256 {@link ListSnapshot#sourceSha256()}; identifies the content
 * @param importedBy the name of the actor who imported it
 * @param added entities new in this version (all of them for a list's first version)
 * @param removed entities of the previous version that this one no longer lists
 * @param changed entities listed in both whose content differs
 */
public record ListVersion(
        long id,
        SanctionsList list,
        String source,
        String publishedOn,
        String sha256,
        int entityCount,
        Instant importedAt,
        String importedBy,
        int added,
        int removed,
        int changed) {

    public ListVersion {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(publishedOn, "publishedOn");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(importedAt, "importedAt");
        Objects.requireNonNull(importedBy, "importedBy");
    }

    /**
     * The version as decisions record it: publication date and the first 12 hex digits of the
     * digest, such as {@code 2024-05-03/3f9a0c1d2e4b}. Stable across databases, unlike the id.
     */
    public String label() {
        return (publishedOn.isEmpty() ? "undated" : publishedOn) + "/"
                + sha256.substring(0, Math.min(12, sha256.length()));
    }
}
