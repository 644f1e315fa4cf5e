package org.corridor.authorisation;

import java.util.Locale;
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
        return Names.parse(Category.class, text);
    }

    static final class Names {
        private Names() {}

        static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
