package org.corridor.screening;

import java.util.Objects;
import java.util.Optional;

/**
 * A new active version of one list, as listeners of {@link Screening#onListsChanged} receive it
 * after the import has committed: the version it replaced (empty for a list's first import), the
 * new one, and what changed between them.
 */
public record ListChange(SanctionsList list, Optional<ListVersion> previous, ListVersion current, ListDelta delta) {

    public ListChange {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(delta, "delta");
    }
}
