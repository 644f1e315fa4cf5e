package org.corridor.screening;

import java.util.List;
import java.util.Objects;

/**
 * One version of one list as parsed from its published files.
 *
 * @param publishedOn the list's own date (ISO, possibly partial) or empty when the files carry none
 * @param sourceSha256 SHA-256 (hex) over the bytes of the files read, in a fixed order; two
 *     snapshots with the same digest are the same version
 */
public record ListSnapshot(SanctionsList list, String publishedOn, String sourceSha256, List<ListedEntity> entities) {

    public ListSnapshot {
        Objects.requireNonNull(list, "list");
        publishedOn = publishedOn.strip();
        sourceSha256 = sourceSha256.strip();
        entities = List.copyOf(entities);
        for (ListedEntity entity : entities) {
            if (entity.list() != list) {
                throw new IllegalArgumentException("entity " + entity.key() + " does not belong to list " + list);
            }
        }
    }

    public int size() {
        return entities.size();
    }
}
