package org.corridor.authorisation;

import java.util.Optional;

/**
 * The category a goods line claims, and the purposes an authorisation permits (domain 4.2 and
 * FR-16). OTHER covers "other approved non-sanctionable purposes", which always need a person.
 */
public enum Category {
    FOOD,
    AGRI,
    MEDICINE,
    DEVICE,
    OTHER;

    /** The category named by {@code text} (case-insensitive), or empty when blank or unknown. */
    public static Optional<Category> parse(String text) {
        return Enums.parse(Category.class, text);
    }
}
