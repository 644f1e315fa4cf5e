package org.corridor.screening;

import java.util.Objects;

/** One name of a listed entity, exactly as the list spells it. */
public record ListedName(String text, NameKind kind) {

    public ListedName {
        Objects.requireNonNull(kind, "kind");
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a listed name cannot be blank");
        }
    }
}
