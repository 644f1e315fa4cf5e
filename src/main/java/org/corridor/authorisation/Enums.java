package org.corridor.authorisation;

import java.util.Locale;
import java.util.Optional;

/**
 * Reading enum constants from text without exceptions: case, spaces and hyphens do not matter
 * ("Law enforcement" is LAW_ENFORCEMENT); blank or unknown text is simply absent.
 */
final class Enums {

    private Enums() {}

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            String name = text.trim().replaceAll("[\\s-]+", "_").toUpperCase(Locale.ROOT);
            return Optional.of(Enum.valueOf(type, name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
