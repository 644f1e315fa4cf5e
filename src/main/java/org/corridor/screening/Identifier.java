package org.corridor.screening;

import java.util.Locale;
import java.util.Objects;

/**
 * An identifying number of a listed entity or a screened party. {@code countryCode} is an ISO 3166
 * alpha-2 code or empty when the issuer is not known.
 */
public record Identifier(IdentifierType type, String value, String countryCode) {

    public Identifier {
        Objects.requireNonNull(type, "type");
        value = value.strip();
        countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an identifier cannot be blank");
        }
    }

    public static Identifier of(IdentifierType type, String value) {
        return new Identifier(type, value, "");
    }

    /**
     * The value reduced to upper-case letters and digits, so that "A 246-3775" and "a2463775" are
     * the same passport. IMO numbers lose an "IMO" prefix.
     */
    public String normalisedValue() {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        String compact = out.toString();
        if (type == IdentifierType.IMO && compact.startsWith("IMO")) {
            return compact.substring(3);
        }
        return compact;
    }
}
