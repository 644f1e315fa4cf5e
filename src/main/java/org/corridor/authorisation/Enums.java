package org.corridor.authorisation;

import java.util.Locale;
import java.util.Optional;

/** Reading enum constants from text without exceptions: blank or unknown text is simply absent. */
final class Enums {

    private Enums() {}

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
