package org.corridor.screening;

import java.util.Locale;

/**
 * A listed address. {@code text} holds the street lines and city as published; {@code countryCode}
 * is an ISO 3166 alpha-2 code or empty when the list gives none or it is not recognised.
 */
public record Address(String text, String countryCode) {

    public Address {
        text = text.strip();
        countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
    }
}
